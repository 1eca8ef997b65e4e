import type { User } from '../../../shared/api/auth';
import type { Change, ChangesResponse } from '../../../shared/api/changes';
import type { Db, Queryable } from '../db/database';
import { toIso } from '../db/database';
import type { AuditTrail } from './audit';
import { auditedTransaction } from './audit';
import type { HubCipher } from './hub-key';
import { teamScope } from './policy';

/** A status change to publish; `teamId` is the team that owns the record. */
export interface NewChange {
  teamId: string;
  entity: Change['entity'];
  caseId: string;
  status: Change['status'];
  at: Date;
  reason?: Change['reason'];
  plannedAt?: string;
  /** Only with status 'decided': the day of the decision (YYYY-MM-DD). */
  decidedOn?: string;
  version?: number;
  /** Only with status 'returned': the counsellor's explanation, sealed with `changeNoteAd`. */
  sealedNote?: Buffer;
}

/** What a sealed return note is bound to: it opens only on a change of this case and version. */
export const changeNoteAd = (caseId: string, version: number | null | undefined) => `change-note|${caseId.toLowerCase()}|${version ?? 0}`;

/**
 * Lets one transaction at a time write changes for these teams, from its start to its commit. On PostgreSQL
 * a seq is taken at insert but becomes visible at commit; without this a reader could pass a seq that commits
 * later and never see it. PGlite has one connection, so its transactions are serial already.
 * Call it first in a write transaction, before any other lock, so two writers cannot wait on each other.
 */
export async function lockTeamsForChanges(tx: Queryable, kind: Db['kind'], teamIds: readonly string[]): Promise<void> {
  if (kind !== 'postgres') return;
  for (const teamId of [...new Set(teamIds.map((t) => t.toLowerCase()))].sort()) {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [teamId]);
  }
}

/**
 * The INSERT of status changes as SQL and parameters, numbered from $`first`, so a caller may make it the last
 * part of a larger statement (one round trip). Seqs follow the given order.
 */
export function changesInsert(changes: readonly NewChange[], first = 1): { sql: string; params: unknown[] } {
  const p = (i: number) => `$${first + i}`;
  return {
    sql: `INSERT INTO changes (team_id, entity, case_id, status, changed_at, reason, planned_at, version, decided_on, note)
     SELECT team_id::uuid, entity, case_id::uuid, status, changed_at::timestamptz, reason, planned_at::timestamptz, version, decided_on::date, decode(note, 'base64')
     FROM unnest(${p(0)}::text[], ${p(1)}::text[], ${p(2)}::text[], ${p(3)}::text[], ${p(4)}::text[], ${p(5)}::text[], ${p(6)}::text[], ${p(7)}::int[], ${p(8)}::text[], ${p(9)}::text[])
       WITH ORDINALITY AS t(team_id, entity, case_id, status, changed_at, reason, planned_at, version, decided_on, note, ord)
     ORDER BY ord`,
    params: [
      changes.map((c) => c.teamId),
      changes.map((c) => c.entity),
      changes.map((c) => c.caseId),
      changes.map((c) => c.status),
      changes.map((c) => c.at.toISOString()),
      changes.map((c) => c.reason ?? null),
      changes.map((c) => c.plannedAt ?? null),
      changes.map((c) => c.version ?? null),
      changes.map((c) => c.decidedOn ?? null),
      changes.map((c) => c.sealedNote?.toString('base64') ?? null),
    ],
  };
}

/** Publishes status changes in the caller's transaction, in the given order. */
export async function recordChanges(tx: Queryable, changes: readonly NewChange[]): Promise<void> {
  if (changes.length === 0) return;
  const { sql, params } = changesInsert(changes);
  await tx.query(sql, params);
}

interface ChangeRow {
  seq: string;
  entity: Change['entity'];
  case_id: string;
  status: Change['status'];
  changed_at: Date | string;
  reason: Change['reason'] | null;
  planned_at: Date | string | null;
  version: number | null;
  decided_on: string | null;
  note: Uint8Array | null;
}

/** One page of the feed after `since`, for the records the policy lets this user follow. Audited once per page. */
export async function readChanges(tx: Queryable, trail: AuditTrail, cipher: HubCipher, user: User, since: number, limit: number): Promise<ChangesResponse> {
  const scope = teamScope(user, 'changes.read', { owner: 'team_id' }, 1);
  // One row more than asked tells whether more wait. ORDER BY changes.seq: the bare name would be the text alias.
  const { rows } = await tx.query<ChangeRow>(
    `SELECT seq::text AS seq, entity, case_id::text AS case_id, status, changed_at, reason, planned_at, version, decided_on::text AS decided_on, note
     FROM changes WHERE ${scope.sql} AND seq > $2 ORDER BY changes.seq LIMIT $3`,
    [...scope.params, since, limit + 1],
  );
  trail.add({ userId: user.id, action: 'changes.read', entityType: 'change', entityId: null, outcome: 'ok' });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    checkpoint: last ? Number(last.seq) : since,
    more: rows.length > limit,
    changes: page.map((r) => ({
      seq: Number(r.seq),
      entity: r.entity,
      caseId: r.case_id,
      status: r.status,
      changedAt: toIso(r.changed_at),
      ...(r.reason ? { reason: r.reason } : {}),
      ...(r.planned_at ? { plannedAt: toIso(r.planned_at) } : {}),
      ...(r.version !== null ? { version: r.version } : {}),
      ...(r.decided_on ? { decidedOn: r.decided_on } : {}),
      ...(r.note ? { note: cipher.open(r.note, changeNoteAd(r.case_id, r.version)).toString('utf8') } : {}),
    })),
  };
}

export interface ChangeFeed {
  read(user: User, since: number, limit: number): Promise<ChangesResponse>;
}

export const createChangeFeed = ({ db, clock, cipher }: { db: Db; clock: () => Date; cipher: HubCipher }): ChangeFeed => ({
  read: (user, since, limit) => auditedTransaction(db, clock(), (tx, trail) => readChanges(tx, trail, cipher, user, since, limit)),
});
