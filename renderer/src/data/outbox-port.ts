import Dexie from 'dexie';
import type { KeukentafelDb, OutboxRow } from './db';

/**
 * The data layer's side of the outbox. Repositories get a sealer passed in (sync/outbox's `createOutbox`, which
 * checks each body against its kind), so data never imports sync; they store what it sealed with `enqueue`.
 */

/** One message for the outbox: its kind's name and its body (sync/kinds holds the schema and how it is sent). */
export interface OutboxMessageOf<Kind extends string, Body> {
  kind: Kind;
  body: Body;
}

/** Kind names and entity ids that repositories write and sync/kinds/* send, here so data needs nothing from sync. */
export const DOSSIER_KIND = 'dossier';
export const CONSENT_WITHDRAWAL_KIND = 'consent-withdrawal';
/** Each dossier version is its own entity: a later send is a new version, never an overwrite of the one before. */
export const dossierEntity = (dossierId: string, version: number): string => `${dossierId}:v${version}`;

/** Messages checked and encrypted, ready for `enqueue`. */
export interface SealedMessages {
  readonly rows: readonly OutboxRow[];
}

/** Checks and encrypts messages before the transaction (WebCrypto may not run inside a Dexie transaction). */
export interface OutboxSealer<Message> {
  seal(messages: readonly Message[]): Promise<SealedMessages>;
}

/** Adds sealed messages; only inside a transaction that also covers the outbox (and the domain row). */
export async function enqueue(db: KeukentafelDb, sealed: SealedMessages): Promise<void> {
  const tx = Dexie.currentTransaction;
  if (!tx?.storeNames.includes(db.outbox.name)) throw new Error('enqueue must run inside the transaction that writes the domain row');
  if (sealed.rows.length > 0) await db.outbox.bulkAdd([...sealed.rows]);
}
