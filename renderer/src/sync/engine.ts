import type { SyncState } from '../../../shared/domain/household.schema';
import type { AppError } from '../../../shared/result';
import type { OutboxItemView, SyncEngine, SyncStatusView } from '../data/contracts';
import type { KeukentafelDb, OutboxRow } from '../data/db';
import type { Clock, OnlineSignal, Scheduler } from '../data/ports';
import { createEmitter } from '../data/ports';
import { createTagger } from '../data/crypto/tags';
import { caseStatusesOf } from './case-statuses';
import type { HubApi } from './hub-client';
import { hubErrors } from './hub-client';
import type { KindRegistry } from './kinds';
import { defaultKinds } from './kinds';
import type { HubFailure } from './outbox-failures';
import { failureKindOf, isAutoRetried } from './outbox-failures';
import type { EntityState } from './outbox-store';
import { createOutboxStore } from './outbox-store';
import { pullChanges } from './pull';
import type { Step } from './push';
import { pushDue } from './push';

/**
 * Pushes outbox items to the hub and pulls status back. All state lives in Dexie, so a restart
 * simply continues; an item leaves the outbox only when the hub confirmed it. What each kind of
 * message is and how it is sent lives in sync/kinds; this file runs the loop and keeps the status.
 */

export const MAX_ATTEMPTS = 6;
export const TICK_MS = 15_000;
export { CHANGES_CHECKPOINT } from './pull';
const failedRun: AppError = { code: 'sync.run-failed' };

export interface SyncEngineDeps {
  db: KeukentafelDb;
  key: CryptoKey;
  hub: HubApi;
  clock: Clock;
  random: () => number;
  scheduler: Scheduler;
  onlineSignal: OnlineSignal;
  tickMs?: number;
  maxAttempts?: number;
  /** The message kinds; tests add fakes. */
  kinds?: KindRegistry;
}

/** The engine as the data layer sees it: the UI contract plus per-entity state changes. */
export interface DeviceSyncEngine extends SyncEngine {
  /** Fires when an entity's sync state for one message kind changes (sending, waiting, received, stuck). */
  onEntity(listener: (entityId: string, state: SyncState, kind: string) => void): () => void;
  /** The hub token was renewed (the hub client reads it per call): clear the sign-in request and send now. */
  signedIn(): Promise<void>;
}

export function createSyncEngine(deps: SyncEngineDeps): DeviceSyncEngine {
  const { db, key, hub, clock } = deps;
  const kinds = deps.kinds ?? defaultKinds;
  const tagger = createTagger(key);
  const store = createOutboxStore(db, { clock, maxAttempts: deps.maxAttempts ?? MAX_ATTEMPTS, random: deps.random });
  const changed = createEmitter();
  const entity = createEmitter<[string, SyncState, string]>();
  const state: Omit<SyncStatusView, 'running'> = {
    online: deps.onlineSignal.isOnline(),
    pending: 0,
    stuck: 0,
    lastSyncAt: null,
    lastError: null,
    needsSignIn: false,
    progress: null,
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
    Object.assign(state, await store.counts());
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

  const emitStates = (states: readonly EntityState[]) => {
    for (const s of states) entity.emit(s.entityId, s.state, s.kind);
  };

  /** A whole request failed: the same rule for one item or a batch. */
  async function failRequest(items: readonly OutboxRow[], answer: HubFailure): Promise<Step> {
    if (answer.kind === 'http' && answer.status === 401) {
      refusedToken();
      return 'halt';
    }
    const kind = failureKindOf(answer);
    const transient = kind === 'transient';
    state.lastError = transient ? answer.error : null;
    await store.fail(items, answer.error, kind);
    // A transient failure means the hub or the network is down: stop, the tick or 'online' retries.
    return transient ? 'halt' : 'next';
  }

  const push = () =>
    pushDue({
      db,
      key,
      hub,
      kinds,
      store,
      now: () => clock.now(),
      stopped: () => stopped,
      failRequest,
      contacted,
      sending: (items) => {
        for (const item of items) entity.emit(item.entityId, 'sending', item.kind);
      },
      settled: emitStates,
      progress: async (sent, total) => {
        state.progress = { sent, total };
        await refreshCounts();
      },
    });

  const pull = () =>
    pullChanges({
      db,
      key,
      tagger,
      hub,
      kinds,
      stopped: () => stopped,
      contacted,
      failed: (answer) => {
        if (answer.kind === 'http' && answer.status === 401) refusedToken();
        else if (failureKindOf(answer) === 'transient') state.lastError = answer.error;
      },
      confirmed: (pairs) => emitStates(pairs.map((p) => ({ ...p, state: 'received' }))),
    });

  async function run(): Promise<void> {
    await Promise.resolve();
    runSignIns = signIns;
    state.online = deps.onlineSignal.isOnline();
    notify();
    try {
      if (!state.online) return;
      if ((await push()) === 'next' && !stopped) await pull();
    } catch {
      state.lastError = failedRun;
    } finally {
      state.progress = null;
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
      if (row) emitStates(await store.statesOf([{ kind: row.kind, entityId: row.entityId }]));
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
    statuses: (caseId) => caseStatusesOf(db, key, tagger, caseId),
  };
}
