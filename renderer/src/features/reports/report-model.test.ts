import { describe, expect, it } from 'vitest';
import { reportFiltersFixture, signalsReportFixture } from '../../../../shared/api/reports.fixture';
import { suppressedCell } from '../../../../shared/api/reports';
import { dashboard } from './report-model';
import { emptyReportData, reportData } from './testing/report-data';
import { formatCell, type DisplayTable } from './report-table';

const data = reportData;

const table = (d: ReturnType<typeof dashboard>, id: string): DisplayTable => {
  const found = d.sections.flatMap((s) => s.blocks).find((b) => b.table.id === id)?.table;
  if (!found) throw new Error(`no table ${id}`);
  return found;
};
/** The table as the screen shows it. */
const shown = (tbl: DisplayTable) => tbl.rows.map((r) => r.map((c, i) => formatCell(tbl.columns[i]?.kind ?? 'text', c, 5)));

describe('dashboard', () => {
  const d = dashboard(data, '2026-11-26');

  it('says the key figures of the period in words', () => {
    const signals = d.sections.find((s) => s.id === 'signals');
    expect(signals?.intro[0]).toBe('In deze periode zijn 130 signalen geteld. Daarvan 52 bij gezinnen met minderjarige kinderen.');
    expect(d.sections.find((s) => s.id === 'funnel')?.intro[0]).toBe('In deze periode zijn 64 overdrachten verstuurd naar schuldhulp.');
  });

  it('shows signals per period with families with minor children apart, and the hub’s totals', () => {
    expect(shown(table(d, 'signals-trend'))).toEqual([
      ['september 2026', '41', '17'],
      ['oktober 2026', '37', '12'],
      ['november 2026', '52', '23'],
      ['Totaal', '130', '52'],
    ]);
  });

  it('keeps hidden cells hidden, totals included: "< 5", never a sum worked out here', () => {
    expect(shown(table(d, 'signals-by-household'))).toContainEqual(['Anders', '< 5', '0', '0', '< 5']);
    expect(shown(table(d, 'signals-by-signal'))[0]).toEqual(['Achterstand met de huur', '< 5', '< 5', '19', '44']);
    expect(shown(table(d, 'funnel-withdrawn'))).toEqual([['Toestemming ingetrokken in deze periode', '< 5']]);
  });

  it('draws a hidden total as an empty bar labelled "< 5", and sorts bars by size', () => {
    const block = d.sections.flatMap((s) => s.blocks).find((b) => b.table.id === 'signals-by-neighbourhood');
    expect(block?.chart).toEqual({
      kind: 'bar',
      bars: [
        { label: 'Heerlerheide', value: 70, text: '70' },
        { label: 'Welten-Benzenrade', value: 49, text: '49' },
        { label: 'Hoensbroek', value: 11, text: '11' },
      ],
    });
    const funnel = d.sections.flatMap((s) => s.blocks).find((b) => b.table.id === 'funnel-steps');
    expect(funnel?.chart?.kind === 'bar' ? funnel.chart.bars.at(-1) : null).toEqual({ label: 'Afgesloten', value: null, text: '< 5' });
  });

  it('gives lead times in days with a decimal comma, from the step they are measured from', () => {
    expect(shown(table(d, 'funnel-steps'))).toEqual([
      ['Verstuurd', '64', '–', '–', '–'],
      ['Geopend door schuldhulp', '61', 'Verstuurd', '0,8', '2,4'],
      ['Geaccepteerd', '52', 'Geopend door schuldhulp', '1,5', '4,1'],
      ['Teruggestuurd', '6', 'Geopend door schuldhulp', '2', '6,3'],
      ['Eerste gesprek', '44', 'Geaccepteerd', '9,5', '21'],
      ['Besluit', '19', 'Eerste gesprek', '38', '52,6'],
      ['Afgesloten', '< 5', 'Besluit', '< 5', '< 5'],
    ]);
  });

  it('gives the Wgs shares per month, crisis and regular apart, with the whole period last', () => {
    const rows = shown(table(d, 'wgs-first-conversation'));
    expect(rows[0]).toEqual(['september 2026', 'Spoed (crisis)', '6', '< 5', '0', '< 5']);
    expect(rows[1]).toEqual(['september 2026', 'Gewoon', '13', '5', '0', '72,2%']);
    expect(rows.at(-1)).toEqual(['Hele periode', 'Gewoon', '33', '11', '6', '75%']);
    // The chart: one bar per month and basis in which a term ended, hidden shares as "< 5" without a bar.
    const chart = d.sections.flatMap((s) => s.blocks).find((b) => b.table.id === 'wgs-decision')?.chart;
    expect(chart).toEqual({
      kind: 'bar',
      valueKind: 'percent',
      bars: [
        { label: 'september 2026, spoed (crisis)', value: null, text: '< 5' },
        { label: 'september 2026, gewoon', value: null, text: '< 5' },
        { label: 'oktober 2026, spoed (crisis)', value: null, text: '–' },
        { label: 'oktober 2026, gewoon', value: 1, text: '100%' },
        { label: 'november 2026, gewoon', value: null, text: '–' },
      ],
    });
  });

  it('lists the own team’s overdue handovers by status and days, with no name', () => {
    expect(shown(table(d, 'overdue'))).toEqual([
      ['Geaccepteerd', 'Eerste gesprek', 'Gewoon', '12'],
      ['Eerste gesprek gepland', 'Besluit', 'Gewoon', '5'],
      ['Nieuw', 'Eerste gesprek', 'Spoed (crisis)', '1'],
    ]);
  });

  it('names the choices and the day it was made', () => {
    expect(d.facts).toEqual([
      ['Van', '01-09-2026'],
      ['Tot en met', '30-11-2026'],
      ['Per', 'Maand'],
      ['Team', 'Alle teams'],
      ['Leefgebied', 'Alle leefgebieden'],
      ['Spoed', 'Alle signalen'],
      ['Gemaakt op', '26-11-2026'],
    ]);
    const chosen = dashboard({ ...data, query: { ...data.query, teamId: reportFiltersFixture.ownTeamId, domainId: 'wonen', crisis: 'crisis' } }, '2026-11-26');
    expect(chosen.facts.slice(3, 6)).toEqual([
      ['Team', 'Buurtteam Heerlen-Noord'],
      ['Leefgebied', 'Wonen'],
      ['Spoed', 'Alleen spoed (crisis)'],
    ]);
  });

  it('says plainly when a period has no signals, no handovers and no terms', () => {
    const empty = dashboard(emptyReportData, '2026-11-26');
    expect(empty.sections.map((s) => s.empty)).toEqual([
      'In deze periode zijn geen signalen geteld. Kies een andere periode of minder filters.',
      'In deze periode zijn geen overdrachten verstuurd. Kies een andere periode.',
      'In deze periode liep geen termijn af.',
      'Er is niets te laat in het eigen team.',
    ]);
    expect(empty.sections.find((s) => s.id === 'signals')?.blocks).toEqual([]);
  });

  it('treats a hidden total as "something there", not as empty', () => {
    const hidden = dashboard({ ...data, signals: { ...signalsReportFixture, total: { cells: [suppressedCell], total: suppressedCell } } }, '2026-11-26');
    expect(hidden.sections[0]?.empty).toBeNull();
  });
});
