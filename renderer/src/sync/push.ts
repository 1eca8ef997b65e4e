import type { AppError } from '../../../shared/result';
import type { KeukentafelDb, OutboxRow } from '../data/db';
import type { HubApi } from './hub-client';
import { hubErrors } from './hub-client';
import type { KindRegistry, OutboxKind } from './kinds';
import type { EntityState, OutboxStore } from './outbox-store';
import type { HubFailure } from './outbox-failures';
import { openMessage } from './outbox';

/**
 * One push pass: every due item, oldest first, grouped in batches of one kind. Each item is read and
 * checked before it may go: unreadable, about another entity than its own, or of an unknown kind
 * makes it stuck at once; one that waits for another message stays until that one is confirmed.
 */

export const pushErrors = {
  unreadable: { code: 'record.unreadable' },
  wrongEntity: { code: 'sync.wrong-entity' },
  unknownKind: { code: 'sync.unknown-kind' },
} as const satisfies Record<string, AppError>;

export type Step = 'next' | 'halt';

export interface PushDeps {
  db: KeukentafelDb;
  key: CryptoKey;
  hub: HubApi;
  kinds: KindRegistry;
  store: OutboxStore;
  now(): number;
  stopped(): boolean;
  /** A whole request failed (network, 5xx, 401 …): the engine decides whether to go on. */
  failRequest(items: readonly OutboxRow[], answer: HubFailure): Promise<Step>;
  /** The hub answered a request. */
  contacted(): void;
  sending(items: readonly OutboxRow[]): void;
  settled(states: readonly EntityState[]): void;
  /** Items the hub confirmed so far in this pass, of all it tried to send. */
  progress(sent: number, total: number): Promise<void>;
}

interface Ready {
  item: OutboxRow;
  body: unknown;
}

/** Due items in batches: one kind per batch, kinds in the order of their oldest item. */
function batchesOf(due: readonly OutboxRow[], kinds: KindRegistry): { kind: OutboxKind | undefined; items: OutboxRow[] }[] {
  const byKind = new Map<string, OutboxRow[]>();
  for (const item of due) byKind.set(item.kind, [...(byKind.get(item.kind) ?? []), item]);
  return [...byKind].flatMap(([name, items]) => {
    const kind = kinds.get(name);
    const size = Math.max(1, kind?.batchSize ?? items.length);
    return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => ({ kind, items: items.slice(i * size, (i + 1) * size) }));
  });
}

export async function pushDue(deps: PushDeps): Promise<Step> {
  const { store } = deps;
  // Items whose dependency is not confirmed yet: skipped for the rest of this pass.
  const waiting = new Set<string>();
  // Every item this pass tried to send, and how many of them the hub confirmed.
  const seen = new Set<string>();
  let sent = 0;

  /** Reads and checks items; the ones that may go now come back. */
  async function prepare(kind: OutboxKind, items: readonly OutboxRow[]): Promise<Ready[]> {
    const ready: Ready[] = [];
    for (const item of items) {
      let body: unknown;
      try {
        body = await openMessage(deps.key, kind, item);
      } catch {
        await store.fail([item], pushErrors.unreadable, 'permanent');
        continue;
      }
      if (kind.entityOf(body) !== item.entityId) {
        await store.fail([item], pushErrors.wrongEntity, 'permanent');
        continue;
      }
      const dependency = kind.waitsFor?.(body) ?? null;
      if (dependency && !(await store.isConfirmed(dependency))) waiting.add(item.id);
      else ready.push({ item, body });
    }
    return ready;
  }

  async function send(kind: OutboxKind, ready: readonly Ready[]): Promise<Step> {
    const items = ready.map(({ item }) => item);
    deps.sending(items);
    const answer = await kind.send(deps.hub, ready.map(({ item, body }) => ({ key: item.id, body })));
    if (answer.kind !== 'ok') return deps.failRequest(items, answer);
    deps.contacted();
    const done = [];
    const missing: OutboxRow[] = [];
    for (const item of items) {
      const outcome = answer.value.get(item.id);
      if (outcome === undefined) missing.push(item);
      else if (outcome.kind === 'confirmed') done.push({ item, at: outcome.at ?? deps.now() });
      else await store.fail([item], outcome.error, 'permanent');
    }
    await store.confirm(done);
    sent += done.length;
    // An item the hub left out is not refused: it is tried again later.
    await store.fail(missing, hubErrors.badAnswer, 'transient');
    return 'next';
  }

  async function pushBatch(kind: OutboxKind | undefined, items: readonly OutboxRow[]): Promise<Step> {
    try {
      if (!kind) {
        await store.fail(items, pushErrors.unknownKind, 'permanent');
        return 'next';
      }
      const ready = await prepare(kind, items);
      return ready.length === 0 ? 'next' : await send(kind, ready);
    } finally {
      // Whatever happened, each entity shows what the stored rows say: never a "sending" left behind.
      deps.settled(await store.statesOf(items.map((item) => ({ kind: item.kind, entityId: item.entityId }))));
    }
  }

  for (;;) {
    const due = (await store.due()).filter((item) => !waiting.has(item.id));
    if (due.length === 0) return 'next';
    for (const item of due) seen.add(item.id);
    await deps.progress(sent, seen.size);
    const sentBefore = sent;
    for (const batch of batchesOf(due, deps.kinds)) {
      if (deps.stopped()) return 'halt';
      if ((await pushBatch(batch.kind, batch.items)) === 'halt') return 'halt';
      await deps.progress(sent, seen.size);
    }
    // A confirmation in this pass may have released a waiting item: look at those again.
    if (sent > sentBefore) waiting.clear();
  }
}
