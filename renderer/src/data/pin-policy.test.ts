import { describe, expect, it } from 'vitest';
import { pinProblem } from './pin-policy';

describe('PIN policy', () => {
  it('wants 6 to 12 digits and nothing else', () => {
    for (const pin of ['', '24681', '8135792046571', '24a813', ' 246813', '２４６８１３']) expect(pinProblem(pin), pin).toBe('format');
  });

  it.each([
    ['repeats', ['000000', '111111', '99999999']],
    ['runs up or down, also over 9→0', ['123456', '654321', '234567', '890123', '0123456789', '135791', '975319']],
    ['a block written out twice or more', ['123123', '121212', '100100', '246824682468', '813813']],
    ['grouped runs', ['112233', '998877', '111222']],
    ['keypad shapes and well-known picks', ['147258', '159753', '789456', '520520']],
    ['dates as DDMMYY, YYMMDD, MMDDYY', ['010190', '311299', '900101', '123199', '241268']],
    ['dates with a four-digit year', ['01011990', '19900101', '12312001', '24122025']],
  ])('refuses %s', (_, pins) => {
    for (const pin of pins) expect(pinProblem(pin), pin).toBe('trivial');
  });

  it('accepts PINs with no pattern', () => {
    for (const pin of ['246813', '813579', '975310', '135792', '2468013', '813579204657', '58203917']) expect(pinProblem(pin), pin).toBeNull();
  });

  it('leaves most of the six-digit space to choose from', () => {
    // Every 7th PIN (7 and 10 share no factor, so every last digit is sampled): about 91% may be chosen.
    let tried = 0;
    let allowed = 0;
    for (let i = 0; i < 1_000_000; i += 7, tried++) if (pinProblem(String(i).padStart(6, '0')) === null) allowed++;
    // The refused PINs are the ones attackers try first; refusing too many would shrink the space itself.
    expect(allowed / tried).toBeGreaterThan(0.85);
    expect(allowed / tried).toBeLessThan(0.95);
  });
});
