import type { User } from '../../../shared/api/auth';
import type { CaseBatchItem, NewCaseResponse } from '../../../shared/api/cases';
import type { Db, Queryable } from '../db/database';
import type { AuditEntry } from './audit-service';
import { recordAudit } from './audit-service';
import type { IdempotencyRow } from './case-idempotency';
import { requestHash, storedResponse } from './case-idempotency';

/** One item's outcome, in the same words as the single route's. */
export type BatchItemOutcome =
  | { kind: 'created' | 'replayed'; response: NewCaseResponse }
  | { kind: 'key-reused' }
  | { kind: 'case-exists' };

interface RoundRow {
  claimed: boolean;
  inserted: boolean;
  prior_user: string | null;
  prior_hash: string | null;
  prior_response: IdempotencyRow['response'] | null;
}

/**
 * Splits items into rounds in which no key and no caseId appears twice, keeping order: a later
 * duplicate lands in a later round, so it sees the earlier one exactly as a repeated single request would.
 */
export function splitRounds(items: readonly CaseBatchItem[]): number[][] {
  const rounds: number[][] = [];
  const lastByKey = new Map<string, number>();
  const lastByCase = new Map<string, number>();
  items.forEach((item, index) => {
    const round = Math.max(lastByKey.get(item.idempotencyKey) ?? -1, lastByCase.get(item.case.caseId) ?? -1) + 1;
    (rounds[round] ??= []).push(index);
    lastByKey.set(item.idempotencyKey, round);
    lastByCase.set(item.case.caseId, round);
  });
  return rounds;
}

// One statement for a whole round: claim the keys, insert the cases whose key was ours, audit the new ones,
// and read back any key that was already stored (a data-modifying CTE always runs, read or not).
// Arrays as parameters keep it at 11 parameters for any size; LATERAL keeps the key lookup on the index;
// keys are claimed in key order so two batches sharing keys wait on each other instead of deadlocking.
// claimed and inserted are judged per input row (by ord), compared as uuid: should two rows of one round
// name one key or one case after all, only the first claims it or creates it, never both.
const roundSql = `
WITH input AS (
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::int[], $8::text[])
    WITH ORDINALITY AS t(key, request_hash, response, case_id, postcode_area, adults, children, opened_at, ord)),
claim AS (
  INSERT INTO idempotency (key, user_id, request_hash, response, status_code, created_at)
  SELECT key::uuid, $9::uuid, request_hash, response::jsonb, 201, $10::timestamptz FROM input ORDER BY key::uuid, ord
  ON CONFLICT (key) DO NOTHING RETURNING key),
owner AS (
  SELECT DISTINCT ON (c.key) i.ord FROM claim c JOIN input i ON i.key::uuid = c.key ORDER BY c.key, i.ord),
ins AS (
  INSERT INTO cases (case_id, team_id, created_by, postcode_area, adults, children, opened_at, received_at)
  SELECT i.case_id::uuid, $11::uuid, $9::uuid, i.postcode_area, i.adults, i.children, i.opened_at::timestamptz, $10::timestamptz
  FROM input i JOIN owner o ON o.ord = i.ord ORDER BY i.ord
  ON CONFLICT (case_id) DO NOTHING RETURNING case_id),
creator AS (
  SELECT DISTINCT ON (ins.case_id) i.ord FROM ins JOIN input i ON i.case_id::uuid = ins.case_id JOIN owner o ON o.ord = i.ord
  ORDER BY ins.case_id, i.ord),
aud AS (
  INSERT INTO audit_log (at, user_id, action, entity_type, entity_id, outcome)
  SELECT $10::timestamptz, $9::uuid, 'case.create', 'case', case_id::text, 'ok' FROM ins RETURNING id)
SELECT EXISTS (SELECT 1 FROM owner o WHERE o.ord = i.ord) AS claimed,
       EXISTS (SELECT 1 FROM creator c WHERE c.ord = i.ord) AS inserted,
       p.user_id::text AS prior_user, p.request_hash AS prior_hash, p.response AS prior_response
FROM input i
LEFT JOIN LATERAL (SELECT user_id, request_hash, response FROM idempotency WHERE key = i.key::uuid) p ON true
ORDER BY i.ord`;

async function runRound(
  tx: Queryable,
  user: User,
  now: Date,
  items: readonly CaseBatchItem[],
  hashes: readonly string[],
  outcomes: BatchItemOutcome[],
  indices: readonly number[],
): Promise<void> {
  const at = now.toISOString();
  const picked = indices.map((i) => items[i]!);
  const responses = picked.map((item): NewCaseResponse => ({ caseId: item.case.caseId, status: 'received', receivedAt: at }));
  const { rows } = await tx.query<RoundRow>(roundSql, [
    picked.map((item) => item.idempotencyKey),
    indices.map((i) => hashes[i]!),
    responses.map((r) => JSON.stringify(r)),
    picked.map((item) => item.case.caseId),
    picked.map((item) => item.case.postcodeArea),
    picked.map((item) => item.case.adults),
    picked.map((item) => item.case.children),
    picked.map((item) => item.case.openedAt),
    user.id,
    at,
    user.teamId,
  ]);

  const unclaimedWithoutPrior: number[] = [];
  const conflicted: string[] = [];
  const judgeReplay = (index: number, prior: Pick<IdempotencyRow, 'user_id' | 'request_hash' | 'response'> | undefined) => {
    outcomes[index] =
      prior && prior.user_id === user.id && prior.request_hash === hashes[index]
        ? { kind: 'replayed', response: storedResponse(prior.response) }
        : { kind: 'key-reused' };
  };
  rows.forEach((row, position) => {
    const index = indices[position]!;
    if (row.claimed && row.inserted) outcomes[index] = { kind: 'created', response: responses[position]! };
    else if (row.claimed) {
      outcomes[index] = { kind: 'case-exists' };
      conflicted.push(items[index]!.idempotencyKey);
    } else if (row.prior_user !== null && row.prior_hash !== null && row.prior_response !== null) {
      judgeReplay(index, { user_id: row.prior_user, request_hash: row.prior_hash, response: row.prior_response });
    } else unclaimedWithoutPrior.push(index);
  });

  // A 409 must not keep its key (as in the single route, where the transaction rolls back), so a later fix can reuse it.
  if (conflicted.length > 0) await tx.query('DELETE FROM idempotency WHERE key = ANY($1::uuid[])', [conflicted]);
  // A key stored by a concurrent request after this statement's snapshot: read it now that it is committed.
  if (unclaimedWithoutPrior.length > 0) {
    const keys = unclaimedWithoutPrior.map((i) => items[i]!.idempotencyKey);
    const stored = await tx.query<IdempotencyRow & { key: string }>(
      'SELECT key::text AS key, user_id::text AS user_id, request_hash, response, status_code FROM idempotency WHERE key = ANY($1::uuid[])',
      [keys],
    );
    const byKey = new Map(stored.rows.map((r) => [r.key, r]));
    // key::text comes back lower case, as PostgreSQL writes a uuid.
    for (const index of unclaimedWithoutPrior) judgeReplay(index, byKey.get(items[index]!.idempotencyKey.toLowerCase()));
  }
}

const auditOutcome = { replayed: 'replayed', 'key-reused': 'rejected', 'case-exists': 'conflict' } as const;

/**
 * Creates many cases with set-based SQL in one transaction: per round one statement for keys,
 * cases and their audit rows, plus one audit insert for replays and refusals. Outcomes keep the items' order.
 */
export async function createCaseBatch(db: Db, now: Date, user: User, items: readonly CaseBatchItem[]): Promise<BatchItemOutcome[]> {
  if (items.length === 0) return [];
  const hashes = items.map((item) => requestHash(item.case));
  return db.transaction(async (tx) => {
    // As in the single route: per team one writer at a time on PostgreSQL, so seq order is commit order.
    if (db.kind === 'postgres') await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [user.teamId]);
    const outcomes: BatchItemOutcome[] = [];
    for (const round of splitRounds(items)) await runRound(tx, user, now, items, hashes, outcomes, round);
    const audits: AuditEntry[] = outcomes.flatMap((outcome, i) =>
      outcome.kind === 'created'
        ? []
        : [{ userId: user.id, action: 'case.create', entityType: 'case', entityId: items[i]!.case.caseId, outcome: auditOutcome[outcome.kind] }],
    );
    await recordAudit(tx, now, audits);
    return outcomes;
  });
}
