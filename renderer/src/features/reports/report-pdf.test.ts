// eslint-disable-next-line no-restricted-imports -- the test reads the PDF with poppler's pdftotext, as a PDF reader would
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { signalsReportFixture } from '../../../../shared/api/reports.fixture';
import { dashboard, type ReportData } from './report-model';
import { emptyReportData, reportData } from './testing/report-data';
import { reportPdf } from './report-pdf';

const data = reportData;

/** The PDF's text as pdftotext reads it in drawing order (a table row is one line), and its pages. */
async function read(d: ReportData): Promise<{ lines: string[]; pages: number; bytes: Uint8Array }> {
  const bytes = await reportPdf(dashboard(d, '2026-11-26'), '2026-11-26');
  const out = spawnSync('pdftotext', ['-enc', 'UTF-8', '-raw', '-', '-'], { input: bytes, encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`pdftotext failed: ${out.stderr}`);
  const pages = out.stdout.split('\f').filter((p) => p.trim() !== '').length;
  return { lines: out.stdout.split('\n').map((l) => l.trim()), pages, bytes };
}

/** The example dashboard by week: `n` weeks from week 36, every cell of a row the same figure. */
function weeklyData(n: number): ReportData {
  const weeks = Array.from({ length: n }, (_, i) => ({ key: `2026-W${String(i + 36).padStart(2, '0')}`, label: `week ${i + 36} 2026`, from: '2026-09-01', to: '2026-09-07' }));
  const row = (figure: number) => ({ cells: weeks.map(() => figure), total: figure * weeks.length });
  const s = signalsReportFixture;
  const weekly = {
    ...s,
    granularity: 'week' as const,
    periods: weeks,
    total: row(9),
    familiesWithChildren: row(5),
    bySignal: { rows: s.bySignal.rows.map((r) => ({ ...r, ...row(6) })), total: row(24) },
    byDomain: { rows: s.byDomain.rows.map((r) => ({ ...r, ...row(7) })), total: row(21) },
    byNeighbourhood: { rows: s.byNeighbourhood.rows.map((r) => ({ ...r, ...row(8) })), total: row(24) },
    byHouseholdType: { rows: s.byHouseholdType.rows.map((r) => ({ ...r, ...row(5) })), total: row(25) },
    bySignalFamiliesWithChildren: { rows: s.bySignalFamiliesWithChildren.rows.map((r) => ({ ...r, ...row(5) })), total: row(20) },
  };
  return { ...data, query: { ...data.query, granularity: 'week' }, signals: weekly };
}

describe('the dashboard PDF', () => {
  it('opens with the title, the choices and the day it was made', async () => {
    const { lines } = await read(data);
    expect(lines[0]).toBe('Monitoring signalen en schuldhulp');
    expect(lines).toContain('Periode: 01-09-2026 tot en met 30-11-2026, per maand');
    expect(lines.some((l) => l.startsWith('Team: Alle teams'))).toBe(true);
  });

  it('holds the same figures as the screen, hidden ones as "< 5", in Dutch number format', async () => {
    const { lines } = await read(data);
    expect(lines).toContain('Welten-Benzenrade < 5 < 5 < 5 49');
    expect(lines).toContain('Besluit 19 Eerste gesprek 38 52,6');
    expect(lines).toContain('september 2026 Gewoon 13 5 0 72,2%');
    expect(lines).toContain('Totaal 130 52');
  });

  it('draws the bars with their figure beside them, a hidden one only as "< 5"', async () => {
    const { lines } = await read(data);
    expect(lines).toContain('Heerlerheide 70');
    expect(lines).toContain('Afgesloten < 5');
  });

  it('numbers its pages and gives the same bytes for the same day', async () => {
    const a = await read(data);
    const b = await read(data);
    expect(a.lines.some((l) => /Pagina 1 van \d/.test(l))).toBe(true);
    expect(a.pages).toBeGreaterThanOrEqual(2);
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
  });

  it('cuts a table of many weeks into parts that fit the page, each repeating the first column', async () => {
    const { lines } = await read(weeklyData(14));
    const heerlerheide = lines.filter((l) => l.startsWith('Heerlerheide 8 8'));
    expect(heerlerheide.length).toBeGreaterThanOrEqual(2);
    expect(lines.some((l) => l.startsWith('Heerlerheide') && l.endsWith(' 112'))).toBe(true);
  });

  it('starts the signals on the first page, under the title, when a quarter is shown by week', async () => {
    // The trend of 13 weeks and its table do not fit under the title; they used to move whole to page 2.
    const { bytes } = await read(weeklyData(13));
    const out = spawnSync('pdftotext', ['-enc', 'UTF-8', '-raw', '-f', '1', '-l', '1', '-', '-'], { input: bytes, encoding: 'utf8' });
    expect(out.stdout).toContain('Signalen per periode');
    expect(out.stdout).toContain('week 36 2026');
  });
});

describe('the dashboard PDF of an empty period', () => {
  it('says plainly that there were no signals and no handovers, instead of empty tables', async () => {
    const { lines } = await read(emptyReportData);
    expect(lines).toContain('In deze periode zijn geen signalen geteld. Kies een andere periode of minder filters.');
    expect(lines).toContain('In deze periode zijn geen overdrachten verstuurd. Kies een andere periode.');
    expect(lines).toContain('Er is niets te laat in het eigen team.');
    expect(lines).not.toContain('Signalen per periode');
  });
});
