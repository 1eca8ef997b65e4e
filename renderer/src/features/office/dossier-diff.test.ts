import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holidays, lifeDomains, recipients, settings, signalCatalogue } from '../../../../resources/index';
import type { Dossier } from '../../../../shared/api/dossier';
import { dossierSchema } from '../../../../shared/api/dossier';
import type { DossierContext } from '../../../../shared/domain/dossier';
import { buildDossier } from '../../../../shared/domain/dossier';
import { realisticDossier } from '../../../../shared/domain/fixtures/realistic';
import { rikConsent, rikHousehold, rikIntake, sanne } from '../../../../shared/domain/fixtures/rik';
import { diffDossiers } from './dossier-diff';

const ctx: DossierContext = { lifeDomains, signalCatalogue, settings, holidays, recipients };

function rik(): Dossier {
  const result = buildDossier(rikHousehold, rikIntake, rikConsent, sanne, '2026-11-26', ctx);
  if (!result.ok) throw new Error(result.error.code);
  return result.value;
}
/** A changed copy of `d`, still a valid dossier. */
const changed = (d: Dossier, change: (copy: Dossier) => void): Dossier => {
  const copy = structuredClone(d);
  change(copy);
  return dossierSchema.parse(copy);
};
const texts = (before: Dossier, after: Dossier) => diffDossiers(before, after).map((c) => c.text);
const debt = (d: Dossier, i: number) => {
  const found = d.finances?.schulden[i];
  if (!found) throw new Error(`no debt ${i}`);
  return found;
};

describe('diffDossiers', () => {
  it('finds nothing between a version and itself, for any realistic household', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), (n) => {
        const d = realisticDossier(n, ctx);
        expect(diffDossiers(d, structuredClone(d))).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });

  it('says which debt changed its amount, also from an unknown amount, and which moved to a later step', () => {
    const v1 = rik();
    const name = debt(v1, 0).schuldeiser.naam;
    const v2 = changed(v1, (d) => {
      const s = debt(d, 0);
      s.bedragCents = null;
      s.stage = 'beslag';
    });
    expect(texts(v1, v2)).toEqual([
      expect.stringMatching(new RegExp(`^Schuld bij ${name}: bedrag gewijzigd van € [\\d.]+,\\d\\d naar bedrag nog onbekend$`)),
      expect.stringMatching(new RegExp(`^Schuld bij ${name}: stap gewijzigd van deurwaarder naar beslag$`)),
    ]);
    const v3 = changed(v2, (d) => {
      debt(d, 0).bedragCents = 34_000;
    });
    expect(texts(v2, v3)).toEqual([`Schuld bij ${name}: bedrag gewijzigd van bedrag nog onbekend naar € 340,00`]);
  });

  it('matches debts by creditor, not by place in the list: one added at the top is one change', () => {
    const v1 = rik();
    const v2 = changed(v1, (d) => {
      d.finances?.schulden.unshift({ schuldeiser: { naam: 'Waterbedrijf Limburg' }, bedragCents: null, schuldsoort: 'Nuts', debtType: 'water', stage: 'aanmaning', stageDate: '2026-11-20' });
    });
    expect(texts(v1, v2)).toEqual(['Schuld bij Waterbedrijf Limburg toegevoegd: bedrag nog onbekend, aanmaning']);
    expect(texts(v2, v1)).toEqual(['Schuld bij Waterbedrijf Limburg staat er niet meer in (was bedrag nog onbekend, aanmaning)']);
  });

  it('shows the resident’s own words before and after, and changes per life domain', () => {
    const v1 = rik();
    const domain = v1.domains[0];
    if (!domain) throw new Error('rik shares a domain');
    const v2 = changed(v1, (d) => {
      d.hulpvraag = 'Ik wil weer rustig slapen zonder brieven.';
      const x = d.domains[0];
      if (x) {
        x.score = x.score === 1 ? 2 : 1;
        x.ownView = '';
        x.actions.push({ who: 'Rik', what: 'Post openen met Sanne', due: '2026-12-03' });
      }
    });
    const diff = diffDossiers(v1, v2);
    expect(diff[0]).toEqual({ section: 'request', text: 'De hulpvraag in eigen woorden is gewijzigd', before: v1.hulpvraag, after: 'Ik wil weer rustig slapen zonder brieven.' });
    expect(diff.slice(1).map((c) => c.text)).toEqual([
      `Leefgebied ${domain.title}: score gewijzigd van ${domain.score ?? 'geen'} van 5 naar ${domain.score === 1 ? 2 : 1} van 5`.replace('geen van 5', 'geen'),
      `Leefgebied ${domain.title}: de eigen kijk van de bewoner is leeggemaakt`,
      `Leefgebied ${domain.title}: afspraak toegevoegd: Rik, Post openen met Sanne, 3 december 2026`,
    ]);
    expect(diff[2]).toMatchObject({ before: domain.ownView, after: 'niets' });
  });

  it('names signals added and gone, and what the resident now consents to', () => {
    const v1 = rik();
    const v2 = changed(v1, (d) => {
      d.signals?.items.push({ catalogueId: null, title: 'Wasmachine kapot', domainId: null, crisissignaal: false, ontstaansdatum: '2026-11-01', recordedOn: '2026-11-26' });
      d.consent = { ...d.consent, consentId: '11111111-1111-4111-8111-111111111111', validUntil: '2027-12-31', scope: { ...d.consent.scope, finances: false } };
      delete d.finances;
    });
    expect(texts(v1, v2)).toEqual([
      'De bewoner gaf opnieuw toestemming',
      `Toestemming geldig tot en met gewijzigd van ${new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${v1.consent.validUntil}T00:00:00Z`))} naar 31 december 2027`,
      'Toestemming om het geld te delen gewijzigd van ja naar nee',
      'Signaal toegevoegd: Wasmachine kapot, sinds 1 november 2026',
      'Het geld (inkomen, vaste lasten en schulden) wordt niet meer gedeeld',
    ]);
  });

  it('lists every change of a realistic dossier changed at random in the section it belongs to', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 0, max: 100_000_00 }), (n, cents) => {
        const v1 = realisticDossier(n, ctx);
        if (!v1.finances || v1.finances.schulden.length === 0) return;
        const v2 = changed(v1, (d) => {
          debt(d, d.finances!.schulden.length - 1).bedragCents = cents;
        });
        const diff = diffDossiers(v1, v2);
        const last = debt(v1, v1.finances.schulden.length - 1);
        expect(diff.length).toBeLessThanOrEqual(1);
        expect(diff.length === 0).toBe(last.bedragCents === cents);
        for (const c of diff) expect(c).toMatchObject({ section: 'debts', text: expect.stringContaining(`Schuld bij ${last.schuldeiser.naam}: bedrag gewijzigd`) as unknown });
      }),
      { numRuns: 25 },
    );
  });
});
