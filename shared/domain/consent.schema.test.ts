import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lifeDomains, recipients, settings } from '../../resources/index';
import type { Consent } from './consent.schema';
import { consentSchema, consentState, consentValidUntil, isConsentValid, withdrawConsent } from './consent.schema';
import { addDays } from './working-days';

const consent = (over: Partial<Consent> = {}): Consent => ({
  id: '00000000-0000-4000-8000-0000000000c1',
  householdId: '00000000-0000-4000-8000-0000000000a1',
  scope: { domains: ['geld', 'wonen'], finances: true, signals: true, notes: false },
  recipients: ['schuldhulp-heerlen'],
  method: 'spoken',
  givenOn: '2026-11-26',
  validUntil: '2027-11-25',
  withdrawnOn: null,
  recordedAt: '2026-11-26T10:00:00.000Z',
  ...over,
});

describe('consent schema', () => {
  it('accepts spoken or signed consent for the schuldhulp team', () => {
    expect(consentSchema.safeParse(consent()).success).toBe(true);
    expect(consentSchema.safeParse(consent({ method: 'signed' })).success).toBe(true);
    expect(consentSchema.safeParse({ ...consent(), method: 'email' }).success).toBe(false);
  });

  it('refuses consent without a recipient, with an end before its start, or withdrawn before it was given', () => {
    const messages = (c: unknown) => (consentSchema.safeParse(c).error?.issues ?? []).map((i) => i.message);
    expect(messages(consent({ recipients: [] }))).toContain('Kies met wie de gegevens worden gedeeld.');
    expect(messages(consent({ validUntil: '2026-11-25' }))).toContain('De einddatum ligt voor de datum van toestemming.');
    expect(messages(consent({ withdrawnOn: '2026-11-01' }))).toContain('Intrekken kan niet voor de datum van toestemming.');
    expect(messages(consent({ scope: { domains: ['geld', 'geld'], finances: false, signals: false, notes: false } }))).toContain('Elk leefgebied één keer.');
  });

  it('names only recipients and life domains that exist in resources/', () => {
    expect(recipients.map((r) => r.id)).toContain('schuldhulp-heerlen');
    expect(recipients.find((r) => r.id === 'schuldhulp-heerlen')?.name).toMatch(/schuldhulp/);
    const domainIds = new Set(lifeDomains.map((d) => d.id));
    for (const id of consent().scope.domains) expect(domainIds.has(id)).toBe(true);
  });
});

describe('isConsentValid', () => {
  it('holds from the day it was given up to and including its end date', () => {
    const c = consent();
    expect(isConsentValid(c, '2026-11-25')).toBe(false);
    expect(consentState(c, '2026-11-25')).toBe('not-yet');
    expect(isConsentValid(c, '2026-11-26')).toBe(true);
    expect(isConsentValid(c, '2027-11-25')).toBe(true);
    expect(isConsentValid(c, '2027-11-26')).toBe(false);
    expect(consentState(c, '2027-11-26')).toBe('expired');
  });

  it('stops on the day it is withdrawn, and stays withdrawn', () => {
    const c = withdrawConsent(consent(), '2027-01-10');
    expect(c.withdrawnOn).toBe('2027-01-10');
    expect(isConsentValid(c, '2027-01-09')).toBe(true);
    expect(consentState(c, '2027-01-10')).toBe('withdrawn');
    expect(isConsentValid(c, '2027-06-01')).toBe(false);
    expect(withdrawConsent(c, '2027-02-01').withdrawnOn).toBe('2027-01-10');
  });

  it('is never valid for a day after its end or on or after its withdrawal, whatever the dates', () => {
    const day = fc.integer({ min: 0, max: 3 * 365 }).map((n) => addDays('2026-01-01', n));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 400 }), fc.option(fc.integer({ min: 0, max: 400 })), day, (givenOn, length, withdrawAfter, today) => {
        const c = consent({ givenOn, validUntil: addDays(givenOn, length), withdrawnOn: withdrawAfter === null ? null : addDays(givenOn, withdrawAfter) });
        const valid = isConsentValid(c, today);
        if (today < c.givenOn || today > c.validUntil) expect(valid).toBe(false);
        if (c.withdrawnOn !== null && today >= c.withdrawnOn) expect(valid).toBe(false);
        if (today >= c.givenOn && today <= c.validUntil && (c.withdrawnOn === null || today < c.withdrawnOn)) expect(valid).toBe(true);
      }),
    );
  });
});

describe('consentValidUntil', () => {
  it('runs the municipal number of months, up to the day before the same date', () => {
    expect(settings.consentValidMonths).toBe(12);
    expect(consentValidUntil('2026-11-26', settings.consentValidMonths)).toBe('2027-11-25');
    expect(consentValidUntil('2026-03-01', 12)).toBe('2027-02-28');
    expect(consentValidUntil('2026-01-31', 1)).toBe('2026-02-28');
    expect(consentValidUntil('2028-02-29', 12)).toBe('2029-02-28');
    expect(consentValidUntil('2026-12-15', 6)).toBe('2027-06-14');
  });
});
