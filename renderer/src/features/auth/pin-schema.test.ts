import { describe, expect, it } from 'vitest';
import { choosePinSchema } from './pin-schema';

const messages = (value: unknown) => {
  const r = choosePinSchema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('choosePinSchema', () => {
  it('accepts 6 to 12 digits that are not easy to guess, entered twice', () => {
    expect(messages({ pin: '246813', repeat: '246813' })).toEqual([]);
    expect(messages({ pin: '813579204657', repeat: '813579204657' })).toEqual([]);
  });
  it('tells the worker the length rule for short, long or non-digit PINs', () => {
    for (const pin of ['24681', '8135792046571', '24a813']) {
      expect(messages({ pin, repeat: pin })).toEqual(['pin: Een pincode heeft 6 tot 12 cijfers.']);
    }
  });
  it('refuses a PIN that is easy to guess at the PIN field', () => {
    for (const pin of ['111111', '123456', '123123', '010190', '19900101']) {
      expect(messages({ pin, repeat: pin })).toEqual(['pin: Deze pincode is te makkelijk te raden. Kies cijfers zonder herhaling, reeks of datum.']);
    }
  });
  it('says so at the second field when the two differ', () => {
    expect(messages({ pin: '246813', repeat: '246814' })).toEqual(['repeat: De twee pincodes zijn niet hetzelfde.']);
  });
});
