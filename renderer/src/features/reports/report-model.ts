import type {
  CountCell,
  FunnelReport,
  OverdueReport,
  ReportFiltersResponse,
  ReportPeriod,
  SignalsQuery,
  SignalsReport,
  ValueCell,
  WgsReport,
  WgsSeries,
  WorkloadRow,
} from '../../../../shared/api/reports';
import { isSuppressed } from '../../../../shared/api/reports';
import { returnReasonLabels, statusLabels } from '../../i18n/handover-words';
import type { BarSpec, ChartSpec, LineSpec } from './report-chart';
import { formatCell, type CellValue, type DisplayTable } from './report-table';
import { reportText as t } from './report-text';

/**
 * The dashboard as data: from the hub's four answers to sections of tables, each table maybe with a chart
 * of the same figures. The screen, the CSV and the PDF all draw from this, so they cannot disagree.
 * Totals are the hub's own (they may be hidden too); nothing is added up here.
 */

export interface ReportBlock {
  table: DisplayTable;
  chart?: ChartSpec;
}

export interface ReportSection {
  id: 'signals' | 'funnel' | 'wgs' | 'overdue';
  title: string;
  /** Sentences above the blocks: the key figures in words, and what the figures mean. */
  intro: string[];
  /** Set when the period holds nothing: said plainly instead of empty tables. */
  empty: string | null;
  blocks: ReportBlock[];
}

export interface ReportData {
  filters: ReportFiltersResponse;
  query: SignalsQuery;
  signals: SignalsReport;
  funnel: FunnelReport;
  wgs: WgsReport;
  overdue: OverdueReport;
}

export interface Dashboard {
  threshold: number;
  title: string;
  /** Label and value of what was chosen: period, team, domain, crisis, made on. */
  facts: [string, string][];
  sections: ReportSection[];
}

const isZero = (cell: CountCell): boolean => cell === 0;
/** A chart can only draw what is shown: a hidden cell is a gap, its table says "< 5". */
const plot = (cell: CountCell | ValueCell): number | null => (cell === null || isSuppressed(cell) ? null : cell);

const periodColumns = (periods: ReportPeriod[]) => periods.map((p) => ({ label: p.label, kind: 'count' as const }));

/** A table of groups × periods with a total column and the hub's total row. */
function crossTable(
  id: string,
  title: string,
  groupLabel: string,
  periods: ReportPeriod[],
  table: { rows: { label: string; cells: CountCell[]; total: CountCell }[]; total: { cells: CountCell[]; total: CountCell } },
  note?: string,
): DisplayTable {
  return {
    id,
    title,
    ...(note ? { note } : {}),
    columns: [{ label: groupLabel, kind: 'text' }, ...periodColumns(periods), { label: t.signals.total, kind: 'count' }],
    rows: [...table.rows.map((r) => [r.label, ...r.cells, r.total]), [t.signals.total, ...table.total.cells, table.total.total]],
    totalRows: 1,
  };
}

/** Bars of the groups' totals over the whole period, biggest first; a hidden total is a bar of 0 labelled "< 5". */
function totalsBars(rows: { label: string; total: CountCell }[], threshold: number): BarSpec {
  const sorted = [...rows].sort((a, b) => (plot(b.total) ?? 0) - (plot(a.total) ?? 0));
  return { kind: 'bar', bars: sorted.map((r) => ({ label: r.label, value: plot(r.total), text: formatCell('count', r.total, threshold) })) };
}

function signalsSection(data: ReportData, threshold: number): ReportSection {
  const s = data.signals;
  const empty = isZero(s.total.total);
  const trend: LineSpec = {
    kind: 'line',
    x: s.periods.map((p) => p.label),
    keys: s.periods.map((p) => p.key),
    series: [
      { name: t.signals.all, values: s.total.cells.map(plot) },
      { name: t.signals.families, values: s.familiesWithChildren.cells.map(plot) },
    ],
    valueKind: 'count',
  };
  const trendTable: DisplayTable = {
    id: 'signals-trend',
    title: t.signals.trendTitle,
    columns: [
      { label: t.signals.period, kind: 'text' },
      { label: t.signals.all, kind: 'count' },
      { label: t.signals.families, kind: 'count' },
    ],
    rows: [...s.periods.map((p, i) => [p.label, s.total.cells[i] ?? null, s.familiesWithChildren.cells[i] ?? null]), [t.signals.total, s.total.total, s.familiesWithChildren.total]],
    totalRows: 1,
  };
  return {
    id: 'signals',
    title: t.signals.title,
    intro: empty ? [t.signals.retracted] : [t.signals.summary(formatCell('count', s.total.total, threshold), formatCell('count', s.familiesWithChildren.total, threshold)), t.signals.retracted],
    empty: empty ? t.signals.empty : null,
    blocks: empty
      ? []
      : [
          { table: trendTable, chart: trend },
          { table: crossTable('signals-by-signal', t.signals.bySignal, t.signals.signal, s.periods, s.bySignal), chart: totalsBars(s.bySignal.rows, threshold) },
          { table: crossTable('signals-by-domain', t.signals.byDomain, t.signals.domain, s.periods, s.byDomain) },
          { table: crossTable('signals-by-neighbourhood', t.signals.byNeighbourhood, t.signals.neighbourhood, s.periods, s.byNeighbourhood), chart: totalsBars(s.byNeighbourhood.rows, threshold) },
          { table: crossTable('signals-by-household', t.signals.byHouseholdType, t.signals.householdType, s.periods, s.byHouseholdType) },
          {
            table: crossTable('signals-families', t.signals.bySignalFamilies, t.signals.signal, s.periods, s.bySignalFamiliesWithChildren, t.signals.familiesNote),
            chart: totalsBars(s.bySignalFamiliesWithChildren.rows, threshold),
          },
        ],
  };
}

function workloadTable(id: string, title: string, who: string, months: ReportPeriod[], w: { rows: WorkloadRow[]; total: Omit<WorkloadRow, 'key' | 'label'> }): DisplayTable {
  return {
    id,
    title,
    columns: [{ label: who, kind: 'text' }, { label: t.funnel.open, kind: 'count' }, ...periodColumns(months), { label: t.funnel.total, kind: 'count' }],
    rows: [...w.rows.map((r) => [r.label, r.open, ...r.perMonth.cells, r.perMonth.total]), [t.funnel.total, w.total.open, ...w.total.perMonth.cells, w.total.perMonth.total]],
    totalRows: 1,
  };
}

function funnelSection(data: ReportData, threshold: number): ReportSection {
  const f = data.funnel;
  const sent = f.steps.find((s) => s.step === 'sent')?.count ?? 0;
  const empty = isZero(sent);
  const steps: DisplayTable = {
    id: 'funnel-steps',
    title: t.funnel.stepsTitle,
    note: t.funnel.stepsNote,
    columns: [
      { label: t.funnel.step, kind: 'text' },
      { label: t.funnel.count, kind: 'count' },
      { label: t.funnel.since, kind: 'text' },
      { label: t.funnel.median, kind: 'days' },
      { label: t.funnel.p90, kind: 'days' },
    ],
    rows: f.steps.map((s) => [t.funnel.steps[s.step], s.count, s.leadTime ? t.funnel.steps[s.leadTime.since] : null, s.leadTime?.medianDays ?? null, s.leadTime?.p90Days ?? null]),
  };
  const stepBars: BarSpec = { kind: 'bar', bars: f.steps.map((s) => ({ label: t.funnel.steps[s.step], value: plot(s.count), text: formatCell('count', s.count, threshold) })) };
  const reasons: DisplayTable = {
    id: 'funnel-return-reasons',
    title: t.funnel.reasonsTitle,
    columns: [
      { label: t.funnel.reason, kind: 'text' },
      { label: t.funnel.count, kind: 'count' },
    ],
    rows: [...f.returnReasons.rows.map((r) => [returnReasonLabels[r.reason], r.count] as CellValue[]), [t.funnel.total, f.returnReasons.total]],
    totalRows: 1,
  };
  const withdrawn: DisplayTable = {
    id: 'funnel-withdrawn',
    title: t.funnel.withdrawnTitle,
    columns: [
      { label: t.funnel.withdrawnTitle, kind: 'text' },
      { label: t.funnel.count, kind: 'count' },
    ],
    rows: [[t.funnel.withdrawn, f.withdrawnConsents]],
  };
  return {
    id: 'funnel',
    title: t.funnel.title,
    intro: empty ? [] : [t.funnel.summary(formatCell('count', sent, threshold))],
    empty: empty ? t.funnel.empty : null,
    blocks: [
      ...(empty ? [] : [{ table: steps, chart: stepBars }, { table: reasons }, { table: withdrawn }]),
      // Workload counts what is open today, so it stands even in an empty period.
      { table: workloadTable('funnel-by-team', t.funnel.byTeam, t.funnel.team, f.months, f.workloadByTeam) },
      { table: workloadTable('funnel-by-worker', t.funnel.byWorker, t.funnel.worker, f.months, f.workloadByWorker) },
    ],
  };
}

function wgsTable(id: string, title: string, months: ReportPeriod[], term: { crisis: WgsSeries; regular: WgsSeries }): DisplayTable {
  const row = (label: string, basis: string, c: WgsSeries['total']): CellValue[] => [label, basis, c.met, c.late, c.pending, c.share];
  return {
    id,
    title,
    columns: [
      { label: t.wgs.month, kind: 'text' },
      { label: t.wgs.basis, kind: 'text' },
      { label: t.wgs.met, kind: 'count' },
      { label: t.wgs.late, kind: 'count' },
      { label: t.wgs.pending, kind: 'count' },
      { label: t.wgs.share, kind: 'percent' },
    ],
    rows: [
      ...months.flatMap((m, i) => [row(m.label, t.wgs.crisis, term.crisis.cells[i] ?? nothing), row(m.label, t.wgs.regular, term.regular.cells[i] ?? nothing)]),
      row(t.wgs.whole, t.wgs.crisis, term.crisis.total),
      row(t.wgs.whole, t.wgs.regular, term.regular.total),
    ],
    totalRows: 2,
  };
}
const nothing: WgsSeries['total'] = { met: 0, late: 0, pending: 0, share: null };

/** The share on time per month, crisis and regular apart, as labelled bars; months where no term ended are left out. */
function wgsChart(months: ReportPeriod[], term: { crisis: WgsSeries; regular: WgsSeries }, threshold: number): BarSpec | undefined {
  const ran = (c: WgsSeries['total']) => !(isZero(c.met) && isZero(c.late) && isZero(c.pending));
  const bars = months.flatMap((m, i) =>
    (
      [
        [t.wgs.crisis, term.crisis.cells[i]],
        [t.wgs.regular, term.regular.cells[i]],
      ] as const
    ).flatMap(([basis, c]) => (c && ran(c) ? [{ label: `${m.label}, ${basis.toLowerCase()}`, value: plot(c.share), text: formatCell('percent', c.share, threshold) }] : [])),
  );
  return bars.length > 0 ? { kind: 'bar', bars, valueKind: 'percent' } : undefined;
}

function wgsSection(data: ReportData, threshold: number): ReportSection {
  const w = data.wgs;
  const all = [w.firstConversation.crisis, w.firstConversation.regular, w.decision.crisis, w.decision.regular].map((s) => s.total);
  const empty = all.every((c) => isZero(c.met) && isZero(c.late) && isZero(c.pending));
  return {
    id: 'wgs',
    title: t.wgs.title,
    intro: [t.wgs.note],
    empty: empty ? t.wgs.empty : null,
    blocks: empty
      ? []
      : [
          withChart(wgsTable('wgs-first-conversation', t.wgs.firstTitle, w.months, w.firstConversation), wgsChart(w.months, w.firstConversation, threshold)),
          withChart(wgsTable('wgs-decision', t.wgs.decisionTitle, w.months, w.decision), wgsChart(w.months, w.decision, threshold)),
        ],
  };
}

function overdueSection(data: ReportData): ReportSection {
  const items = data.overdue.items;
  return {
    id: 'overdue',
    title: t.overdue.title,
    intro: [t.overdue.note],
    empty: items.length === 0 ? t.overdue.empty : null,
    blocks:
      items.length === 0
        ? []
        : [
            {
              table: {
                id: 'overdue',
                title: t.overdue.tableTitle,
                columns: [
                  { label: t.overdue.status, kind: 'text' },
                  { label: t.overdue.term, kind: 'text' },
                  { label: t.overdue.basis, kind: 'text' },
                  { label: t.overdue.days, kind: 'count' },
                ],
                rows: items.map((i) => [statusLabels[i.status], t.overdue.terms[i.term], i.basis === 'crisis' ? t.wgs.crisis : t.wgs.regular, i.daysOverdue]),
              },
            },
          ],
  };
}

const withChart = (table: DisplayTable, chart: ChartSpec | undefined): ReportBlock => (chart ? { table, chart } : { table });

const isoToDutch = (iso: string) => formatCell('date', iso, 0);

export function dashboard(data: ReportData, today: string): Dashboard {
  const threshold = data.filters.threshold;
  const { query, filters } = data;
  const team = query.teamId ? (filters.teams.find((x) => x.teamId === query.teamId)?.name ?? query.teamId) : t.filters.allTeams;
  const domain = query.domainId ? (filters.domains.find((x) => x.id === query.domainId)?.name ?? query.domainId) : t.filters.allDomains;
  return {
    threshold,
    title: t.title,
    facts: [
      [t.filters.from, isoToDutch(query.from)],
      [t.filters.to, isoToDutch(query.to)],
      [t.filters.granularity, t.filters.granularities[query.granularity]],
      [t.filters.team, team],
      [t.filters.domain, domain],
      [t.filters.crisis, t.filters.crisisOptions[query.crisis]],
      [t.pdf.made, isoToDutch(today)],
    ],
    sections: [signalsSection(data, threshold), funnelSection(data, threshold), wgsSection(data, threshold), overdueSection(data)],
  };
}
