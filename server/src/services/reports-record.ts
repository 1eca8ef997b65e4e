import type { HandoverStatus, ReturnReason } from '../../../shared/api/changes';
import type { Db, Queryable } from '../db/database';

/**
 * What the reports need written down as things happen, each in the caller's transaction: the time a handover
 * first reached a step, and the signal events counted ahead (migration 0015).
 */

const stepColumn = {
  opened: 'opened_at',
  accepted: 'accepted_at',
  returned: 'returned_at',
  'first-conversation-planned': 'planned_at',
  decided: 'decided_at',
  closed: 'closed_at',
} as const satisfies Partial<Record<HandoverStatus | 'opened', string>>;
export type HandoverStep = keyof typeof stepColumn;

/** Notes when a handover first reached a step (and why, for a return); a later time for the same step changes nothing. */
export async function recordStepTime(tx: Queryable, dossierId: string, step: HandoverStatus | 'opened', at: string, reason?: ReturnReason): Promise<void> {
  if (!(step in stepColumn)) return;
  const column = stepColumn[step as HandoverStep];
  const also = step === 'returned' ? ', return_reason' : '';
  await tx.query(
    `INSERT INTO handover_step_times (dossier_id, ${column}${also}) VALUES ($1::uuid, $2::timestamptz${also ? ', $3' : ''})
     ON CONFLICT (dossier_id) DO UPDATE SET ${column} = EXCLUDED.${column}${also ? `, return_reason = EXCLUDED.return_reason` : ''}
     WHERE handover_step_times.${column} IS NULL`,
    step === 'returned' ? [dossierId, at, reason ?? 'other'] : [dossierId, at],
  );
}

// The events just stored ($1) as changes to the counts: +1 for a recorded event no retraction of its team names,
// −1 for an earlier recorded event of the same team that this batch retracts for the first time.
const countSql = `
WITH fresh AS (SELECT * FROM signal_events WHERE event_id = ANY($1::uuid[])),
delta AS (
  SELECT r.team_id, r.week, r.signal_id, r.domain_id, r.crisis, r.postcode_area, r.household_type, 1 AS d
  FROM fresh r
  WHERE r.type = 'recorded'
    AND NOT EXISTS (SELECT 1 FROM signal_events x WHERE x.type = 'retracted' AND x.retracts = r.event_id AND x.team_id = r.team_id)
  UNION ALL
  SELECT r.team_id, r.week, r.signal_id, r.domain_id, r.crisis, r.postcode_area, r.household_type, -1
  FROM (SELECT DISTINCT retracts, team_id FROM fresh WHERE type = 'retracted') t
  JOIN signal_events r ON r.event_id = t.retracts AND r.team_id = t.team_id AND r.type = 'recorded'
  WHERE r.event_id <> ALL($1::uuid[])
    AND NOT EXISTS (SELECT 1 FROM signal_events x WHERE x.type = 'retracted' AND x.retracts = t.retracts AND x.team_id = t.team_id
      AND x.event_id <> ALL($1::uuid[]))
),
by_signal AS (
  INSERT INTO signal_counts_by_signal AS c (team_id, week, signal_id, domain_id, crisis, household_type, n)
  SELECT team_id, week, signal_id, domain_id, crisis, household_type, sum(d) FROM delta GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (team_id, week, signal_id, domain_id, crisis, household_type) DO UPDATE SET n = c.n + EXCLUDED.n
  RETURNING 1
)
INSERT INTO signal_counts_by_area AS c (team_id, week, domain_id, crisis, postcode_area, n)
SELECT team_id, week, domain_id, crisis, postcode_area, sum(d) FROM delta GROUP BY 1, 2, 3, 4, 5
ON CONFLICT (team_id, week, domain_id, crisis, postcode_area) DO UPDATE SET n = c.n + EXCLUDED.n`;

/**
 * Adds the events just stored (their ids) to the report counts. Takes the team's lock first, so a retraction
 * and the event it names, stored at the same moment by two requests, are counted as if one came after the other.
 */
export async function countSignalEvents(tx: Queryable, kind: Db['kind'], teamId: string, eventIds: readonly string[]): Promise<void> {
  if (eventIds.length === 0) return;
  if (kind === 'postgres') await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`signal-counts:${teamId.toLowerCase()}`]);
  await tx.query(countSql, [eventIds]);
}
