import type { HandoverListQuery } from '../../../shared/api/handover';
import { foldText } from '../../../shared/domain/search-text';
import { dutchDateOf } from '../../../shared/domain/urgency';
import type { Queryable } from '../db/database';

/**
 * The SQL of the counsellor's list (pure, so the filters are tested apart from a database). Rows sort by
 * urgency rank (overdue 0, crisis 1, regular 2, done 3), then the deadline that matters now, then arrival (seq).
 */

/** The deadline that matters now: the first conversation until it is planned, then the decision. */
export const currentDeadlineSql = `CASE WHEN d.status IN ('received', 'accepted') THEN d.first_conversation_by ELSE d.decision_by END`;

export const urgencySql = (today: string) => `CASE
  WHEN d.status IN ('returned', 'closed', 'decided', 'withdrawn') THEN 'done'
  WHEN ${currentDeadlineSql} < ${today}::date THEN 'overdue'
  WHEN d.deadline_basis = 'crisis' AND d.status IN ('received', 'accepted') THEN 'crisis'
  ELSE 'regular' END`;

export const rankSql = (today: string) => `(CASE ${urgencySql(today)} WHEN 'overdue' THEN 0 WHEN 'crisis' THEN 1 WHEN 'regular' THEN 2 ELSE 3 END)`;

/** A row's place in the list; the cursor is the key of the last row shown. */
export interface SortKey {
  rank: number;
  deadline: string;
  seq: string;
}

export const cursorOf = (k: SortKey): string => `${k.rank}.${k.deadline}.${k.seq}`;

/** The query schema checked the pattern already; this only splits it. */
export function parseCursor(cursor: string): SortKey {
  const [rank, deadline, seq] = cursor.split('.');
  return { rank: Number(rank), deadline: deadline ?? '', seq: seq ?? '0' };
}

/** Is `a` after `b` in the list's order? */
export function isAfter(a: SortKey, b: SortKey): boolean {
  if (a.rank !== b.rank) return a.rank > b.rank;
  if (a.deadline !== b.deadline) return a.deadline > b.deadline;
  return BigInt(a.seq) > BigInt(b.seq);
}

/**
 * The WHERE clause of a list query over `dossiers d JOIN cases c`, after the caller's scope (params `$1`…) and
 * today's date (`$today`). Search is not in it: names are sealed, so the service opens and matches them itself.
 */
export function listFilters(query: HandoverListQuery, today: string, firstParam: number): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const p = (value: unknown, cast: string) => {
    params.push(value);
    return `$${firstParam + params.length - 1}${cast}`;
  };
  const parts = [`d.consent_valid_until >= ${today}::date`];
  if (query.status) parts.push(`d.status = ${p(query.status, '')}`);
  else parts.push(query.view === 'open' ? `d.status NOT IN ('withdrawn', 'returned', 'closed')` : `d.status <> 'withdrawn'`);
  if (query.urgent === 'true') parts.push(`${urgencySql(today)} IN ('overdue', 'crisis')`);
  if (query.area) parts.push(`c.postcode_area = ${p(query.area, '')}`);
  if (query.worker) parts.push(`c.created_by = ${p(query.worker, '::uuid')}`);
  return { sql: parts.join(' AND '), params };
}

/** The keyset condition: rows after the cursor's row. */
export function afterCursorSql(cursor: SortKey, today: string, firstParam: number): { sql: string; params: unknown[] } {
  return {
    sql: `(${rankSql(today)}, ${currentDeadlineSql}, d.seq) > ($${firstParam}::int, $${firstParam + 1}::date, $${firstParam + 2}::bigint)`,
    params: [cursor.rank, cursor.deadline, cursor.seq],
  };
}

/** Does the search text occur in the name, town or postcode area? Capitals and accents do not matter. */
export function searchMatcher(q: string): (line: { clientName: string; town: string; postcodeArea: string }) => boolean {
  const needle = foldText(q.trim());
  return (line) => needle === '' || line.postcodeArea.includes(needle) || foldText(line.clientName).includes(needle) || foldText(line.town).includes(needle);
}

export const matchesSearch = (line: { clientName: string; town: string; postcodeArea: string }, q: string): boolean => searchMatcher(q)(line);

/** What one list request found before its rows are read in full: the page's keys in order, and the counts around it. */
export interface ListPlan {
  keys: (SortKey & { dossierId: string })[];
  /** More rows follow the page. */
  more: boolean;
  total: number;
  arrived: number | null;
  withdrawn: string[];
  /** Dossiers whose consent ran out (its last day passed) since `since`, by Dutch days: listed until then, never again. */
  ended: string[];
  areas: { postcodeArea: string; count: number }[];
  workers: { userId: string; name: string; count: number }[];
}

interface KeyRow {
  dossier_id: string;
  rank: number;
  deadline: string;
  seq: string;
}

/**
 * Plans one page of the list inside the caller's transaction. `scope` is the team condition with its parameter
 * as `$1`; today's date is `$2`. Without search, the database filters, sorts and cuts the page. With search, it
 * filters and sorts the keys with their sealed inbox lines, and `openLine` opens each to match the words.
 */
export async function planList(
  tx: Queryable,
  { scope, today, query, openLine }: { scope: { sql: string; params: [string] }; today: string; query: HandoverListQuery; openLine: (dossierId: string, sealed: Uint8Array | null) => { clientName: string; town: string } },
): Promise<ListPlan> {
  const base = [...scope.params, today];
  const filters = listFilters(query, '$2', 3);
  const where = `${scope.sql} AND ${filters.sql}`;
  const fromSql = 'dossiers d JOIN cases c ON c.case_id = d.case_id';
  // The page and its count need the cases only to filter on them (or to search the postcode).
  const pageFrom = query.area || query.worker ? fromSql : 'dossiers d';
  const keyColumns = `d.dossier_id::text AS dossier_id, ${rankSql('$2')} AS rank, (${currentDeadlineSql})::text AS deadline, d.seq::text AS seq`;
  const order = `ORDER BY ${rankSql('$2')}, ${currentDeadlineSql}, d.seq`;
  const cursor = query.cursor ? parseCursor(query.cursor) : null;
  const since = query.since ? new Date(query.since).toISOString() : null;
  const toKey = (r: KeyRow) => ({ dossierId: r.dossier_id, rank: Number(r.rank), deadline: r.deadline, seq: r.seq });

  let keys: ListPlan['keys'];
  let more: boolean;
  let total: number;
  let arrived: number | null = null;
  const q = query.q?.trim() ?? '';
  if (q === '') {
    // The first page counts in the same scan (a window over every matching row); a later page counts apart.
    const after = cursor ? afterCursorSql(cursor, '$2', 3 + filters.params.length) : null;
    const sinceAt = !after && since ? `$${3 + filters.params.length}` : null;
    const counts = after ? '' : `, count(*) OVER () AS total${sinceAt ? `, count(*) FILTER (WHERE d.received_at > ${sinceAt}::timestamptz) OVER () AS arrived` : ''}`;
    const params = [...base, ...filters.params, ...(after?.params ?? []), ...(sinceAt ? [since] : [])];
    const { rows } = await tx.query<KeyRow & { total?: number | string; arrived?: number | string }>(
      `SELECT ${keyColumns}${counts} FROM ${pageFrom} WHERE ${where}${after ? ` AND ${after.sql}` : ''} ${order} LIMIT $${params.length + 1}`,
      [...params, query.limit + 1],
    );
    more = rows.length > query.limit;
    keys = rows.slice(0, query.limit).map(toKey);
    if (after) {
      const sinceParam = `$${3 + filters.params.length}`;
      const counted = await tx.query<{ total: number; arrived: number | null }>(
        `SELECT count(*)::int AS total, ${since ? `count(*) FILTER (WHERE d.received_at > ${sinceParam}::timestamptz)::int` : 'NULL::int'} AS arrived FROM ${pageFrom} WHERE ${where}`,
        [...base, ...filters.params, ...(since ? [since] : [])],
      );
      total = Number(counted.rows[0]?.total ?? 0);
      arrived = since ? Number(counted.rows[0]?.arrived ?? 0) : null;
    } else {
      total = Number(rows[0]?.total ?? 0);
      arrived = since ? Number(rows[0]?.arrived ?? 0) : null;
    }
  } else {
    const { rows } = await tx.query<KeyRow & { received_at: Date | string; summary: Uint8Array | null; postcode_area: string }>(
      `SELECT ${keyColumns}, d.received_at, d.summary, c.postcode_area FROM ${fromSql} WHERE ${where} ${order}`,
      [...base, ...filters.params],
    );
    const matches = searchMatcher(q);
    const found = rows.filter((r) => matches({ ...openLine(r.dossier_id, r.summary), postcodeArea: r.postcode_area }));
    total = found.length;
    if (since) arrived = found.filter((r) => new Date(r.received_at).getTime() > Date.parse(since)).length;
    const rest = cursor ? found.filter((r) => isAfter(toKey(r), cursor)) : found;
    more = rest.length > query.limit;
    keys = rest.slice(0, query.limit).map(toKey);
  }

  const withdrawn = since
    ? (await tx.query<{ dossier_id: string }>(`SELECT d.dossier_id::text AS dossier_id FROM dossiers d WHERE ${scope.sql} AND d.status = 'withdrawn' AND d.withdrawn_at > $2::timestamptz`, [...scope.params, since])).rows.map((r) => r.dossier_id)
    : [];
  // A consent holds through its last day: it ended since `since` when that day lies on or after since's own day and before today.
  const ended = since
    ? (
        await tx.query<{ dossier_id: string }>(
          `SELECT d.dossier_id::text AS dossier_id FROM dossiers d WHERE ${scope.sql} AND d.status <> 'withdrawn' AND d.consent_valid_until < $2::date AND d.consent_valid_until >= $3::date`,
          [...scope.params, today, dutchDateOf(since)],
        )
      ).rows.map((r) => r.dossier_id)
    : [];

  // The filters' choices: every neighbourhood and sending worker in the team's list (of this view), whatever else is
  // chosen; one scan for both. A later page ("meer laden") keeps the choices it has.
  const listed = `${scope.sql} AND d.consent_valid_until >= $2::date AND ${query.view === 'open' && !query.status ? `d.status NOT IN ('withdrawn', 'returned', 'closed')` : `d.status <> 'withdrawn'`}`;
  const facets = cursor
    ? { rows: [] }
    : await tx.query<{ area: string | null; worker: string | null; n: number }>(
        `SELECT c.postcode_area AS area, c.created_by::text AS worker, count(*)::int AS n FROM ${fromSql} WHERE ${listed}
         GROUP BY GROUPING SETS ((c.postcode_area), (c.created_by))`,
        base,
      );
  const workerRows = facets.rows.filter((r) => r.worker !== null);
  const names = workerRows.length === 0 ? new Map<string, string>() : new Map(
    (await tx.query<{ user_id: string; display_name: string }>('SELECT user_id::text AS user_id, display_name FROM users WHERE user_id = ANY($1::uuid[])', [workerRows.map((r) => r.worker)])).rows.map((u) => [u.user_id, u.display_name]),
  );
  const areas = facets.rows.flatMap((r) => (r.area === null ? [] : [{ postcodeArea: r.area, count: Number(r.n) }]));
  const workers = workerRows.map((r) => ({ userId: r.worker ?? '', name: names.get(r.worker ?? '') ?? '', count: Number(r.n) }));
  areas.sort((a, b) => a.postcodeArea.localeCompare(b.postcodeArea));
  workers.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  return { keys, more, total, arrived, withdrawn, ended, areas, workers };
}
