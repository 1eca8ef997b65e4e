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
const ofTeam = `($3::uuid IS NULL OR d.owner_team_id = $3::uuid OR d.recipient_team_id = $3::uuid)`;
const days = (later: string, earlier: string) => `extract(epoch FROM (${later}) - (${earlier})) / 86400.0`;
const open = `d.status NOT IN ('returned', 'closed', 'withdrawn')`;

/** Per step: how it is counted, and its lead time (days) from the step before; `held`: the first conversation's date has come. */
const leadTimes: { step: FunnelStep; since: FunnelStep; days: string }[] = [
  { step: 'received', since: 'sent', days: days('t.opened_at', 'd.received_at') },
  { step: 'accepted', since: 'received', days: days('t.accepted_at', 'COALESCE(t.opened_at, d.received_at)') },
  { step: 'returned', since: 'received', days: days('t.returned_at', 'COALESCE(t.opened_at, d.received_at)') },
  { step: 'first-conversation', since: 'accepted', days: `CASE WHEN d.planned_at <= $4::timestamptz THEN ${days('d.planned_at', 't.accepted_at')} END` },
  { step: 'decision', since: 'first-conversation', days: `CASE WHEN d.planned_at <= $4::timestamptz THEN (d.decided_on - ${dutchDate('d.planned_at')})::float8 END` },
  { step: 'closed', since: 'decision', days: `(${dutchDate('t.closed_at')} - d.decided_on)::float8` },
];
const funnelSql = `
SELECT count(*)::int AS sent, count(t.opened_at)::int AS received, count(t.accepted_at)::int AS accepted, count(t.returned_at)::int AS returned,
  count(*) FILTER (WHERE d.planned_at <= $4::timestamptz)::int AS first_conversation, count(d.decided_on)::int AS decision,
  count(t.closed_at)::int AS closed,
  ${leadTimes.map((l, i) => `count(${l.days})::int AS n${i}, percentile_cont(0.5) WITHIN GROUP (ORDER BY ${l.days}) AS median${i}, percentile_cont(0.9) WITHIN GROUP (ORDER BY ${l.days}) AS p90_${i}`).join(',\n  ')}
FROM dossiers d LEFT JOIN handover_step_times t ON t.dossier_id = d.dossier_id
WHERE ${arrivedIn} AND ${ofTeam}`;

const returnReasonsSql = `
SELECT COALESCE(t.return_reason, 'other') AS reason, count(*)::int AS n
FROM dossiers d JOIN handover_step_times t ON t.dossier_id = d.dossier_id
WHERE ${arrivedIn} AND ${ofTeam} AND t.returned_at IS NOT NULL GROUP BY 1`;

const withdrawnSql = `
SELECT count(*)::int AS n FROM consent_withdrawals w JOIN cases c ON c.case_id = w.case_id
WHERE w.received_at >= ($1::date::timestamp AT TIME ZONE ${tz}) AND w.received_at < (($2::date + 1)::timestamp AT TIME ZONE ${tz})
  AND ($3::uuid IS NULL OR c.team_id = $3::uuid)`;

// Per sending team: handovers open today, and those that arrived per month of the period.
const byTeamSql = `
SELECT d.owner_team_id::text AS key, tm.name AS label,
  to_char(${dutchDate('d.received_at')}, 'YYYY-MM') AS month, (${arrivedIn}) AS arrived, (${open}) AS is_open, count(*)::int AS n
FROM dossiers d JOIN teams tm ON tm.team_id = d.owner_team_id
WHERE ${ofTeam} AND ((${arrivedIn}) OR ${open})
GROUP BY 1, 2, 3, 4, 5`;

// Per worker of the team lead's own team ($4): the contact person where the team receives, the sender where it sends.
const byWorkerSql = `
SELECT u.display_name AS label, w.user_id AS key, to_char(${dutchDate('d.received_at')}, 'YYYY-MM') AS month,
  (${arrivedIn}) AS arrived, (${open}) AS is_open, count(*)::int AS n
FROM dossiers d JOIN cases c ON c.case_id = d.case_id
  CROSS JOIN LATERAL (SELECT CASE WHEN d.recipient_team_id = $4::uuid THEN d.contact_user_id ELSE c.created_by END AS user_id) w
  LEFT JOIN users u ON u.user_id = w.user_id
WHERE (d.owner_team_id = $4::uuid OR d.recipient_team_id = $4::uuid) AND ${ofTeam} AND ((${arrivedIn}) OR ${open})
GROUP BY 1, 2, 3, 4, 5`;

interface WorkloadQueryRow {
  key: string | null;
  label: string | null;
  month: string;
  arrived: boolean;
  is_open: boolean;
  n: number;
}

export async function funnelReport(db: Queryable, query: HandoverReportQuery, threshold: number, moment: ReportMoment, ownTeamId: string): Promise<FunnelReport> {
  const params = [query.from, query.to, query.teamId ?? null, moment.now];
  // One after the other: inside a transaction they all go through one connection anyway.
  const funnel = await db.query<Record<string, number | null>>(funnelSql, params);
  const reasons = await db.query<{ reason: ReturnReason; n: number }>(returnReasonsSql, params.slice(0, 3));
  const withdrawn = await db.query<{ n: number }>(withdrawnSql, params.slice(0, 3));
  const byTeam = await db.query<WorkloadQueryRow>(byTeamSql, params.slice(0, 3));
  const byWorker = await db.query<WorkloadQueryRow>(byWorkerSql, [...params.slice(0, 3), ownTeamId]);
  const f = funnel.rows[0] ?? {};
  const num = (k: string): number => Number(f[k] ?? 0);
  const months = monthsOf(query.from, query.to);

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
  const teamWorkload = workload(set, byTeam.rows, months.map((m) => m.key));
  const workerRows = byWorker.rows.map((r) => ({ ...r, label: r.label ?? 'Nog niet toegewezen', key: r.key ?? '' }));
  const workerWorkload = workload(set, workerRows, months.map((m) => m.key));

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
      const figure = (k: string) => (f[k] === null || f[k] === undefined ? null : Number(f[k]));
      return {
        step,
        count: cell(id),
        leadTime: { since: lead.since, count: cell(leadIds[i]!), medianDays: figureCell(n, figure(`median${i}`), threshold), p90Days: figureCell(n, figure(`p90_${i}`), threshold) },
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
  const openCounts = keys.map(([key]) => rows.filter((r) => (r.key ?? '') === key && r.is_open).reduce((acc, r) => acc + r.n, 0));
  const perMonth = keys.map(([key]) =>
    monthKeys.map((m) => rows.filter((r) => (r.key ?? '') === key && r.arrived && r.month === m).reduce((acc, r) => acc + r.n, 0)),
  );
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
SELECT to_char(d.first_conversation_by, 'YYYY-MM') AS month, d.deadline_basis AS basis,
  count(*) FILTER (WHERE held AND ${dutchDate('d.planned_at')} <= d.first_conversation_by)::int AS met,
  count(*) FILTER (WHERE (held AND ${dutchDate('d.planned_at')} > d.first_conversation_by) OR (NOT held AND d.first_conversation_by < $5::date))::int AS late,
  count(*) FILTER (WHERE NOT held AND d.first_conversation_by >= $5::date)::int AS pending
FROM dossiers d CROSS JOIN LATERAL (SELECT d.planned_at IS NOT NULL AND d.planned_at <= $4::timestamptz AS held) h
WHERE d.first_conversation_by BETWEEN $1::date AND $2::date AND ${ofTeam}
  AND d.status NOT IN ('returned', 'withdrawn') AND NOT (d.status = 'closed' AND d.planned_at IS NULL)
GROUP BY 1, 2`;

const decisionSql = `
SELECT to_char(d.decision_by, 'YYYY-MM') AS month, d.deadline_basis AS basis,
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
  const params = [query.from, query.to, query.teamId ?? null, moment.now, moment.today];
  const first = await db.query<WgsRow>(firstConversationSql, params);
  const decision = await db.query<WgsRow>(decisionSql, params);
  const months = monthsOf(query.from, query.to);
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
