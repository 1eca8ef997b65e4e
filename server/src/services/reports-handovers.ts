import type { ReturnReason } from '../../../shared/api/changes';
import { returnReasonSchema } from '../../../shared/api/changes';
import type { FunnelReport, FunnelStep, HandoverReportQuery, OverdueReport, WgsReport, WgsSeries, WorkloadRow } from '../../../shared/api/reports';
import { monthsOf } from '../../../shared/reports/periods';
import { figureCell, shareCell, SuppressionSet } from '../../../shared/reports/suppression';
import type { Queryable } from '../db/database';

/** The moment of the request: `now` for times, `today` (the Dutch date) for terms. */
export interface ReportMoment {
  now: string;
  today: string;
}

const tz = `'Europe/Amsterdam'`;
const dutchDate = (column: string) => `(${column} AT TIME ZONE ${tz})::date`;
// A handover arrived in the period ($1, $2: Dutch dates, both included) and concerns the team $3 (sender or receiver), if given.
const arrivedIn = `d.received_at >= ($1::date::timestamp AT TIME ZONE ${tz}) AND d.received_at < (($2::date + 1)::timestamp AT TIME ZONE ${tz})`;
const ofTeamAt = (n: number) => `($${n}::uuid IS NULL OR d.owner_team_id = $${n}::uuid OR d.recipient_team_id = $${n}::uuid)`;
const ofTeam = ofTeamAt(3);
// The month key ($7) of a moment or date, by the first days of the months ($6): a binary search, no time-zone
// conversion and no formatting per row.
const monthOfInstant = (column: string) =>
  `($7::text[])[width_bucket(${column}, (SELECT array_agg((b::timestamp AT TIME ZONE ${tz}) ORDER BY b) FROM unnest($6::date[]) b))]`;
const monthOfDate = (column: string) => `($7::text[])[width_bucket(${column}, $6::date[])]`;

/**
 * Per step: its lead time from the step before, as an interval between two moments (percentiles taken over the
 * intervals, turned into days only for the two results: extract and date_part go through numeric, many times slower
 * per row) or as whole days between two dates. The first conversation counts once its planned date has come ($4).
 */
const leadTimes: { step: FunnelStep; since: FunnelStep; expr: string; interval: boolean }[] = [
  { step: 'received', since: 'sent', expr: 't.opened_at - d.received_at', interval: true },
  { step: 'accepted', since: 'received', expr: 't.accepted_at - COALESCE(t.opened_at, d.received_at)', interval: true },
  { step: 'returned', since: 'received', expr: 't.returned_at - COALESCE(t.opened_at, d.received_at)', interval: true },
  { step: 'first-conversation', since: 'accepted', expr: 'CASE WHEN d.planned_at <= $4::timestamptz THEN d.planned_at - t.accepted_at END', interval: true },
  { step: 'decision', since: 'first-conversation', expr: `CASE WHEN d.planned_at <= $4::timestamptz THEN (d.decided_on - ${dutchDate('d.planned_at')})::float8 END`, interval: false },
  { step: 'closed', since: 'decision', expr: `(${dutchDate('t.closed_at')} - d.decided_on)::float8`, interval: false },
];
const inDays = (q: string, interval: boolean) =>
  interval ? `ARRAY(SELECT date_part('epoch', x) / 86400.0 FROM unnest(${q}) WITH ORDINALITY AS u(x, i) ORDER BY i)` : q;
// One pass over the cohort (the handovers that arrived in the period, of team $3 if given): each lead time computed
// once per handover, both percentiles of a lead time from one sort, and the counts per reason, team and month, and
// per worker of the lead's own team ($4) and month, from the same rows.
const funnelSql = `
WITH c AS MATERIALIZED (
  SELECT t.opened_at, t.accepted_at, t.returned_at, t.closed_at, d.planned_at, d.decided_on,
    CASE WHEN t.returned_at IS NOT NULL THEN COALESCE(t.return_reason, 'other') END AS reason,
    d.owner_team_id, (d.owner_team_id = $5::uuid OR d.recipient_team_id = $5::uuid) AS own,
    -- The sender is looked up only for the lead's own team's handovers, not joined for all of them.
    CASE WHEN d.recipient_team_id = $5::uuid THEN d.contact_user_id
      WHEN d.owner_team_id = $5::uuid THEN (SELECT cs.created_by FROM cases cs WHERE cs.case_id = d.case_id) END AS worker,
    ${monthOfInstant('d.received_at')} AS month,
    ${leadTimes.map((l, i) => `${l.expr} AS l${i}`).join(', ')}
  FROM dossiers d LEFT JOIN handover_step_times t ON t.dossier_id = d.dossier_id
  WHERE ${arrivedIn} AND ${ofTeam})
SELECT
  (SELECT row_to_json(f) FROM (
    SELECT a.*, ${leadTimes.map((l, i) => `${inDays(`a.p${i}`, l.interval)} AS q${i}`).join(', ')}
    FROM (
      SELECT count(*)::int AS sent, count(opened_at)::int AS received, count(accepted_at)::int AS accepted, count(returned_at)::int AS returned,
        count(*) FILTER (WHERE planned_at <= $4::timestamptz)::int AS first_conversation, count(decided_on)::int AS decision,
        count(closed_at)::int AS closed,
        ${leadTimes.map((_, i) => `count(l${i})::int AS n${i}, percentile_cont(ARRAY[0.5, 0.9]::float8[]) WITHIN GROUP (ORDER BY l${i}) AS p${i}`).join(',\n        ')}
      FROM c) a) f) AS funnel,
  (SELECT COALESCE(json_agg(r), '[]') FROM (SELECT reason, count(*)::int AS n FROM c WHERE reason IS NOT NULL GROUP BY 1) r) AS reasons,
  (SELECT COALESCE(json_agg(r), '[]') FROM (SELECT owner_team_id::text AS key, month, count(*)::int AS n FROM c GROUP BY 1, 2) r) AS teams,
  (SELECT COALESCE(json_agg(r), '[]') FROM (SELECT worker::text AS key, month, count(*)::int AS n FROM c WHERE own GROUP BY 1, 2) r) AS workers`;

const withdrawnSql = `
SELECT count(*)::int AS n FROM consent_withdrawals w JOIN cases c ON c.case_id = w.case_id
WHERE w.received_at >= ($1::date::timestamp AT TIME ZONE ${tz}) AND w.received_at < (($2::date + 1)::timestamp AT TIME ZONE ${tz})
  AND ($3::uuid IS NULL OR c.team_id = $3::uuid)`;

// Open today, whenever they arrived (the partial index of migration 0016): per sending team, and per worker of the
// lead's own team ($2): the contact person where the team receives, the sender where it sends. $1: the team filter.
const openStatuses = `d.status IN ('received', 'accepted', 'first-conversation-planned', 'decided')`;
const openSql = `
SELECT 'team' AS kind, d.owner_team_id::text AS key, count(*)::int AS n FROM dossiers d WHERE ${openStatuses} AND ${ofTeamAt(1)} GROUP BY 2
UNION ALL
SELECT 'worker', (CASE WHEN d.recipient_team_id = $2::uuid THEN d.contact_user_id ELSE cs.created_by END)::text, count(*)::int
FROM dossiers d JOIN cases cs ON cs.case_id = d.case_id
WHERE ${openStatuses} AND ${ofTeamAt(1)} AND (d.owner_team_id = $2::uuid OR d.recipient_team_id = $2::uuid) GROUP BY 2`;

const labelsSql = `
SELECT team_id::text AS key, name AS label FROM teams WHERE team_id = ANY($1::uuid[])
UNION ALL
SELECT user_id::text, display_name FROM users WHERE user_id = ANY($2::uuid[])`;

interface FunnelRow {
  funnel: Record<string, number | (number | null)[] | null>;
  reasons: { reason: ReturnReason; n: number }[];
  teams: WorkloadQueryRow[];
  workers: WorkloadQueryRow[];
}

interface WorkloadQueryRow {
  key: string | null;
  label: string | null;
  /** null: the open count. */
  month: string | null;
  n: number;
}

export async function funnelReport(db: Queryable, query: HandoverReportQuery, threshold: number, moment: ReportMoment, ownTeamId: string): Promise<FunnelReport> {
  const months = monthsOf(query.from, query.to);
  const params = [query.from, query.to, query.teamId ?? null, moment.now, ownTeamId, months.map((m) => m.from), months.map((m) => m.key)];
  const one = (await db.query<FunnelRow>(funnelSql, params)).rows[0];
  const withdrawn = await db.query<{ n: number }>(withdrawnSql, params.slice(0, 3));
  const open = await db.query<{ kind: 'team' | 'worker'; key: string | null; n: number }>(openSql, [query.teamId ?? null, ownTeamId]);
  const f = one?.funnel ?? {};
  const num = (k: string): number => Number(f[k] ?? 0);
  const workloadRows = (kind: 'team' | 'worker', arrived: readonly WorkloadQueryRow[]): WorkloadQueryRow[] => [
    ...open.rows.filter((r) => r.kind === kind).map((r) => ({ key: r.key, label: null, month: null, n: r.n })),
    ...arrived,
  ];
  const teamRows = workloadRows('team', one?.teams ?? []);
  const workerRows = workloadRows('worker', one?.workers ?? []);
  const ids = (rows: readonly WorkloadQueryRow[]) => [...new Set(rows.flatMap((r) => (r.key ? [r.key] : [])))];
  const labels = new Map((await db.query<{ key: string; label: string }>(labelsSql, [ids(teamRows), ids(workerRows)])).rows.map((r) => [r.key, r.label]));
  const reasons = { rows: one?.reasons ?? [] };

  const set = new SuppressionSet();
  const stepIds = new Map<FunnelStep, number>(
    (['sent', 'received', 'accepted', 'returned', 'first-conversation', 'decision', 'closed'] as const).map((s) => [s, set.add(num(s.replace('-', '_')))]),
  );
  // The return reasons add up to the returned count.
  const reasonCounts = new Map(reasons.rows.map((r) => [r.reason, r.n]));
  const reasonIds = returnReasonSchema.options.map((r) => set.add(reasonCounts.get(r) ?? 0));
  set.sum(reasonIds, stepIds.get('returned'));
  const leadIds = leadTimes.map((l, i) => (l.step === 'received' || l.step === 'accepted' || l.step === 'returned' ? stepIds.get(l.step)! : set.add(num(`n${i}`))));
  const withdrawnId = set.add(withdrawn.rows[0]?.n ?? 0);
  const labelled = (rows: WorkloadQueryRow[], unknown: string) => rows.map((r) => ({ ...r, label: (r.key ? labels.get(r.key) : undefined) ?? unknown }));
  const teamWorkload = workload(set, labelled(teamRows, 'Onbekend team'), months.map((m) => m.key));
  const workerWorkload = workload(set, labelled(workerRows, 'Nog niet toegewezen'), months.map((m) => m.key));

  const cell = set.suppress(threshold);
  return {
    threshold,
    from: query.from,
    to: query.to,
    steps: [...stepIds.entries()].map(([step, id]) => {
      const i = leadTimes.findIndex((l) => l.step === step);
      const lead = leadTimes[i];
      if (!lead) return { step, count: cell(id), leadTime: null };
      const n = num(`n${i}`);
      const [median, p90] = (f[`q${i}`] ?? []) as (number | null | undefined)[];
      return {
        step,
        count: cell(id),
        leadTime: { since: lead.since, count: cell(leadIds[i]!), medianDays: figureCell(n, median ?? null, threshold), p90Days: figureCell(n, p90 ?? null, threshold) },
      };
    }),
    returnReasons: { rows: returnReasonSchema.options.map((reason, i) => ({ reason, count: cell(reasonIds[i]!) })), total: cell(stepIds.get('returned')!) },
    withdrawnConsents: cell(withdrawnId),
    months,
    workloadByTeam: teamWorkload.publish(cell),
    workloadByWorker: workerWorkload.publish(cell, true),
  };
}

/** Open handovers and arrivals per month, per row, suppressed together with the rest of the answer. */
function workload(set: SuppressionSet, rows: readonly WorkloadQueryRow[], monthKeys: readonly string[]) {
  const keys = [...new Map(rows.map((r) => [r.key ?? '', r.label ?? ''])).entries()].sort((a, b) => a[1].localeCompare(b[1], 'nl'));
  const count = (key: string, month: string | null) => rows.filter((r) => (r.key ?? '') === key && r.month === month).reduce((acc, r) => acc + r.n, 0);
  const openCounts = keys.map(([key]) => count(key, null));
  const perMonth = keys.map(([key]) => monthKeys.map((m) => count(key, m)));
  const openIds = set.table(openCounts.map((n) => [n]), 1);
  const monthIds = set.table(perMonth, monthKeys.length);
  return {
    publish: (cell: (id: number) => FunnelReport['withdrawnConsents'], pseudonymousKeys = false) => ({
      rows: keys.map(([key, label], r): WorkloadRow => ({
        key: pseudonymousKeys ? `worker-${r + 1}` : key,
        label,
        open: cell(openIds.rowTotals[r]!),
        perMonth: { cells: monthIds.cells[r]!.map(cell), total: cell(monthIds.rowTotals[r]!) },
      })),
      total: { open: cell(openIds.total), perMonth: { cells: monthIds.colTotals.map(cell), total: cell(monthIds.total) } },
    }),
  };
}

// ---------- Wgs terms ----------

// Per month in which the term ended ($1–$2), basis: held in time, late, or not yet due. $3 team, $4 now, $5 today.
// No term runs for a returned or withdrawn handover, nor for one closed before the step.
const firstConversationSql = `
SELECT ${monthOfDate('d.first_conversation_by')} AS month, d.deadline_basis AS basis,
  count(*) FILTER (WHERE held AND ${dutchDate('d.planned_at')} <= d.first_conversation_by)::int AS met,
  count(*) FILTER (WHERE (held AND ${dutchDate('d.planned_at')} > d.first_conversation_by) OR (NOT held AND d.first_conversation_by < $5::date))::int AS late,
  count(*) FILTER (WHERE NOT held AND d.first_conversation_by >= $5::date)::int AS pending
FROM dossiers d CROSS JOIN LATERAL (SELECT d.planned_at IS NOT NULL AND d.planned_at <= $4::timestamptz AS held) h
WHERE d.first_conversation_by BETWEEN $1::date AND $2::date AND ${ofTeam}
  AND d.status NOT IN ('returned', 'withdrawn') AND NOT (d.status = 'closed' AND d.planned_at IS NULL)
GROUP BY 1, 2`;

const decisionSql = `
SELECT ${monthOfDate('d.decision_by')} AS month, d.deadline_basis AS basis,
  count(*) FILTER (WHERE d.decided_on <= d.decision_by)::int AS met,
  count(*) FILTER (WHERE d.decided_on > d.decision_by OR (d.decided_on IS NULL AND d.decision_by < $5::date))::int AS late,
  count(*) FILTER (WHERE d.decided_on IS NULL AND d.decision_by >= $5::date)::int AS pending
FROM dossiers d
WHERE d.decision_by BETWEEN $1::date AND $2::date AND ${ofTeam} AND d.planned_at <= $4::timestamptz
  AND d.status <> 'withdrawn' AND NOT (d.status = 'closed' AND d.decided_on IS NULL)
GROUP BY 1, 2`;

interface WgsRow {
  month: string;
  basis: 'crisis' | 'regular';
  met: number;
  late: number;
  pending: number;
}

export async function wgsReport(db: Queryable, query: HandoverReportQuery, threshold: number, moment: ReportMoment): Promise<WgsReport> {
  const months = monthsOf(query.from, query.to);
  const params = [query.from, query.to, query.teamId ?? null, moment.now, moment.today, months.map((m) => m.from), months.map((m) => m.key)];
  const first = await db.query<WgsRow>(firstConversationSql, params);
  const decision = await db.query<WgsRow>(decisionSql, params);
  const set = new SuppressionSet();
  const build = (rows: readonly WgsRow[], basis: 'crisis' | 'regular') => {
    const of = (m: string) => rows.find((r) => r.basis === basis && r.month === m);
    // Three published rows (met, late, pending) over the months, each with its total; the month's sum is not published.
    const ids = (['met', 'late', 'pending'] as const).map((k) => {
      const cells = months.map((m) => set.add(of(m.key)?.[k] ?? 0));
      return { cells, total: set.sum(cells), values: months.map((m) => of(m.key)?.[k] ?? 0) };
    });
    return (cell: (id: number) => FunnelReport['withdrawnConsents']): WgsSeries => {
      const [met, late, pending] = ids as [(typeof ids)[0], (typeof ids)[0], (typeof ids)[0]];
      const wgsCell = (metId: number, lateId: number, pendingId: number, metN: number, lateN: number) => ({
        met: cell(metId),
        late: cell(lateId),
        pending: cell(pendingId),
        share: shareCell(metN, lateN, cell(metId), cell(lateId)),
      });
      const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
      return {
        cells: months.map((_, i) => wgsCell(met.cells[i]!, late.cells[i]!, pending.cells[i]!, met.values[i]!, late.values[i]!)),
        total: wgsCell(met.total, late.total, pending.total, sum(met.values), sum(late.values)),
      };
    };
  };
  const parts = {
    firstCrisis: build(first.rows, 'crisis'),
    firstRegular: build(first.rows, 'regular'),
    decisionCrisis: build(decision.rows, 'crisis'),
    decisionRegular: build(decision.rows, 'regular'),
  };
  const cell = set.suppress(threshold);
  return {
    threshold,
    from: query.from,
    to: query.to,
    months,
    firstConversation: { crisis: parts.firstCrisis(cell), regular: parts.firstRegular(cell) },
    decision: { crisis: parts.decisionCrisis(cell), regular: parts.decisionRegular(cell) },
  };
}

// ---------- overdue (own team) ----------

const overdueSql = `
SELECT d.status, CASE WHEN d.status IN ('received', 'accepted') THEN 'first-conversation' ELSE 'decision' END AS term,
  d.deadline_basis AS basis,
  ($2::date - CASE WHEN d.status IN ('received', 'accepted') THEN d.first_conversation_by ELSE d.decision_by END)::int AS days_overdue
FROM dossiers d
WHERE (d.owner_team_id = $1::uuid OR d.recipient_team_id = $1::uuid)
  AND d.status IN ('received', 'accepted', 'first-conversation-planned')
  AND CASE WHEN d.status IN ('received', 'accepted') THEN d.first_conversation_by ELSE d.decision_by END < $2::date
ORDER BY 4 DESC, 2, 3
LIMIT 500`;

export async function overdueReport(db: Queryable, ownTeamId: string, moment: ReportMoment): Promise<OverdueReport> {
  const { rows } = await db.query<{ status: OverdueReport['items'][number]['status']; term: 'first-conversation' | 'decision'; basis: 'crisis' | 'regular'; days_overdue: number }>(
    overdueSql,
    [ownTeamId, moment.today],
  );
  return { today: moment.today, items: rows.map((r) => ({ status: r.status, term: r.term, basis: r.basis, daysOverdue: r.days_overdue })) };
}

/** The statements, for the bench's EXPLAIN. */
export const handoverReportSql = { funnelSql, openSql, firstConversationSql, decisionSql, overdueSql };
