import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../../shared/result';
import { errorText } from './errors';

describe('error catalogue', () => {
  it('has a Dutch sentence for every code the app produces', () => {
    for (const code of errorCodes) {
      const text = errorText({ code, params: { left: 2, waitMs: 5_000, message: 'Vul het wachtwoord in.' } });
      expect(text, code).toMatch(/^[A-Z].*\.$/);
      expect(text, code).not.toBe('Er ging iets mis. Probeer het opnieuw.');
    }
  });

  it('fills in the parameters', () => {
    expect(errorText({ code: 'pin.wrong', params: { left: 1 } })).toBe('Deze pincode klopt niet. Er is nog 1 poging over.');
    expect(errorText({ code: 'pin.too-often', params: { waitMs: 1_000 } })).toBe('Te vaak een verkeerde pincode. Probeer het over 1 seconde opnieuw.');
    expect(errorText({ code: 'pin.too-often', params: { waitMs: 90_000 } })).toBe('Te vaak een verkeerde pincode. Probeer het over 2 minuten opnieuw.');
  });

  it("says the device's own wording for hub codes it knows, and the hub's message for others", () => {
    expect(errorText({ code: 'hub.unauthorized', params: { message: 'Uw sessie is verlopen. Meld u opnieuw aan.' } })).toBe('Meld opnieuw aan om te versturen.');
    expect(errorText({ code: 'hub.case_exists', params: { message: 'Deze casus is al ontvangen met een andere verzendsleutel.' } })).toBe(
      'Deze casus is al ontvangen met een andere verzendsleutel.',
    );
  });

  it('falls back to a general sentence for a code nobody knows, never to the code itself', () => {
    expect(errorText({ code: 'hub.nieuw' })).toBe('Er ging iets mis. Probeer het opnieuw.');
    expect(errorText({ code: 'hub.toString' })).toBe('Er ging iets mis. Probeer het opnieuw.');
  });
});
