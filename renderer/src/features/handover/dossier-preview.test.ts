import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holidays, lifeDomains, recipients, settings, signalCatalogue } from '../../../../resources/index';
import type { Dossier } from '../../../../shared/api/dossier';
import type { Consent, ConsentScope } from '../../../../shared/domain/consent.schema';
import type { DossierContext } from '../../../../shared/domain/dossier';
import type { Intake } from '../../../../shared/domain/intake.schema';
import { buildDossier } from '../../../../shared/domain/dossier';
import { formatEuro } from '../../../../shared/domain/finance';
import { markedIntake } from '../../../../shared/domain/fixtures/marked';
import { rikConsent, rikHousehold, rikIntake, sanne } from '../../../../shared/domain/fixtures/rik';
import { dossierPreview } from './dossier-preview';
import { formatPlainDate } from '../../ui/dutch-date';

const ctx: DossierContext = { lifeDomains, signalCatalogue, settings, holidays, recipients };

function dossier(intake: Intake, consent: Consent): Dossier {
  const result = buildDossier(rikHousehold, intake, consent, sanne, '2026-11-26', ctx);
  if (!result.ok) throw new Error(result.error.code);
  return result.value;
}
const previewText = (d: Dossier) => dossierPreview(d).flatMap((s) => [s.title, ...s.lines.flatMap((l) => [l.label, l.value])]).join('\n');

/** Keys whose values people read as a label (enums), a formatted date or amount, or not at all (ids). */
const notVerbatim = new Set([
  'caseId', 'consentId', 'id', 'domainId', 'catalogueId', 'channel', 'role', 'inkomstenbron', 'kind', 'schuldsoort', 'debtType', 'stage', 'basis',
  'householdType', 'method',
]);
const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

/** Every text the dossier sends, as it must appear in the preview. */
function wordsSent(value: unknown, key = ''): string[] {
  if (typeof value === 'string') {
    if (notVerbatim.has(key) || value === '') return [];
    return [isDate(value) ? formatPlainDate(value) : value];
  }
  if (typeof value === 'number' && key.endsWith('Cents')) return [formatEuro(value)];
  // A collection stage without debts is left out of the preview.
  if (Array.isArray(value)) return value.filter((v) => key !== 'debtsByStage' || (v as { count: number }).count > 0).flatMap((v) => wordsSent(v, key));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => (k === 'scope' ? [] : wordsSent(v, k)));
  return [];
}

describe('dossierPreview', () => {
  it('shows every word the Rik-like dossier sends, with amounts in euros and dates in Dutch', () => {
    const everything: Consent = { ...rikConsent, scope: { domains: lifeDomains.map((d) => d.id), finances: true, signals: true, notes: true } };
    const d = dossier(rikIntake, everything);
    const text = previewText(d);
    for (const words of wordsSent(d)) expect(text, words).toContain(words);
    expect(text).toContain('Zorgverzekeraar (Zorgverzekering): bedrag nog onbekend, Aanmaning sinds 1 oktober 2026');
    expect(text).toContain('5 schulden, samen € 1.259,00; bij 2 is het bedrag nog onbekend');
    expect(text).toContain('Mondeling gegeven op 26 november 2026, geldig tot en met 25 november 2027');
  });

  it('holds exactly the marked parts the dossier holds, for any consent scope', () => {
    const scope: fc.Arbitrary<ConsentScope> = fc.record({
      domains: fc.subarray(lifeDomains.map((d) => d.id)), finances: fc.boolean(), signals: fc.boolean(), notes: fc.boolean(),
    });
    fc.assert(
      fc.property(scope, fc.subarray(lifeDomains.map((d) => d.id)), fc.array(fc.option(fc.integer({ min: 0, max: 1_000_000 })), { maxLength: 4 }), (s, entries, amounts) => {
        const d = dossier(markedIntake(entries, amounts), { ...rikConsent, scope: s });
        const marks = (text: string) => [...new Set(text.match(/M[a-z0-9-]+Q/g) ?? [])].sort();
        expect(marks(previewText(d))).toEqual(marks(JSON.stringify(d)));
      }),
      { numRuns: 100 },
    );
  });

  it('has no section for parts the resident did not agree to share', () => {
    const d = dossier(rikIntake, { ...rikConsent, scope: { domains: ['geld'], finances: false, signals: false, notes: false } });
    const keys = dossierPreview(d).map((s) => s.key);
    expect(keys).toEqual(['handover', 'household', 'request', 'domain-geld', 'worker']);
  });
});
