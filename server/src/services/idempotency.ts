import { createHash } from 'node:crypto';
import type { Queryable } from '../db/database';

/**
 * The one idempotency helper behind every write route: the same key gives the first answer, the same key with
 * another body (or on another route, or from another user) gives 422. Works on many keys at once, so a batch
 * costs one statement per round, and a single request is a batch of one.
 */

/** What a route asks: this key, with this body's hash, should give this answer when it is new. */
export interface KeyedRequest<R> {
  key: string;
  hash: string;
  status: number;
  response: R;
}

export type Verdict<R> =
  /** The key is now ours: do the write. Release it (releaseKeys) if the write is refused after all. */
  | { kind: 'new' }
  /** The key was stored before for this very request: answer as the first time. */
  | { kind: 'replayed'; status: number; response: R }
  /** The key was stored for something else: 422. */
  | { kind: 'reused' };

export interface KeyOwner {
  /** The route or kind of write, e.g. 'case.create'. */
  scope: string;
  userId: string;
  at: Date;
}

/** A stored answer as the ledger keeps it; the owner fields are null where a ledger keeps no owner. */
export interface StoredAnswer<R> {
  hash: string;
  scope: string | null;
  userId: string | null;
  status: number;
  response: R | string;
}

/** JSON with object keys sorted, so two spellings of one body hash alike. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Same body → same hash, whatever the key order. */
export const hashBody = (body: unknown): string => createHash('sha256').update(stableJson(body)).digest('hex');

/** PGlite and pg give jsonb back parsed, but a text column would come back as a string. */
const parsed = <R>(response: R | string): R => (typeof response === 'string' ? (JSON.parse(response) as R) : response);

/** Same scope, same user (where the ledger keeps one) and same hash → the first answer; anything else → reused. */
export function judge<R>(stored: StoredAnswer<R> | undefined, hash: string, owner: Partial<Pick<KeyOwner, 'scope' | 'userId'>>): Verdict<R> {
  if (!stored) return { kind: 'reused' };
  const sameOwner = (stored.scope === null || stored.scope === owner.scope) && (stored.userId === null || stored.userId === owner.userId);
  return sameOwner && stored.hash === hash ? { kind: 'replayed', status: stored.status, response: parsed(stored.response) } : { kind: 'reused' };
}

/**
 * Splits items into rounds in which no key appears twice, keeping order: a later duplicate lands in a later
 * round, so it sees the earlier one exactly as a repeated request would. `keysOf` gives every value that must be
 * unique in a round (the idempotency key, and for example the record id the item creates); compared lower case.
 */
export function splitRounds<T>(items: readonly T[], keysOf: (item: T) => readonly string[]): number[][] {
  const rounds: number[][] = [];
  const last = new Map<string, number>();
  items.forEach((item, index) => {
    const keys = keysOf(item).map((k, i) => `${i}:${k.toLowerCase()}`);
    const round = Math.max(-1, ...keys.map((k) => last.get(k) ?? -1)) + 1;
    (rounds[round] ??= []).push(index);
    for (const k of keys) last.set(k, round);
  });
  return rounds;
}

// Claims the keys in key order, so two batches sharing keys wait on each other instead of deadlocking.
// A concurrent twin waits on the uncommitted key row, then finds it taken and reads it (a second statement:
// this statement's snapshot cannot see a row committed after it began).
/**
 * The INSERT that claims keys, as SQL and parameters numbered from $`first`, so a caller may make it part of a
 * larger statement (one round trip). It returns the keys it claimed, lower case; a key already taken is skipped.
 */
export function claimInsert<R>(owner: KeyOwner, requests: readonly KeyedRequest<R>[], first = 1): { sql: string; params: unknown[] } {
  const p = (i: number) => `$${first + i}`;
  return {
    sql: `INSERT INTO idempotency (key, scope, user_id, request_hash, status_code, response, created_at)
     SELECT key::uuid, ${p(1)}::text, ${p(2)}::uuid, hash, status, response::jsonb, ${p(6)}::timestamptz
     FROM unnest(${p(0)}::text[], ${p(3)}::text[], ${p(4)}::int[], ${p(5)}::text[]) AS t(key, hash, status, response)
     ORDER BY key::uuid
     ON CONFLICT (key) DO NOTHING
     RETURNING key::text AS key`,
    params: [
      requests.map((r) => r.key.toLowerCase()),
      owner.scope,
      owner.userId,
      requests.map((r) => r.hash),
      requests.map((r) => r.status),
      requests.map((r) => JSON.stringify(r.response)),
      owner.at.toISOString(),
    ],
  };
}

/** The stored answers of these keys (lower case), as a SELECT numbered from $`first`: key, hash, scope, "userId", status, response. */
export const storedAnswersSelect = (first = 1): string =>
  `SELECT key::text AS key, request_hash AS hash, scope, user_id::text AS "userId", status_code AS status, response
   FROM idempotency WHERE key = ANY($${first}::uuid[])`;

/**
 * Claims the keys of one round (keys unique within it) in the idempotency table, storing each new key's
 * hash and first answer. Verdicts come back in the requests' order. Keys are compared lower case.
 */
export async function claimKeys<R>(tx: Queryable, owner: KeyOwner, requests: readonly KeyedRequest<R>[]): Promise<Verdict<R>[]> {
  if (requests.length === 0) return [];
  const keys = requests.map((r) => r.key.toLowerCase());
  const claim = claimInsert(owner, requests);
  const { rows } = await tx.query<{ key: string }>(claim.sql, claim.params);
  const claimed = new Set(rows.map((r) => r.key));
  const others = keys.filter((k) => !claimed.has(k));
  const stored = new Map<string, StoredAnswer<R>>();
  if (others.length > 0) {
    const found = await tx.query<StoredAnswer<R> & { key: string }>(storedAnswersSelect(), [others]);
    for (const row of found.rows) stored.set(row.key, row);
  }
  return requests.map((r, i) => (claimed.has(keys[i]!) ? { kind: 'new' } : judge(stored.get(keys[i]!), r.hash, owner)));
}

/** Gives back keys whose write was refused after all (say a 409), so the device may use them again after a fix. */
export async function releaseKeys(tx: Queryable, keys: readonly string[]): Promise<void> {
  if (keys.length > 0) await tx.query('DELETE FROM idempotency WHERE key = ANY($1::uuid[])', [keys.map((k) => k.toLowerCase())]);
}
