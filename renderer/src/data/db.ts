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
}

export type OutboxStatus = 'pending' | 'stuck';
export type OutboxFailureKind = 'transient' | 'permanent';

/** An operation waiting for the hub. Written in the same transaction as the domain row it sends. */
export interface OutboxRow {
  /** UUID; also the Idempotency-Key sent to the hub. */
  id: string;
  kind: 'new-case';
  entityId: string;
  createdAt: number;
  attempts: number;
  nextAttemptAt: number;
  status: OutboxStatus;
  /** The last failure as a code (Dutch only at the UI's edge); rows from before version 5 held a sentence, migrated then. */
  lastError: AppError | null;
  /** Why the last try failed: 'transient' (network, 5xx, 429) is retried even when stuck; 'permanent' waits for the worker. Absent on older rows. */
  failureKind?: OutboxFailureKind;
  /** Encrypted request body. */
  iv: Uint8Array;
  data: Uint8Array;
}

/** What the hub last confirmed for an entity (received by the municipality). */
export interface SyncRow {
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
  sync!: EntityTable<SyncRow, 'entityId'>;
  checkpoints!: EntityTable<CheckpointRow, 'id'>;
  /** Encrypted caches that make unlock fast (e.g. the household index); safe to delete at any time. */
  snapshots!: EntityTable<EncryptedRow, 'id'>;
  /** Encrypted half-typed forms (id `household:new` or `household:<id>`), so a lock or crash loses nothing. */
  drafts!: EntityTable<EncryptedRow, 'id'>;

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
        const toOwner = (row: EncryptedRow & { householdId?: string }) => {
          if (row.householdId !== undefined) row.owner = row.householdId;
          delete row.householdId;
        };
        await tx.table<EncryptedRow & { householdId?: string }>('intakes').toCollection().modify(toOwner);
        await tx.table<EncryptedRow & { householdId?: string }>('history').toCollection().modify(toOwner);
        await tx
          .table<OutboxRow>('outbox')
          .toCollection()
          .modify((row) => {
            row.lastError = legacyLastError(row.lastError);
          });
      });
  }
}
