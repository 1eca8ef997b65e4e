import type { NewCaseRequest } from '../../../shared/api/cases';
import { newCaseRequestSchema } from '../../../shared/api/cases';
import type { SyncState } from '../../../shared/domain/household.schema';
import type { AppError } from '../../../shared/result';
import type { OutboxItemView, SyncEngine, SyncStatusView } from '../data/contracts';
import { decryptJson } from '../data/crypto/cipher';
import type { KeukentafelDb, OutboxFailureKind, OutboxRow } from '../data/db';
import type { Clock, OnlineSignal, Scheduler } from '../data/ports';
import { createEmitter } from '../data/ports';
import type { CaseHub } from './hub-client';
import { hubError, hubErrors } from './hub-client';
import type { HubFailure } from './outbox-failures';
import { afterFailure, failureKindOf, isAutoRetried } from './outbox-failures';

/**
 * Pushes outbox items to the hub and pulls their status back. All state lives in Dexie, so a
 * restart simply continues; an item leaves the outbox only when the hub confirmed it.
 */

export const MAX_ATTEMPTS = 6;
/** Items per request to the hub's batch route (the hub takes up to 500). */
export const BATCH_SIZE = 100;
export const TICK_MS = 15_000;
export const CHANGES_CHECKPOINT = 'case-changes';
const unreadable: AppError = { code: 'record.unreadable' };
const failedRun: AppError = { code: 'sync.run-failed' };

export interface SyncEngineDeps {
  db: KeukentafelDb;
  key: CryptoKey;
  hub: CaseHub;
  clock: Clock;
  random: () => number;
  scheduler: Scheduler;
  onlineSignal: OnlineSignal;
  tickMs?: number;
  maxAttempts?: number;
  batchSize?: number;
}

/** The engine as the data layer sees it: the UI contract plus per-household state changes. */
export interface DeviceSyncEngine extends SyncEngine {
  /** Fires when one household's sync state changes (sending, waiting, received, stuck). */
  onEntity(listener: (entityId: string, state: SyncState) => void): () => void;
  /** The hub token was renewed (the hub client reads it per call): clear the sign-in request and send now. */
  signedIn(): Promise<void>;
}

type Step = 'next' | 'halt';
type Decoded = { item: OutboxRow; body: NewCaseRequest };

export function createSyncEngine(deps: SyncEngineDeps): DeviceSyncEngine {
  const { db, key, hub, clock } = deps;
  const maxAttempts = deps.maxAttempts ?? MAX_ATTEMPTS;
  const batchSize = deps.batchSize ?? BATCH_SIZE;
  const changed = createEmitter();
  const entity = createEmitter<[string, SyncState]>();
  const state = {
    online: deps.onlineSignal.isOnline(),
    pending: 0,
    stuck: 0,
    lastSyncAt: null as number | null,
    lastError: null as AppError | null,
    needsSignIn: false,
  };
  // Counts renewed sign-ins; a 401 from a run that began before the latest one is about the old token.
  let signIns = 0;
  let runSignIns = 0;
  let current: Promise<void> | null = null;
  let queued: Promise<void> | null = null;
  let stopped = false;
  let detach: (() => void)[] = [];
  // Cached so status() is a stable snapshot (React's useSyncExternalStore needs that).
  let snapshot: SyncStatusView = { ...state, running: false };
  function notify(): void {
    snapshot = { ...state, running: current !== null };
    changed.emit();
  }

  async function refreshCounts(): Promise<void> {
    const [pending, stuck] = await Promise.all([
      db.outbox.where('status').equals('pending').count(),
      db.outbox.where('status').equals('stuck').count(),
    ]);
    state.pending = pending;
    state.stuck = stuck;
    notify();
  }

  function contacted(): void {
    state.lastSyncAt = clock.now();
    state.lastError = null;
    state.needsSignIn = false;
  }

  function refusedToken(): void {
    if (runSignIns !== signIns) return;
    state.lastError = hubErrors.unauthorized;
    state.needsSignIn = true;
  }

  async function markFailures(items: readonly OutboxRow[], error: AppError, kind: OutboxFailureKind): Promise<void> {
    if (items.length === 0) return;
    const states = await db.transaction('rw', db.outbox, async () => {
      const result: [string, SyncState][] = [];
      for (const item of items) {
        const next = afterFailure(item, error, kind, { now: clock.now(), maxAttempts, random: deps.random });
        await db.outbox.update(item.id, next);
        result.push([item.entityId, next.status === 'stuck' ? 'stuck' : 'waiting']);
      }
      return result;
    });
    for (const [entityId, s] of states) entity.emit(entityId, s);
  }

  /** Decrypts and checks each item; one that cannot be read is stuck at once, the rest go on. */
  async function decode(items: readonly OutboxRow[]): Promise<Decoded[]> {
    const ready: Decoded[] = [];
    for (const item of items) {
      try {
        ready.push({ item, body: newCaseRequestSchema.parse(await decryptJson(key, item.iv, item.data)) });
      } catch {
        await markFailures([item], unreadable, 'permanent');
      }
    }
    return ready;
  }

  /** The hub has these: each leaves the outbox and is marked received in the same transaction. */
  async function confirm(done: readonly { item: OutboxRow; receivedAt: string }[]): Promise<void> {
    if (done.length === 0) return;
    await db.transaction('rw', db.outbox, db.sync, async () => {
      await db.outbox.bulkDelete(done.map(({ item }) => item.id));
      await db.sync.bulkPut(done.map(({ item, receivedAt }) => ({ entityId: item.entityId, state: 'received' as const, at: Date.parse(receivedAt) })));
    });
    contacted();
    for (const { item } of done) entity.emit(item.entityId, 'received');
  }

  /** A whole request failed: the same rule for one item or a batch. */
  async function failRequest(items: readonly OutboxRow[], answer: HubFailure): Promise<Step> {
    if (answer.kind === 'http' && answer.status === 401) {
      refusedToken();
      for (const item of items) entity.emit(item.entityId, item.status === 'stuck' ? 'stuck' : 'waiting');
      return 'halt';
    }
    const kind = failureKindOf(answer);
    const transient = kind === 'transient';
    state.lastError = transient ? answer.error : null;
    await markFailures(items, answer.error, kind);
    // A transient failure means the hub or the network is down: stop, the tick or 'online' retries.
    return transient ? 'halt' : 'next';
  }

  async function pushOne({ item, body }: Decoded): Promise<Step> {
    entity.emit(item.entityId, 'sending');
    const answer = await hub.postCase(body, item.id);
    if (answer.kind !== 'ok') return failRequest([item], answer);
    await confirm([{ item, receivedAt: answer.value.receivedAt }]);
    return 'next';
  }

  async function pushBatch(ready: readonly Decoded[]): Promise<Step | 'no-batch-route'> {
    for (const { item } of ready) entity.emit(item.entityId, 'sending');
    const answer = await hub.postCases(ready.map(({ item, body }) => ({ idempotencyKey: item.id, case: body })));
    // An older hub has no batch route: its 404 means "send them one by one".
    if (answer.kind === 'http' && answer.status === 404) return 'no-batch-route';
    if (answer.kind !== 'ok') return failRequest(ready.map(({ item }) => item), answer);
    const results = new Map(answer.value.results.map((r) => [r.idempotencyKey, r]));
    const done: { item: OutboxRow; receivedAt: string }[] = [];
    const refused: { item: OutboxRow; error: AppError }[] = [];
    const missing: OutboxRow[] = [];
    for (const { item } of ready) {
      const result = results.get(item.id);
      if (!result) missing.push(item);
      else if ('receivedAt' in result.body) done.push({ item, receivedAt: result.body.receivedAt });
      else refused.push({ item, error: hubError(result.body) });
    }
    await confirm(done);
    for (const { item, error } of refused) await markFailures([item], error, 'permanent');
    // An item the hub left out is not refused: it is tried again later.
    await markFailures(missing, hubErrors.badAnswer, 'transient');
    return 'next';
  }

  async function pushDue(): Promise<Step> {
    // Per run, so a hub that is upgraded meanwhile gets batches again on the next run.
    let batchRoute = true;
    for (;;) {
      const due = await db.outbox
        .where('nextAttemptAt')
        .belowOrEqual(clock.now())
        .filter(isAutoRetried)
        .toArray();
      if (due.length === 0) return 'next';
      due.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
      for (let start = 0; start < due.length; start += batchSize) {
        if (stopped) return 'halt';
        const ready = await decode(due.slice(start, start + batchSize));
        if (ready.length === 0) continue;
        const step = batchRoute ? await pushBatch(ready) : 'no-batch-route';
        if (step === 'halt') return 'halt';
        if (step === 'no-batch-route') {
          batchRoute = false;
          for (const one of ready) {
            if (stopped || (await pushOne(one)) === 'halt') return 'halt';
          }
        }
      }
      await refreshCounts();
    }
  }

  async function pull(): Promise<void> {
    for (let page = 0; page < 100 && !stopped; page++) {
      const since = (await db.checkpoints.get(CHANGES_CHECKPOINT))?.value ?? 0;
      const answer = await hub.changes(since);
      if (answer.kind !== 'ok') {
        if (answer.kind === 'http' && answer.status === 401) refusedToken();
        return;
      }
      const { checkpoint, changes } = answer.value;
      const known = new Set((await db.households.bulkGet(changes.map((c) => c.caseId))).flatMap((row) => (row ? [row.id] : [])));
      const received = changes.filter((c) => known.has(c.caseId));
      await db.transaction('rw', [db.sync, db.outbox, db.checkpoints], async () => {
        for (const change of received) {
          await db.sync.put({ entityId: change.caseId, state: 'received', at: Date.parse(change.changedAt) });
          // The hub has the case, so a new-case item still waiting (its answer got lost) is done.
          await db.outbox.where('entityId').equals(change.caseId).filter((row) => row.kind === 'new-case').delete();
        }
        await db.checkpoints.put({ id: CHANGES_CHECKPOINT, value: checkpoint });
      });
      contacted();
      for (const change of received) entity.emit(change.caseId, 'received');
      if (changes.length === 0 || checkpoint <= since) return;
    }
  }

  async function run(): Promise<void> {
    await Promise.resolve();
    runSignIns = signIns;
    state.online = deps.onlineSignal.isOnline();
    notify();
    try {
      if (!state.online) return;
      if ((await pushDue()) === 'next' && !stopped) await pull();
    } catch {
      state.lastError = failedRun;
    } finally {
      await refreshCounts().catch(() => undefined);
    }
  }

  function syncNow(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (current === null) {
      current = run().finally(() => {
        current = null;
        notify();
      });
      return current;
    }
    // One run at a time; a request during a run gets exactly one more run afterwards.
    queued ??= current.then(() => {
      queued = null;
      return syncNow();
    });
    return queued;
  }

  const kick = () => {
    void syncNow();
  };

  return {
    start() {
      if (detach.length > 0) return;
      stopped = false;
      detach = [
        deps.onlineSignal.subscribe((online) => {
          state.online = online;
          notify();
          if (online) kick();
        }),
        deps.scheduler.every(deps.tickMs ?? TICK_MS, kick),
      ];
      kick();
    },
    stop() {
      stopped = true;
      for (const off of detach) off();
      detach = [];
    },
    syncNow,
    async retry(itemId) {
      await db.outbox.update(itemId, { status: 'pending', attempts: 0, nextAttemptAt: clock.now(), lastError: null, failureKind: undefined });
      const row = await db.outbox.get(itemId);
      if (row) entity.emit(row.entityId, 'waiting');
      await refreshCounts();
      kick();
    },
    async items(): Promise<OutboxItemView[]> {
      const rows = await db.outbox.toArray();
      rows.sort((a, b) => a.createdAt - b.createdAt);
      return rows.map((row) => ({
        id: row.id,
        entityId: row.entityId,
        kind: row.kind,
        attempts: row.attempts,
        status: row.status,
        lastError: row.lastError,
        nextAttemptAt: row.nextAttemptAt,
        autoRetry: isAutoRetried(row),
      }));
    },
    status: () => snapshot,
    subscribe: changed.subscribe,
    onEntity: entity.subscribe,
    signedIn() {
      signIns++;
      state.needsSignIn = false;
      if (state.lastError?.code === hubErrors.unauthorized.code) state.lastError = null;
      notify();
      return syncNow();
    },
  };
}
