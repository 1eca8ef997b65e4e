import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holidays, lifeDomains, recipients, settings, signalCatalogue } from '../../resources/index';
import type { Dossier } from '../api/dossier';
import { dossierBytes, dossierSchema, maxDossierBytes } from '../api/dossier';
import type { Consent, ConsentScope } from './consent.schema';
import { withdrawConsent } from './consent.schema';
import type { DossierContext } from './dossier';
import { buildDossier } from './dossier';
import { mark, markedIntake } from './fixtures/marked';
import { rikConsent, rikHousehold, rikIntake, sanne } from './fixtures/rik';
import type { DomainEntry, Intake } from './intake.schema';

const ctx: DossierContext = { lifeDomains, signalCatalogue, settings, holidays, recipients };
const today = '2026-11-26';

function built(intake: Intake = rikIntake, consent: Consent = rikConsent): Dossier {
  const result = buildDossier(rikHousehold, intake, consent, sanne, today, ctx);
  if (!result.ok) throw new Error(result.error.code);
  return result.value;
}

describe('buildDossier for a Rik-like household', () => {
  it('carries the household with address and contact preferences, the request in his words, what was tried and the worker', () => {
    const d = built();
    expect(d.client).toMatchObject({ name: 'Rik Vermeulen', street: 'Geleenstraat', huisnummer: '14b', postcode: '6411 CD', town: 'Heerlen' });
    expect(d.client.contact).toMatchObject({ channel: 'sms', note: 'Korte berichten werken het best. Bel niet voor 10 uur.' });
    expect(d.hulpvraag).toMatch(/^Ik wil mijn schulden terugbetalen/);
    expect(d.triedSoFar).toMatch(/telefoonaanbieder gebeld/);
    expect(d.contactpersoon).toEqual({
      naam: 'Sanne de Vries', functietitel: 'Buurtteammedewerker', organisation: 'Buurtteam Heerlen-Noord', telefoonnummer: '045-0000000',
      email: 'sanne.devries@buurtteam.example',
    });
    expect(d.recipients).toEqual([{ id: 'schuldhulp-heerlen', name: 'het schuldhulpteam van de gemeente Heerlen' }]);
  });

  it('holds only the three agreed life domains, in conversation order, with score, his view, what goes well, wishes and actions', () => {
    const d = built();
    expect(d.domains.map((x) => x.domainId)).toEqual(['geld', 'werk-en-school', 'wonen']);
    const geld = d.domains[0]!;
    expect(geld).toMatchObject({ title: 'Geld', score: 2, wishes: 'Schuldenvrij worden en weten waar ik sta.' });
    expect(geld.actions).toContainEqual({ who: 'Rik', what: 'Alle ongeopende brieven meenemen naar het volgende gesprek.', due: '2026-12-01' });
    expect(JSON.stringify(d)).not.toMatch(/ADHD|voetbaltrainer|zwartrijden uit de tijd dat/);
  });

  it('counts debts by stage, keeping the debts whose amount is unknown apart instead of as € 0', () => {
    const f = built().finances!;
    expect(f.debtTotals).toEqual({ count: 5, knownAmountCents: 125900, unknownAmountCount: 2 });
    expect(f.debtsByStage.find((s) => s.stage === 'incasso')).toEqual({ stage: 'incasso', count: 2, knownAmountCents: 60900, unknownAmountCount: 0 });
    expect(f.debtsByStage.find((s) => s.stage === 'aanmaning')).toEqual({ stage: 'aanmaning', count: 1, knownAmountCents: 0, unknownAmountCount: 1 });
    expect(f.schulden.find((s) => s.schuldeiser.naam === 'Zorgverzekeraar')).toMatchObject({ bedragCents: null, schuldsoort: 'Zorg' });
    expect(f.begeleiding).toEqual({ soort: 'Beschermingsbewind' });
    expect(f.monthlyBalanceCents).toBe(98000 - 62000 - 15000);
  });

  it('gives the regular Wgs term from the request date, and a crisis term from the crisis signal', () => {
    expect(built().aanmelding).toEqual({
      warmeOverdracht: true, startdatum: '2026-11-20', crisisinterventie: false,
      deadlines: { basis: 'regular', countedFrom: '2026-11-20', firstConversationBy: '2026-12-18', decisionBy: '2027-02-12' },
    });
    const eviction = { id: '10000000-0000-4000-8000-000000000009', catalogueId: 'dreigende-huisuitzetting', freeText: '', note: '', observedOn: '2026-11-24', recordedAt: '2026-11-24T09:00:00.000Z' };
    const d = built({ ...rikIntake, signals: [...rikIntake.signals, eviction] });
    expect(d.aanmelding).toMatchObject({ crisisinterventie: true, deadlines: { basis: 'crisis', countedFrom: '2026-11-24', firstConversationBy: '2026-11-27' } });
    expect(d.signals!.crisisTypes).toEqual([{ id: 'huisuitzetting', name: 'Dreigende huisuitzetting', basis: 'wgs' }]);
    expect(d.signals!.items.find((s) => s.catalogueId === 'dreigende-huisuitzetting')?.crisissignaal).toBe(true);
  });

  it('leaves out the workers notes unless agreed, and keeps a free-text signal in the words the worker typed', () => {
    const without = built();
    expect(without.signals!.items.every((s) => s.note === undefined)).toBe(true);
    expect(without.signals!.items.map((s) => s.title)).toContain('Geen geld voor rijbewijs, nodig voor werk');
    const withNotes = built(rikIntake, { ...rikConsent, scope: { ...rikConsent.scope, notes: true } });
    expect(withNotes.signals!.items.find((s) => s.catalogueId === 'lege-koelkast')?.note).toBe('Aan het eind van de week is er vaak geen eten.');
  });

  it('is a valid dossier of 5–20 KB, far under the proposed hub limit of 256 KiB', () => {
    const everything: Consent = { ...rikConsent, scope: { domains: lifeDomains.map((x) => x.id), finances: true, signals: true, notes: true } };
    const d = built(rikIntake, everything);
    expect(dossierSchema.safeParse(d).success).toBe(true);
    const bytes = dossierBytes(d);
    expect(bytes).toBeGreaterThan(5_000);
    expect(bytes).toBeLessThan(20_000);
    expect(maxDossierBytes).toBe(256 * 1024);
  });

  it('is refused by the schema with a key outside the contract', () => {
    expect(dossierSchema.safeParse({ ...built(), bsn: '123456782' }).success).toBe(false);
    expect(dossierSchema.safeParse({ ...built(), client: { ...built().client, bsn: '123456782' } }).success).toBe(false);
  });
});

describe('buildDossier refuses', () => {
  it('without valid consent: expired, withdrawn, or not yet given', () => {
    const build = (consent: Consent, on = today) => buildDossier(rikHousehold, rikIntake, consent, sanne, on, ctx);
    expect(build(rikConsent, '2027-11-26')).toEqual({ ok: false, error: { code: 'dossier.consent-not-valid' } });
    expect(build(withdrawConsent(rikConsent, today))).toEqual({ ok: false, error: { code: 'dossier.consent-not-valid' } });
    expect(build(rikConsent, '2026-11-25')).toEqual({ ok: false, error: { code: 'dossier.consent-not-valid' } });
  });

  it('with the consent of another household, or for a recipient that is not in resources/', () => {
    const other = { ...rikConsent, householdId: '00000000-0000-4000-8000-00000000ffff' };
    expect(buildDossier(rikHousehold, rikIntake, other, sanne, today, ctx)).toEqual({ ok: false, error: { code: 'dossier.consent-other-household' } });
    const unknown = { ...rikConsent, recipients: ['schuldhulp-elders'] };
    expect(buildDossier(rikHousehold, rikIntake, unknown, sanne, today, ctx)).toEqual({ ok: false, error: { code: 'dossier.unknown-recipient' } });
  });

  it('when the body would pass the hub limit, instead of sending something the hub refuses', () => {
    const long = 'x'.repeat(5000);
    const full: DomainEntry = { score: 3, ownView: long, goesWell: long, wishes: long, actions: [], done: true, updatedAt: null };
    const domains = Object.fromEntries(lifeDomains.map((x) => [x.id, full]));
    const all: Consent = { ...rikConsent, scope: { domains: lifeDomains.map((x) => x.id), finances: false, signals: false, notes: false } };
    // Every life domain with its three texts at the 5,000-character maximum still fits.
    expect(buildDossier(rikHousehold, { ...rikIntake, domains }, all, sanne, today, ctx).ok).toBe(true);
    const twice = Object.fromEntries(lifeDomains.map((x) => [x.id, { ...full, actions: Array.from({ length: 50 }, (_, i) => ({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, who: 'Rik', what: 'y'.repeat(500), due: '' })) }]));
    expect(buildDossier(rikHousehold, { ...rikIntake, domains: twice }, all, sanne, today, ctx)).toEqual({ ok: false, error: { code: 'dossier.too-large' } });
  });
});

describe('nothing outside the consent appears in the dossier', () => {
  const domainIds = lifeDomains.map((d) => d.id);
  const scopeArb: fc.Arbitrary<ConsentScope> = fc.record({
    domains: fc.subarray(domainIds),
    finances: fc.boolean(),
    signals: fc.boolean(),
    notes: fc.boolean(),
  });

  it('holds every marked part of an agreed scope, and none of the others, for any scope and intake', () => {
    fc.assert(
      fc.property(scopeArb, fc.subarray(domainIds), fc.array(fc.option(fc.integer({ min: 0, max: 10_000_000 })), { maxLength: 6 }), (scope, withEntries, amounts) => {
        const result = buildDossier(rikHousehold, markedIntake(withEntries, amounts), { ...rikConsent, scope }, sanne, today, ctx);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const text = JSON.stringify(result.value);
        const present = new Set(text.match(/M[a-z0-9-]+Q/g) ?? []);
        const allowed = new Set<string>();
        for (const id of withEntries) {
          if (scope.domains.includes(id)) for (const p of ['view', 'well', 'wish', 'who', 'what']) allowed.add(mark(`dom-${id}-${p}`));
        }
        if (scope.signals) allowed.add(mark('sig-free'));
        if (scope.signals && scope.notes) ['sig-note-1', 'sig-note-2'].forEach((p) => allowed.add(mark(p)));
        if (scope.finances) {
          amounts.forEach((_, i) => allowed.add(mark(`fin-debt-${i}`)));
          allowed.add(mark('fin-arrangement'));
        }
        expect([...present].sort()).toEqual([...allowed].sort());
        expect(result.value.domains.every((d) => scope.domains.includes(d.domainId))).toBe(true);
        expect(result.value.signals === undefined).toBe(!scope.signals);
        expect(result.value.finances === undefined).toBe(!scope.finances);
        if (!scope.finances) expect(text).not.toMatch(/inkomstenbron|bedragCents|monthlyBalance/);
      }),
      { numRuns: 200 },
    );
  });
});
