// eslint-disable-next-line no-restricted-imports -- the test reads the PDF with poppler's pdftotext, as a PDF reader would
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { holidays, lifeDomains, recipients, settings, signalCatalogue } from '../../../../resources/index';
import { withdrawConsent } from '../../../../shared/domain/consent.schema';
import type { DossierContext } from '../../../../shared/domain/dossier';
import { rikConsent, rikHousehold, rikIntake, sanne } from '../../../../shared/domain/fixtures/rik';
import type { SummaryInput } from './resident-summary';
import { residentSummary } from './resident-summary';
import { residentSummaryPdf } from './resident-summary-pdf';

const ctx: DossierContext = { lifeDomains, signalCatalogue, settings, holidays, recipients };
const rik: SummaryInput = { household: rikHousehold, intake: rikIntake, consent: rikConsent, worker: sanne, today: '2026-11-26', ctx };

/** The PDF's text as pdftotext reads it, whitespace folded, and its number of pages. */
async function read(input: SummaryInput): Promise<{ text: string; pages: number }> {
  const bytes = await residentSummaryPdf(input);
  const out = spawnSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: bytes, encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`pdftotext failed: ${out.stderr}`);
  const pages = out.stdout.split('\f').filter((p) => p.trim() !== '').length;
  return { text: out.stdout.replace(/\s+/g, ' '), pages };
}

describe('the resident summary PDF', () => {
  it('is one or two pages for a Rik-like household, titled "Wat we samen hebben besproken", with who it is for and who came', async () => {
    const { text, pages } = await read(rik);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    expect(text).toMatch(/^ ?Wat we samen hebben besproken Voor: Rik Vermeulen Gesprek op donderdag 26 november 2026 Met: Sanne de Vries, Buurtteam Heerlen-Noord/);
    expect(text).toContain('“Ik wil mijn schulden terugbetalen, maar ik weet niet hoeveel het is.');
    expect(text).toContain(`Pagina ${pages} van ${pages}`);
  });

  it('lists every agreed action with who, what and when, in date order, from all life domains', async () => {
    const { text } = await read(rik);
    const rows = [
      'Sanne (buurtteam) Rik aanmelden bij het schuldhulpteam van de gemeente. 27 november 2026',
      'Rik Alle ongeopende brieven meenemen naar het volgende gesprek. 1 december 2026',
      'Rik Een afspraak maken bij de praktijkondersteuner van de huisarts. 8 december 2026',
      'Rik Met de bewindvoerder praten over sparen voor rijlessen. 15 december 2026',
      'Schuldhulp gemeente Kijken of de boetes in een regeling kunnen. Nog afspreken',
    ];
    let from = 0;
    for (const row of rows) {
      const at = text.indexOf(row, from);
      expect(at, row).toBeGreaterThan(from);
      from = at;
    }
  });

  it('says what happens next, with the Wgs date of the first conversation, and who to call', async () => {
    const { text } = await read(rik);
    expect(text).toContain('Sanne stuurt uw gegevens naar het schuldhulpteam van de gemeente Heerlen.');
    expect(text).toContain('Het eerste gesprek is uiterlijk vrijdag 18 december 2026.');
    expect(text).toContain('Telefoon: 045-0000000');
    expect(text).toContain('Gemeente Heerlen, Schuldhulpverlening: 14 045');
  });

  it('says exactly what is shared with whom, what is not, and until when the consent holds', async () => {
    const { text } = await read(rik);
    expect(text).toContain('U gaf mondeling toestemming op 26 november 2026. We delen dit met het schuldhulpteam van de gemeente Heerlen:');
    expect(text).toContain('Wat u vertelde over Geld, Werk en school en Wonen, en de afspraken daarover.');
    expect(text).toContain('Dit delen we niet: • Wat u vertelde over Thuis en relaties, Mentale gezondheid, Meedoen en Politie en justitie.');
    expect(text).toContain('Uw toestemming geldt tot en met 25 november 2027.');
    const shared = text.slice(text.indexOf('We delen dit met'), text.indexOf('Dit delen we niet'));
    expect(shared).toContain('Uw inkomen, uw vaste lasten en uw schulden.');
    expect(shared).not.toContain('Mentale gezondheid');
  });

  it('says that nothing is shared without consent, or after it was withdrawn, and then promises no first conversation', async () => {
    const none = await read({ ...rik, consent: null });
    expect(none.text).toContain('U heeft nog geen toestemming gegeven om iets te delen. Daarom delen we niets met anderen.');
    expect(none.text).not.toContain('Wat er nu gebeurt');
    expect(none.text).not.toContain('We delen dit met');
    const withdrawn = await read({ ...rik, today: '2026-12-02', consent: withdrawConsent(rikConsent, '2026-12-01') });
    expect(withdrawn.text).toContain('U heeft uw toestemming ingetrokken op 1 december 2026. Daarom delen we niets met anderen.');
  });

  it('writes names with letters the PDF fonts lack as their nearest letters instead of failing', async () => {
    const household = { ...rikHousehold, name: 'Łukasz Ağaoğlu' };
    const { text } = await read({ ...rik, household });
    expect(text).toContain('Voor: Lukasz Agaoglu');
  });

  it('keeps a very long household name on the page: wrapped under the title, shortened in the footer', async () => {
    const household = { ...rikHousehold, name: `Familie ${'Van der Heijden-'.repeat(7)}Jansen` };
    const bytes = await residentSummaryPdf({ ...rik, household });
    const out = spawnSync('pdftotext', ['-enc', 'UTF-8', '-layout', '-', '-'], { input: bytes, encoding: 'utf8' });
    const lines = out.stdout.split('\n');
    expect(lines.some((l) => l.includes('Pagina 1 van'))).toBe(true);
    expect(lines.find((l) => l.includes('Pagina 1 van'))).toContain('…');
    expect(out.stdout.replace(/\s+/g, ' ')).toContain(`Voor: ${household.name}`.replace(/\s+/g, ' '));
  });

  it('carries a long list of actions over to the next page with the table header repeated', async () => {
    const many = Array.from({ length: 40 }, (_, i) => ({
      id: `00000000-0000-4000-8000-${String(100 + i).padStart(12, '0')}`, who: 'Rik', what: `Afspraak nummer ${i + 1} uitvoeren.`, due: '2026-12-20',
    }));
    const intake = { ...rikIntake, domains: { ...rikIntake.domains, huishouden: { ...rikIntake.domains.geld!, actions: many } } };
    const { text, pages } = await read({ ...rik, intake });
    expect(pages).toBeGreaterThan(2);
    expect(text).toContain('Afspraak nummer 40 uitvoeren.');
    expect(text.match(/Wie Wat Wanneer/g)?.length).toBeGreaterThan(1);
  });
});

describe('the words of the summary', () => {
  it('keeps every sentence at B1 length: at most 20 words', () => {
    const s = residentSummary(rik);
    const texts = s.blocks.flatMap((b) => (b.kind === 'paragraph' || b.kind === 'heading' ? [b.text] : b.kind === 'bullets' ? b.items : []));
    for (const sentence of texts.flatMap((t) => t.split(/(?<=[.?!:])\s+/))) {
      expect(sentence.split(/\s+/).length, sentence).toBeLessThanOrEqual(20);
    }
  });
});
