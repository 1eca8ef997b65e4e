import type { SyncState } from '../../../shared/domain/household.schema';
import type { AppError } from '../../../shared/result';
import type { KeukentafelDb, OutboxFailureKind, OutboxRow } from '../data/db';
import type { Clock } from '../data/ports';
import { afterFailure, isAutoRetried } from './outbox-failures';
import type { Dependency } from './kinds';

/**
 * The engine's reads and writes of the outbox and the sync states, each in one Dexie transaction.
 * Sync state is kept per message kind and entity.
 */

export interface FailurePolicyDeps {
  clock: Clock;
  maxAttempts: number;
  random: () => number;
}

export interface Confirmation {
  item: OutboxRow;
  at: number;
}

export interface EntityState {
  kind: string;
  entityId: string;
  state: SyncState;
}

export function createOutboxStore(db: KeukentafelDb, policy: FailurePolicyDeps) {
  /** Items the engine sends by itself now, oldest first. */
  async function due(): Promise<OutboxRow[]> {
    // One getAll over the index range, filtered here: a Dexie filter() would walk a cursor row by row.
    const rows = (await db.outbox.where('nextAttemptAt').belowOrEqual(policy.clock.now()).toArray()).filter(isAutoRetried);
    return rows.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  }

  /** One more failed try for each item: backoff, or stuck. */
  async function fail(items: readonly OutboxRow[], error: AppError, kind: OutboxFailureKind): Promise<void> {
    if (items.length === 0) return;
    const now = policy.clock.now();
    await db.transaction('rw', db.outbox, async () => {
      for (const item of items) {
        await db.outbox.update(item.id, afterFailure(item, error, kind, { now, maxAttempts: policy.maxAttempts, random: policy.random }));
      }
    });
  }

  /** The hub has these: each leaves the outbox and its state becomes received, in one transaction. */
  async function confirm(done: readonly Confirmation[]): Promise<void> {
    if (done.length === 0) return;
    await db.transaction('rw', db.outbox, db.syncStates, async () => {
      await db.outbox.bulkDelete(done.map(({ item }) => item.id));
      await db.syncStates.bulkPut(done.map(({ item, at }) => ({ kind: item.kind, entityId: item.entityId, state: 'received' as const, at })));
    });
  }

  async function isConfirmed(dependency: Dependency): Promise<boolean> {
    return (await db.syncStates.get([dependency.kind, dependency.entityId])) !== undefined;
  }

  /** The true state of each entity from the stored rows, so no one is left showing "sending". */
  async function statesOf(pairs: readonly { kind: string; entityId: string }[]): Promise<EntityState[]> {
    if (pairs.length === 0) return [];
    const keys = pairs.map(({ kind, entityId }): [string, string] => [kind, entityId]);
    const [items, confirmations] = await Promise.all([db.outbox.where('[kind+entityId]').anyOf(keys).toArray(), db.syncStates.bulkGet(keys)]);
    const waiting = new Map<string, SyncState>();
    for (const item of items) {
      const id = `${item.kind}\u0000${item.entityId}`;
      if (waiting.get(id) !== 'stuck') waiting.set(id, item.status === 'stuck' ? 'stuck' : 'waiting');
    }
    return pairs.map(({ kind, entityId }, i) => ({
      kind,
      entityId,
      state: waiting.get(`${kind}\u0000${entityId}`) ?? (confirmations[i] ? 'received' : 'saved-locally'),
    }));
  }

  async function counts(): Promise<{ pending: number; stuck: number }> {
    const [pending, stuck] = await Promise.all([db.outbox.where('status').equals('pending').count(), db.outbox.where('status').equals('stuck').count()]);
    return { pending, stuck };
  }

  return { due, fail, confirm, isConfirmed, statesOf, counts };
}

export type OutboxStore = ReturnType<typeof createOutboxStore>;
