import { mapBounded } from '../data/crypto/cipher';
import { places } from '../data/crypto/places';
import { openRecord, sealRecord } from '../data/crypto/record';
import type { OutboxRow } from '../data/db';
import type { SealedMessages } from '../data/outbox-port';
import type { Clock } from '../data/ports';
import type { KindRegistry, OutboxKind, OutboxMessage } from './kinds';
import { defaultKinds } from './kinds';

// Where repositories store what they sealed; kept here too for the engine's tests and callers in sync.
export { enqueue } from '../data/outbox-port';
export type { SealedMessages } from '../data/outbox-port';

/**
 * The one way into the outbox. A repository seals its messages first (WebCrypto may not run inside
 * a Dexie transaction), then calls `enqueue` inside the transaction that writes the domain row,
 * so the row and its messages are stored together or not at all.
 */

export interface OutboxDeps {
  key: CryptoKey;
  clock: Clock;
  newId?: () => string;
  /** Tests add fake kinds; the app uses every kind in sync/kinds. */
  kinds?: KindRegistry;
}

const SEAL_CONCURRENCY = 200;

export interface Outbox {
  seal(messages: readonly OutboxMessage[]): Promise<SealedMessages>;
}

export function createOutbox(deps: OutboxDeps): Outbox {
  const kinds = deps.kinds ?? defaultKinds;
  const newId = deps.newId ?? (() => crypto.randomUUID());
  return {
    async seal(messages) {
      const now = deps.clock.now();
      const rows = await mapBounded(messages, SEAL_CONCURRENCY, async (message): Promise<OutboxRow> => {
        const kind = kinds.get(message.kind);
        if (!kind) throw new Error(`Unknown outbox kind ${message.kind}`);
        const body = kind.body.parse(message.body);
        const item = { id: newId(), kind: kind.name, entityId: kind.entityOf(body) };
        // Sealed to its item: the ciphertext opens only under this id, kind and entity.
        const { iv, data } = await sealRecord(deps.key, places.outbox(item), body);
        return { ...item, sealed: 'record-v1', createdAt: now, attempts: 0, nextAttemptAt: now, status: 'pending', lastError: null, iv, data };
      });
      return { rows };
    },
  };
}

/**
 * Opens an item and parses its body with its kind's schema; throws when it cannot be read. Every item is
 * sealed to its place: items written before version 6 were resealed once at unlock (data/migrations/
 * bind-records.ts) before the engine runs, and one that could not be read then cannot be read now.
 */
export async function openMessage(key: CryptoKey, kind: OutboxKind, row: OutboxRow): Promise<unknown> {
  if (row.sealed !== 'record-v1') throw new Error('Outbox item is not sealed to its place');
  return kind.body.parse(await openRecord(key, places.outbox(row), row.iv, row.data));
}
