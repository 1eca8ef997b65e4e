import { z } from 'zod';
import type { IntakeSection } from '../crypto/places';
import { places, tagParts } from '../crypto/places';
import { decryptJson, mapBounded } from '../crypto/cipher';
import type { Place } from '../crypto/record';
import { openRecord, sealRecord } from '../crypto/record';
import type { Tagger } from '../crypto/tags';
import { createTagger } from '../crypto/tags';
import type { EncryptedRow, KeukentafelDb } from '../db';
import { sealSection } from '../repositories/intake-repository';
import { legacyHistoryChange } from './legacy-history';

/**
 * Moves the records written before version 5 to the bound format: every ciphertext sealed to its
 * place (AES-GCM additional data) and padded, intake and draft rows re-keyed by opaque tags,
 * history rows re-owned by a tag with no time in clear and their Dutch labels read back into
 * section and field names, the outbox payloads and the hub token re-sealed.
 *
 * Why at unlock and not in a Dexie upgrade(): the data key exists only after the PIN is checked,
 * while Dexie runs upgrades when the database opens (before unlock); and an upgrade transaction
 * commits as soon as it awaits anything but IndexedDB, so WebCrypto cannot run inside it. So this
 * runs once at unlock, before any repository reads: chunked, WebCrypto outside the transactions,
 * each chunk one transaction, and idempotent — a row already in the new format is left alone, so
 * a crash or a lock halfway simply continues at the next unlock. A checkpoint marks it done; after
 * that an old-format row is never opened again.
 */

export const RECORD_FORMAT_CHECKPOINT = 'record-format';
/** 1: records bound to their place, opaque keys, structured history. 2: household rows keep no time in clear. */
export const RECORD_FORMAT = 2;

const CHUNK = 500;
const CONCURRENCY = 100;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const legacyIntakeId = /^([0-9a-f-]{36}):(domain:[a-z0-9-]{1,64}|signals|finances|cursor)$/i;
const legacyDraftId = /^[a-z]+(-[a-z]+)*:[a-z0-9-]{1,64}$/;
const legacyHistoryEntry = z.object({ at: z.string(), by: z.string(), what: z.string() });

/** How far the move is: rows handled of the rows it has to look at. */
export interface UpgradeProgress {
  done: number;
  total: number;
}

export interface UpgradeReport {
  /** Rows moved to the new format. */
  moved: number;
  /** Old rows that could not be opened with this key (already unreadable before); removed, since their keys named a domain. */
  dropped: number;
}

async function isBound(key: CryptoKey, place: Place, row: { iv?: Uint8Array; data?: Uint8Array }): Promise<boolean> {
  if (!row.iv || !row.data) return false;
  return openRecord(key, place, row.iv, row.data).then(
    () => true,
    () => false,
  );
}

async function openLegacy(key: CryptoKey, iv: Uint8Array, data: Uint8Array): Promise<{ value: unknown } | null> {
  try {
    return { value: await decryptJson(key, iv, data) };
  } catch {
    return null;
  }
}

type KeyedTable<T> = { toCollection(): { primaryKeys(): Promise<unknown[]> }; bulkGet(keys: string[]): Promise<(T | undefined)[]> };

async function keysOf(table: KeyedTable<unknown>, pick: (key: string) => boolean): Promise<string[]> {
  return (await table.toCollection().primaryKeys()).filter((k): k is string => typeof k === 'string' && pick(k));
}

/** Counts the rows handled and tells the caller after each chunk. */
function progressOf(total: number, onProgress: ((progress: UpgradeProgress) => void) | undefined) {
  let done = 0;
  return (rows: number) => {
    done += rows;
    onProgress?.({ done, total });
  };
}
type Advance = ReturnType<typeof progressOf>;

/** Walks a table's rows by the given keys in chunks, so 170,000 intake rows never sit in memory at once. */
async function eachChunk<T>(table: KeyedTable<T>, keys: readonly string[], advance: Advance, step: (rows: T[]) => Promise<void>): Promise<void> {
  for (let i = 0; i < keys.length; i += CHUNK) {
    const chunk = keys.slice(i, i + CHUNK);
    const rows = (await table.bulkGet(chunk)).filter((r): r is T => r !== undefined);
    await step(rows);
    advance(chunk.length);
  }
}

/**
 * The move, when it has not been done yet. `onProgress` hears after each chunk how many of the rows to look at
 * were handled (the unlock screen shows it: on 1,000 households this takes seconds); never when there is nothing to move.
 */
export async function upgradeRecords(db: KeukentafelDb, key: CryptoKey, onProgress?: (progress: UpgradeProgress) => void): Promise<UpgradeReport> {
  const report: UpgradeReport = { moved: 0, dropped: 0 };
  const done = await db.checkpoints.get(RECORD_FORMAT_CHECKPOINT);
  if ((done?.value ?? 0) >= RECORD_FORMAT) return report;
  const tagger = createTagger(key);
  // Every key up front (keys only, cheap), so the progress has its total before the first row is moved.
  const [householdKeys, intakeKeys, historyKeys, draftKeys, outboxRows] = await Promise.all([
    keysOf(db.households, () => true),
    keysOf(db.intakes, (k) => legacyIntakeId.test(k)),
    keysOf(db.history, () => true),
    keysOf(db.drafts, (k) => legacyDraftId.test(k)),
    db.outbox.count(),
  ]);
  const total = householdKeys.length + intakeKeys.length + historyKeys.length + draftKeys.length + outboxRows;
  const advance = progressOf(total, total > 0 ? onProgress : undefined);
  await households(db, key, householdKeys, advance, report);
  await intakes(db, key, tagger, intakeKeys, advance, report);
  await history(db, key, tagger, historyKeys, advance, report);
  await drafts(db, key, tagger, draftKeys, advance, report);
  // A cache: the next unlock rebuilds it from the rows.
  await db.snapshots.clear();
  await outbox(db, key, report);
  advance(outboxRows);
  await hubToken(db, key, report);
  await db.checkpoints.put({ id: RECORD_FORMAT_CHECKPOINT, value: RECORD_FORMAT });
  return report;
}

async function households(db: KeukentafelDb, key: CryptoKey, keys: readonly string[], advance: Advance, report: UpgradeReport): Promise<void> {
  await eachChunk<EncryptedRow>(db.households, keys, advance, async (rows) => {
    const resealed = await mapBounded(rows, CONCURRENCY, async (row) => {
      const place = places.household(row.id);
      if (await isBound(key, place, row)) return row.updatedAt === 0 ? null : { ...row, updatedAt: 0 };
      const legacy = await openLegacy(key, row.iv, row.data);
      if (!legacy) return null;
      return { ...row, updatedAt: 0, ...(await sealRecord(key, place, legacy.value)) };
    });
    const puts = resealed.filter((r) => r !== null);
    if (puts.length > 0) await db.households.bulkPut(puts);
    report.moved += puts.length;
  });
}

async function intakes(db: KeukentafelDb, key: CryptoKey, tagger: Tagger, keys: readonly string[], advance: Advance, report: UpgradeReport): Promise<void> {
  await eachChunk<EncryptedRow>(db.intakes, keys, advance, async (rows) => {
    const moved = await mapBounded(rows, CONCURRENCY, async (row) => {
      const [, householdId = '', section = 'cursor'] = legacyIntakeId.exec(row.id) ?? [];
      const legacy = await openLegacy(key, row.iv, row.data);
      if (!legacy) return { old: row.id, row: null };
      const id = await tagger.tag(...tagParts.intake(householdId, section as IntakeSection));
      return { old: row.id, row: await sealSection(key, id, householdId, section as IntakeSection, legacy.value, row.updatedAt) };
    });
    await db.transaction('rw', db.intakes, async () => {
      await db.intakes.bulkDelete(moved.map((m) => m.old));
      await db.intakes.bulkPut(moved.flatMap((m) => (m.row ? [m.row] : [])));
    });
    for (const m of moved) if (m.row) report.moved++;
    else report.dropped++;
  });
}

async function history(db: KeukentafelDb, key: CryptoKey, tagger: Tagger, keys: readonly string[], advance: Advance, report: UpgradeReport): Promise<void> {
  await eachChunk<EncryptedRow>(db.history, keys, advance, async (rows) => {
    const moved = await mapBounded(rows, CONCURRENCY, async (row) => {
      // Rows from before version 5 still name their household in `householdId`; version 5 as first
      // landed copied it to `owner`.
      const householdId = row.owner ?? (row as EncryptedRow & { householdId?: string }).householdId ?? '';
      // Rows already moved carry a tag as owner, never a household id.
      if (!uuid.test(householdId)) return null;
      const legacy = await openLegacy(key, row.iv, row.data);
      const parsed = legacyHistoryEntry.safeParse(legacy?.value);
      if (!parsed.success) return { old: row, row: null };
      const { at, by, what } = parsed.data;
      const entry = { at, by, ...legacyHistoryChange(what) };
      const [owner, sealed] = await Promise.all([tagger.tag(...tagParts.historyOwner(householdId)), sealRecord(key, places.history(householdId, row.id), entry)]);
      return { old: row, row: { id: row.id, owner, updatedAt: 0, ...sealed } };
    });
    const changes = moved.filter((m) => m !== null);
    await db.transaction('rw', db.history, async () => {
      await db.history.bulkDelete(changes.filter((m) => m.row === null).map((m) => m.old.id));
      await db.history.bulkPut(changes.flatMap((m) => (m.row ? [m.row] : [])));
    });
    for (const m of changes) if (m.row) report.moved++;
    else report.dropped++;
  });
}

async function drafts(db: KeukentafelDb, key: CryptoKey, tagger: Tagger, keys: readonly string[], advance: Advance, report: UpgradeReport): Promise<void> {
  await eachChunk<EncryptedRow>(db.drafts, keys, advance, async (rows) => {
    const moved = await mapBounded(rows, CONCURRENCY, async (row) => {
      const legacy = await openLegacy(key, row.iv, row.data);
      if (!legacy) return { old: row.id, row: null };
      const [id, sealed] = await Promise.all([tagger.tag(...tagParts.draft(row.id)), sealRecord(key, places.draft(row.id), legacy.value)]);
      return { old: row.id, row: { id, updatedAt: row.updatedAt, ...sealed } };
    });
    await db.transaction('rw', db.drafts, async () => {
      await db.drafts.bulkDelete(moved.map((m) => m.old));
      await db.drafts.bulkPut(moved.flatMap((m) => (m.row ? [m.row] : [])));
    });
    for (const m of moved) if (m.row) report.moved++;
    else report.dropped++;
  });
}

async function outbox(db: KeukentafelDb, key: CryptoKey, report: UpgradeReport): Promise<void> {
  const rows = await db.outbox.toArray();
  const resealed = await mapBounded(rows, CONCURRENCY, async (row) => {
    const place = places.outbox(row);
    if (row.sealed === 'record-v1' || (await isBound(key, place, row))) return null;
    const legacy = await openLegacy(key, row.iv, row.data);
    // An item that cannot be read stays as it is: the engine shows it as stuck, unreadable.
    if (!legacy) return null;
    return { id: row.id, ...(await sealRecord(key, place, legacy.value)) };
  });
  const updates = resealed.filter((r) => r !== null);
  if (updates.length === 0) return;
  await db.transaction('rw', db.outbox, async () => {
    for (const { id, iv, data } of updates) await db.outbox.update(id, { iv, data, sealed: 'record-v1' });
  });
  report.moved += updates.length;
}

async function hubToken(db: KeukentafelDb, key: CryptoKey, report: UpgradeReport): Promise<void> {
  const row = await db.meta.get('account');
  if (!row?.token || !row.tokenIv) return;
  const place = places.hubToken(row.userId);
  if (await isBound(key, place, { iv: row.tokenIv, data: row.token })) return;
  const legacy = await openLegacy(key, row.tokenIv, row.token);
  if (!legacy) return;
  const sealed = await sealRecord(key, place, legacy.value);
  await db.meta.update('account', { tokenIv: sealed.iv, token: sealed.data });
  report.moved++;
}
