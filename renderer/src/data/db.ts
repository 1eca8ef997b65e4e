import Dexie, { type EntityTable } from 'dexie';
import type { AppError } from '../../../shared/result';
import { legacyLastError } from './migrations/legacy-errors';

/**
 * The one store on the device. Personal data lives only inside `iv`/`data` (AES-GCM ciphertext);
 * indexes hold ids, timestamps and states, never names or addresses.
 * Migrations only add: a new version() block per change, never an edit of an old one.
 */

/** An encrypted record. `data` decrypts to JSON validated by the owning repository's zod schema. */
export interface EncryptedRow {
  id: string;
  /** Owning household's tag, for rows that belong to one (intake sections, history); `householdId` before version 5. */
  owner?: string;
  updatedAt: number;
  iv: Uint8Array;
  data: Uint8Array;
}

/** The device account: who enrolled here and the wrapped data key. Not personal beyond the worker. */
export interface AccountRow {
  id: 'account';
  userId: string;
  username: string;
  displayName: string;
  role: string;
  teamId: string;
  /** The worker's work phone and e-mail from the hub (absent when it gave none, and in rows from before): the dossier's person to call. */
  phone?: string;
  email?: string;
  /** Salt of the PIN-derived key. */
  salt: Uint8Array;
  /** The PIN KDF and its parameters (pin-kdf.ts), parsed when read; absent in rows from before Argon2id. */
  kdf?: unknown;
  /** PBKDF2-SHA256 iteration count of rows from before `kdf`; gone once the row is re-wrapped. */
  iterations?: number;
  /** Data key: AES-GCM-encrypted with the PIN key, then wrapped by the host (base64). */
  wrappedKey: string;
  failedAttempts: number;
  lockedUntil: number;
  /** Hub token, encrypted with the data key. */
  tokenIv?: Uint8Array;
  token?: Uint8Array;
  tokenExpiresAt?: number;
  /** This device's id at the hub, once registered (hub route POST /api/v1/devices). */
  deviceId?: string;
  /**
   * The data key wrapped with the hub's recovery key for this device, then by the host (base64), like
   * wrappedKey. Opened only with the key a password sign-in brings: a forgotten PIN loses nothing.
   */
  recoveryWrappedKey?: string;
  /** When the worker last signed in with the hub password on this device (ms); the PIN stops after too long. */
  lastSignInAt?: number;
}

export type OutboxStatus = 'pending' | 'stuck';
export type OutboxFailureKind = 'transient' | 'permanent';

/** An operation waiting for the hub. Written in the same transaction as the domain row it sends. */
export interface OutboxRow {
  /** UUID; also the Idempotency-Key sent to the hub. */
  id: string;
  /** A message kind in sync/kinds (e.g. 'new-case', 'signal-event'). */
  kind: string;
  /** What the message is about (a case id, an event id); the decrypted body must name the same. */
  entityId: string;
  createdAt: number;
  attempts: number;
  nextAttemptAt: number;
  status: OutboxStatus;
  /** The last failure as a code (Dutch only at the UI's edge); rows from before version 5 held a sentence, migrated then. */
  lastError: AppError | null;
  /** Why the last try failed: 'transient' (network, 5xx, 429) is retried even when stuck; 'permanent' waits for the worker. Absent on older rows. */
  failureKind?: OutboxFailureKind;
  /** 'record-v1': the body is sealed to this item (crypto/record.ts); absent on items written before version 6. */
  sealed?: 'record-v1';
  /** Encrypted request body. */
  iv: Uint8Array;
  data: Uint8Array;
}

/** Version 1–5: what the hub confirmed for a new case. Version 6 moved these rows to `syncStates`. */
export interface LegacySyncRow {
  entityId: string;
  state: 'received';
  at: number;
}

/** What the hub confirmed for one entity of one message kind (received by the municipality). Version 6. */
export interface SyncStateRow {
  kind: string;
  entityId: string;
  state: 'received';
  at: number;
}

/** A named position in a hub feed, e.g. the last `changes?since=` checkpoint. Added in version 2. */
export interface CheckpointRow {
  id: string;
  value: number;
}

export class KeukentafelDb extends Dexie {
  meta!: EntityTable<AccountRow, 'id'>;
  households!: EntityTable<EncryptedRow, 'id'>;
  intakes!: EntityTable<EncryptedRow, 'id'>;
  history!: EntityTable<EncryptedRow, 'id'>;
  outbox!: EntityTable<OutboxRow, 'id'>;
  /** Keyed by [kind+entityId]. */
  syncStates!: Dexie.Table<SyncStateRow, [string, string]>;
  checkpoints!: EntityTable<CheckpointRow, 'id'>;
  /** Encrypted caches that make unlock fast (e.g. the household index); safe to delete at any time. */
  snapshots!: EntityTable<EncryptedRow, 'id'>;
  /** Encrypted half-typed forms (id `household:new` or `household:<id>`), so a lock or crash loses nothing. */
  drafts!: EntityTable<EncryptedRow, 'id'>;
  /** Every handover status the hub reported (id: the feed position, owner: a tag of the case), sealed. Version 6. */
  caseStatuses!: EntityTable<EncryptedRow, 'id'>;
  /** Per household (id), encrypted: which signal event id each recorded signal was reported under. Version 6. */
  signalEventIds!: EntityTable<EncryptedRow, 'id'>;
  /** Per household (id: a tag), encrypted: its warm handover (consent form, consent, dossier versions sent). Version 7. */
  handovers!: EntityTable<EncryptedRow, 'id'>;

  constructor(name = 'keukentafel', options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      meta: 'id',
      households: 'id, updatedAt',
      intakes: 'id, householdId, updatedAt',
      history: 'id, householdId, updatedAt',
      outbox: 'id, entityId, status, nextAttemptAt',
      sync: 'entityId',
    });
    // Version 2 adds the sync checkpoints table; stores not named keep their schema.
    this.version(2).stores({ checkpoints: 'id' });
    // Version 3 adds encrypted snapshots (a cache, rebuilt from the rows when missing).
    this.version(3).stores({ snapshots: 'id' });
    // Version 4 adds encrypted form drafts.
    this.version(4).stores({ drafts: 'id' });
    // Version 5: intake and history rows are found by an `owner` tag (no time index on history any more),
    // and outbox rows keep their last error as a code instead of a Dutch sentence.
    this.version(5)
      .stores({ intakes: 'id, owner', history: 'id, owner' })
      .upgrade(async (tx) => {
        // Intake and history rows are not rewritten here: the move at unlock (migrations/bind-records.ts)
        // re-keys and re-owns each of them anyway, and rewriting 100,000 rows twice kept the app at its
        // start screen for minutes. Until then their `householdId` field is kept (no longer indexed).
        await tx
          .table<OutboxRow>('outbox')
          .toCollection()
          .modify((row) => {
            row.lastError = legacyLastError(row.lastError);
          });
      });
    // Version 6: outbox messages of many kinds. Sync state is kept per kind and entity (the old `sync`
    // table held new cases only and its key cannot change, so its rows move); handover statuses and
    // signal event ids get their own encrypted stores.
    this.version(6)
      .stores({
        outbox: 'id, entityId, [kind+entityId], status, nextAttemptAt',
        syncStates: '[kind+entityId], entityId',
        caseStatuses: 'id, owner',
        signalEventIds: 'id',
        sync: null,
      })
      .upgrade(async (tx) => {
        const old = await tx.table<LegacySyncRow, string>('sync').toArray();
        await tx.table<SyncStateRow, [string, string]>('syncStates').bulkPut(old.map((row) => ({ kind: 'new-case', entityId: row.entityId, state: row.state, at: row.at })));
      });
    // Version 7: the warm handover per household (consent and the dossier versions sent), sealed.
    this.version(7).stores({ handovers: 'id' });
  }
}
