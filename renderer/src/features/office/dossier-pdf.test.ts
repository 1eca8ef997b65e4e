// eslint-disable-next-line no-restricted-imports -- the test reads the PDF with poppler's pdftotext, as a PDF reader would
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { holidays, lifeDomains, recipients, settings, signalCatalogue } from '../../../../resources/index';
import type { Dossier } from '../../../../shared/api/dossier';
import type { DossierContext } from '../../../../shared/domain/dossier';
import { buildDossier } from '../../../../shared/domain/dossier';
import { formatEuro } from '../../../../shared/domain/finance';
import { rikConsent, rikHousehold, rikIntake, sanne } from '../../../../shared/domain/fixtures/rik';
import { dossierPdf, dossierPdfFileName, type DossierPdfInput } from './dossier-pdf';
import { summary } from './testing-summary';

const ctx: DossierContext = { lifeDomains, signalCatalogue, settings, holidays, recipients };

function rik(): Dossier {
  const result = buildDossier(rikHousehold, rikIntake, rikConsent, sanne, '2026-11-26', ctx);
  if (!result.ok) throw new Error(result.error.code);
  return result.value;
}

const handover = summary({
  clientName: 'Rik Vermeulen',
  status: 'first-conversation-planned',
  contactPerson: { userId: crypto.randomUUID(), name: 'Sanne Schuldhulp' },
  firstConversation: { plannedAt: '2026-12-03T08:30:00.000Z', how: 'office', place: 'Stadhuis', phone: '' },
  deadlines: { basis: 'regular', countedFrom: '2026-11-26', firstConversationBy: '2026-12-24', decisionBy: '2027-01-28' },
});
const input = (dossier: Dossier): DossierPdfInput => ({ read: { handover, version: 2, receivedAt: '2026-11-26T10:00:00.000Z' }, dossier, madeBy: 'Sanne Schuldhulp', today: '2026-11-27' });

/** The PDF's text as pdftotext reads it, whitespace folded, and its number of pages. */
async function read(dossier: Dossier): Promise<{ text: string; footers: string[]; pages: number }> {
  const out = spawnSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: await dossierPdf(input(dossier)), encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`pdftotext failed: ${out.stderr}`);
  // pdftotext reads each page's footer where the page ends: leave it out, so a story over two pages reads on.
  const text = out.stdout.replace(/\s+/g, ' ').replace(/ ?Keukentafel · Dossier Rik Vermeulen · versie 2 · vertrouwelijk · Pagina \d+ van \d+/g, '');
  return { text, footers: out.stdout.match(/Pagina \d+ van \d+/g) ?? [], pages: out.stdout.split('\f').filter((p) => p.trim() !== '').length };
}

describe('the dossier PDF for the counsellor’s case system', () => {
  it('holds the household, the request in the resident’s words, the debts, the consent and the handover’s state', async () => {
    const d = rik();
    const { text, footers, pages } = await read(d);
    expect(text).toMatch(/^ ?Dossier Rik Vermeulen Warme overdracht van /);
    expect(text).toContain('Gemaakt op 27 november 2026 door Sanne Schuldhulp.');
    // The household and how to reach them.
    expect(text).toContain('Naam Rik Vermeulen');
    expect(text).toContain(`Adres ${d.client.street} ${d.client.huisnummer}, ${d.client.postcode} ${d.client.town}`);
    // The request in the resident's own words.
    expect(text).toContain(`In eigen woorden ${d.hulpvraag}`);
    // Every debt, with its amount, or "bedrag nog onbekend".
    const debts = d.finances?.schulden ?? [];
    expect(debts.length).toBeGreaterThan(1);
    expect(debts.some((s) => s.bedragCents === null)).toBe(true);
    for (const s of debts) expect(text).toContain(`Schuld ${s.schuldeiser.naam} (`);
    for (const s of debts.filter((x) => x.bedragCents === null)) expect(text).toMatch(new RegExp(`${s.schuldeiser.naam.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\([^)]+\\): bedrag nog onbekend`));
    for (const s of debts.filter((x) => x.bedragCents !== null)) expect(text).toContain(`: ${formatEuro(s.bedragCents ?? 0)}, `);
    // Consent: how given, and until when.
    expect(text).toMatch(/Toestemming (Mondeling gegeven|Ondertekend) op \d+ \w+ 2026, geldig tot en met \d+ \w+ 20\d\d/);
    // The state at export, with the decision term.
    expect(text).toContain('Status Eerste gesprek gepland');
    expect(text).toContain('Vast aanspreekpunt Sanne Schuldhulp');
    expect(text).toContain('Besluit Het besluit moet uiterlijk op 28 januari 2027 zijn: 8 weken na het eerste gesprek op 3 december 2026.');
    expect(footers).toEqual(Array.from({ length: pages }, (_, i) => `Pagina ${i + 1} van ${pages}`));
    // The decision term is the hub's, also in the dossier's own part: no second, older estimate.
    expect(text).toContain('Besluit uiterlijk 28 januari 2027');
    expect(text).not.toContain('12 februari 2027');
  });

  it('carries a very long story over the pages without losing a word', async () => {
    const words = Array.from({ length: 700 }, (_, i) => `woord${i}`);
    const d = { ...rik(), hulpvraag: words.join(' ') };
    const { text, pages } = await read(d);
    expect(pages).toBeGreaterThan(2);
    expect(text).toContain(words.join(' '));
  });

  it('names the file without the resident’s name', () => {
    const name = dossierPdfFileName('a1b2c3d4-0000-4000-8000-000000000000', 2, '2026-11-27');
    expect(name).toBe('Dossier-schuldhulp-a1b2c3d4-versie-2-2026-11-27.pdf');
  });
});
