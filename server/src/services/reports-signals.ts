import type { ReportTable, Series, SignalsQuery, SignalsReport } from '../../../shared/api/reports';
import { householdTypeLabels } from '../../../shared/api/reports';
import type { HouseholdType } from '../../../shared/api/signal-events';
import { householdTypeSchema } from '../../../shared/api/signal-events';
import type { Neighbourhood } from '../../../shared/reports/neighbourhoods';
import { neighbourhoodName } from '../../../shared/reports/neighbourhoods';
import { signalColumns } from '../../../shared/reports/periods';
import type { TableIds } from '../../../shared/reports/suppression';
import { SuppressionSet } from '../../../shared/reports/suppression';
import type { Queryable } from '../db/database';

/** What the signals report needs from the catalogues in resources/. */
export interface SignalCatalogues {
  signals: readonly { id: string; title: string; domainId: string }[];
  domains: readonly { id: string; title: string }[];
  neighbourhoods: readonly Neighbourhood[];
}

// The counts (migration 0015) per column, for the filters: $1 weeks, $2 their column, $3 team, $4 domain, $5 crisis.
const filters = `($3::uuid IS NULL OR c.team_id = $3::uuid) AND ($4::text IS NULL OR c.domain_id = $4) AND ($5::boolean IS NULL OR c.crisis = $5)`;
const bySignalSql = `
SELECT p.col, c.signal_id, c.domain_id, c.household_type, sum(c.n)::int AS n
FROM signal_counts_by_signal c JOIN unnest($1::text[], $2::int[]) AS p(week, col) ON p.week = c.week
WHERE ${filters}
GROUP BY 1, 2, 3, 4 HAVING sum(c.n) > 0`;
const byAreaSql = `
SELECT p.col, c.postcode_area, sum(c.n)::int AS n
FROM signal_counts_by_area c JOIN unnest($1::text[], $2::int[]) AS p(week, col) ON p.week = c.week
WHERE ${filters}
GROUP BY 1, 2 HAVING sum(c.n) > 0`;

const withChildren = new Set<HouseholdType>(['single-with-children', 'couple-with-children']);

/** Rows of counts per column, keyed, in first-seen order unless `order` says otherwise. */
class Grid {
  readonly rows = new Map<string, number[]>();
  private readonly columns: number;
  constructor(columns: number) {
    this.columns = columns;
  }
  add(key: string, col: number, n: number): void {
    let row = this.rows.get(key);
    if (!row) {
      row = new Array<number>(this.columns).fill(0);
      this.rows.set(key, row);
    }
    row[col] = (row[col] ?? 0) + n;
  }
  ordered(order: readonly string[]): [string, number[]][] {
    const rank = (k: string) => {
      const i = order.indexOf(k);
      return i === -1 ? order.length : i;
    };
    return [...this.rows.entries()].sort((a, b) => rank(a[0]) - rank(b[0]) || a[0].localeCompare(b[0]));
  }
}

export async function signalsReport(db: Queryable, query: SignalsQuery, threshold: number, catalogues: SignalCatalogues): Promise<SignalsReport> {
  const { periods, weeks, column } = signalColumns(query.from, query.to, query.granularity);
  const cols = periods.length;
  const params = [weeks, column, query.teamId ?? null, query.domainId ?? null, query.crisis === 'all' ? null : query.crisis === 'crisis'];
  // One after the other: inside a transaction both go through one connection anyway.
  const signalRows = await db.query<{ col: number; signal_id: string; domain_id: string; household_type: HouseholdType; n: number }>(bySignalSql, params);
  const areaRows = await db.query<{ col: number; postcode_area: string; n: number }>(byAreaSql, params);

  const signals = new Grid(cols);
  const domains = new Grid(cols);
  const households = new Grid(cols);
  const familySignals = new Grid(cols);
  const domainOfSignal = new Map<string, string>();
  for (const household of householdTypeSchema.options) households.rows.set(household, new Array<number>(cols).fill(0));
  for (const r of signalRows.rows) {
    // A signal belongs to one domain (the catalogue's); keyed by both, a device with another catalogue cannot merge two.
    const key = `${r.domain_id}/${r.signal_id}`;
    domainOfSignal.set(key, r.domain_id);
    signals.add(key, r.col, r.n);
    domains.add(r.domain_id, r.col, r.n);
    households.add(r.household_type, r.col, r.n);
    if (withChildren.has(r.household_type)) familySignals.add(key, r.col, r.n);
  }
  const areas = new Grid(cols);
  for (const r of areaRows.rows) areas.add(r.postcode_area, r.col, r.n);

  const signalOrder = catalogues.signals.map((s) => `${s.domainId}/${s.id}`);
  const signalList = signals.ordered(signalOrder);
  const domainList = domains.ordered(catalogues.domains.map((d) => d.id));
  const areaList = areas.ordered(catalogues.neighbourhoods.map((a) => a.postcodeArea));
  const householdList = households.ordered(householdTypeSchema.options);
  const familyList = familySignals.ordered(signalOrder);

  // One set for the whole answer: every table splits the same column totals, and a domain is the sum of its signals.
  const set = new SuppressionSet();
  const bySignal = set.table(signalList.map(([, row]) => row), cols);
  const totals = { colTotals: bySignal.colTotals, total: bySignal.total };
  const byDomain = set.table(domainList.map(([, row]) => row), cols, totals);
  domainList.forEach(([domain], d) => {
    const members = signalList.flatMap(([key], s) => (domainOfSignal.get(key) === domain ? [s] : []));
    for (let c = 0; c < cols; c++) set.sum(members.map((s) => bySignal.cells[s]![c]!), byDomain.cells[d]![c]);
    set.sum(members.map((s) => bySignal.rowTotals[s]!), byDomain.rowTotals[d]);
  });
  const byArea = set.table(areaList.map(([, row]) => row), cols, totals);
  const byHousehold = set.table(householdList.map(([, row]) => row), cols, totals);
  const familyRows = householdList.flatMap(([key], i) => (withChildren.has(key as HouseholdType) ? [i] : []));
  const familyCols = Array.from({ length: cols }, (_, c) => set.sum(familyRows.map((i) => byHousehold.cells[i]![c]!)));
  const familyTotal = set.sum(familyCols);
  set.sum(familyRows.map((i) => byHousehold.rowTotals[i]!), familyTotal);
  const byFamilySignal = set.table(familyList.map(([, row]) => row), cols, { colTotals: familyCols, total: familyTotal });

  const cell = set.suppress(threshold);
  const series = (ids: readonly number[], total: number): Series => ({ cells: ids.map(cell), total: cell(total) });
  const table = <K extends string>(ids: TableIds, keys: readonly K[], label: (key: K) => string): { rows: (ReportTable['rows'][number] & { key: K })[]; total: Series } => ({
    rows: keys.map((key, r) => ({ key, label: label(key), ...series(ids.cells[r]!, ids.rowTotals[r]!) })),
    total: series(ids.colTotals, ids.total),
  });
  const signalTitle = (key: string) => {
    const [domainId, id] = key.split('/') as [string, string];
    return catalogues.signals.find((s) => s.id === id && s.domainId === domainId)?.title ?? catalogues.signals.find((s) => s.id === id)?.title ?? id;
  };
  const signalTable = (ids: TableIds, list: [string, number[]][]) => {
    const t = table(ids, list.map(([k]) => k), signalTitle);
    return { ...t, rows: t.rows.map((r) => ({ ...r, key: r.key.split('/')[1] ?? r.key, domainId: r.key.split('/')[0] ?? '' })) };
  };
  const domainTitle = (id: string) => catalogues.domains.find((d) => d.id === id)?.title ?? id;

  const total: Series = series(bySignal.colTotals, bySignal.total);
  return {
    threshold,
    from: query.from,
    to: query.to,
    granularity: query.granularity,
    periods,
    total,
    familiesWithChildren: series(familyCols, familyTotal),
    bySignal: signalTable(bySignal, signalList),
    byDomain: table(byDomain, domainList.map(([k]) => k), domainTitle),
    byNeighbourhood: table(byArea, areaList.map(([k]) => k), (k) => neighbourhoodName(catalogues.neighbourhoods, k)),
    byHouseholdType: table(byHousehold, householdList.map(([k]) => k as HouseholdType), (k) => householdTypeLabels[k]),
    bySignalFamiliesWithChildren: signalTable(byFamilySignal, familyList),
  };
}

/** The statements, for the bench's EXPLAIN. */
export const signalReportSql = { bySignalSql, byAreaSql };
