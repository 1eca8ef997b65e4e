import { describe, expect, it } from 'vitest';
import { lifeDomains, recipients, settings } from '../../../../resources/index';
import { isConsentValid } from '../../../../shared/domain/consent.schema';
import { rikHousehold, rikIntake } from '../../../../shared/domain/fixtures/rik';
import { emptyIntake } from '../../../../shared/domain/intake.schema';
import type { ConsentContext, ConsentForm } from './consent-form-model';
import { consentChoices, consentFromForm, emptyConsentForm } from './consent-form-model';

const choices = consentChoices(rikIntake, lifeDomains, recipients);
const ctx: ConsentContext = {
  id: '7c6b5a49-3827-4615-9a4b-3c2d1e0f9a8b', householdId: rikHousehold.id, today: '2026-11-26', now: '2026-11-26T10:30:00.000Z',
  validMonths: settings.consentValidMonths, choices,
};
const filled = (over: Partial<ConsentForm>): ConsentForm => ({ ...emptyConsentForm(), recipients: ['schuldhulp-heerlen'], method: 'spoken', ...over });

describe('the consent form', () => {
  it('starts with nothing ticked: consent is an active choice', () => {
    expect(emptyConsentForm()).toEqual({ domains: [], finances: false, signals: false, notes: false, recipients: [], method: null });
  });

  it('offers only what there is to share: the life domains talked about, finances, signals, notes', () => {
    expect(choices.domains.map((d) => d.id)).toEqual(['geld', 'werk-en-school', 'wonen', 'thuis-en-relaties', 'mentale-gezondheid', 'meedoen', 'politie-en-justitie']);
    expect(choices).toMatchObject({ finances: true, signals: true, notes: true });
    const empty = consentChoices(emptyIntake(rikHousehold.id, '2026-11-26T10:00:00.000Z'), lifeDomains, recipients);
    expect(empty).toMatchObject({ domains: [], finances: false, signals: false, notes: false });
  });

  it('becomes a consent valid from today for the municipal number of months', () => {
    const result = consentFromForm(filled({ domains: ['geld', 'wonen'], finances: true, signals: true }), ctx);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({
      scope: { domains: ['geld', 'wonen'], finances: true, signals: true, notes: false }, recipients: ['schuldhulp-heerlen'], method: 'spoken',
      givenOn: '2026-11-26', validUntil: '2027-11-25', withdrawnOn: null,
    });
    expect(isConsentValid(result.value, '2026-11-26')).toBe(true);
  });

  it('says what to choose when the recipient or the way of giving consent is missing', () => {
    expect(consentFromForm({ ...filled({}), recipients: [] }, ctx)).toEqual({ ok: false, error: { code: 'input.invalid', params: { message: 'Kies met wie de gegevens worden gedeeld.' } } });
    expect(consentFromForm({ ...filled({}), method: null }, ctx)).toEqual({
      ok: false, error: { code: 'input.invalid', params: { message: 'Kies hoe de bewoner toestemming gaf: mondeling of met een handtekening.' } },
    });
    expect(consentFromForm(filled({ recipients: ['schuldhulp-elders'] }), ctx).ok).toBe(false);
  });

  it('does not let notes go without the signals, nor share a domain that was not offered', () => {
    const notes = consentFromForm(filled({ notes: true }), ctx);
    expect(notes.ok === false && notes.error.params?.message).toMatch(/^Aantekeningen gaan alleen mee met de signalen/);
    const sneaky = consentFromForm(filled({ domains: ['geld', 'verslaving'] }), ctx);
    expect(sneaky.ok && sneaky.value.scope.domains).toEqual(['geld']);
  });
});
