import type { Queryable } from '../db/database';

export interface AuditEntry {
  userId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  outcome: 'ok' | 'replayed' | 'conflict' | 'rejected' | 'denied';
}

/** Appends audit rows in one statement. Never put personal data in an entry: ids and actions only. */
export async function recordAudit(q: Queryable, at: Date, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const params: unknown[] = [];
  const rows = entries.map((e) => {
    const base = params.length;
    params.push(at.toISOString(), e.userId, e.action, e.entityType, e.entityId, e.outcome);
    return `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}, $${base + 5}, $${base + 6})`;
  });
  await q.query(
    `INSERT INTO audit_log (at, user_id, action, entity_type, entity_id, outcome) VALUES ${rows.join(', ')}`,
    params,
  );
}
