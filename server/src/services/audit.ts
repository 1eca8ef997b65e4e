import type { Db, Queryable } from '../db/database';

export type AuditOutcome = 'ok' | 'replayed' | 'conflict' | 'rejected' | 'denied';

export interface AuditEntry {
  userId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  outcome: AuditOutcome;
}

/** Collects the audit rows of one request; they are written in the transaction of the change or read itself. */
export interface AuditTrail {
  add(...entries: AuditEntry[]): void;
}

/**
 * The most audit rows one request may write. Every list is paginated below it, so a request that would
 * pass it is a programming error, not a reason to write an unbounded statement.
 */
export const maxAuditRowsPerRequest = 1_000;

/**
 * The INSERT of audit rows as SQL and parameters (five arrays and the time), numbered from $`first`, so a caller
 * may make it part of a larger statement (one round trip). Ids and actions only, never personal data.
 */
export function auditInsert(at: Date, entries: readonly AuditEntry[], first = 1): { sql: string; params: unknown[] } {
  if (entries.length > maxAuditRowsPerRequest) throw new Error(`one request may write at most ${maxAuditRowsPerRequest} audit rows, not ${entries.length}`);
  const p = (i: number) => `$${first + i}`;
  return {
    sql: `INSERT INTO audit_log (at, user_id, action, entity_type, entity_id, outcome)
     SELECT ${p(0)}::timestamptz, user_id::uuid, action, entity_type, entity_id, outcome
     FROM unnest(${p(1)}::text[], ${p(2)}::text[], ${p(3)}::text[], ${p(4)}::text[], ${p(5)}::text[]) AS t(user_id, action, entity_type, entity_id, outcome)`,
    params: [
      at.toISOString(),
      entries.map((e) => e.userId),
      entries.map((e) => e.action),
      entries.map((e) => e.entityType),
      entries.map((e) => e.entityId),
      entries.map((e) => e.outcome),
    ],
  };
}

/** Appends audit rows in one statement of five array parameters, whatever their number. */
export async function writeAudit(q: Queryable, at: Date, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const { sql, params } = auditInsert(at, entries);
  await q.query(sql, params);
}

/**
 * Runs fn in one transaction and writes what it added to the trail in that same transaction, after fn:
 * the audit rows commit with the change (or read) they describe, or not at all.
 */
export function auditedTransaction<R>(db: Db, at: Date, fn: (tx: Queryable, trail: AuditTrail) => Promise<R>): Promise<R> {
  return db.transaction(async (tx) => {
    const entries: AuditEntry[] = [];
    const result = await fn(tx, { add: (...more) => entries.push(...more) });
    await writeAudit(tx, at, entries);
    return result;
  });
}
