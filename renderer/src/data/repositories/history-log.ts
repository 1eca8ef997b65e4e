import { z } from 'zod';
import type { HistoryEntry } from '../contracts';
import { decryptJson, encryptJson, mapBounded } from '../crypto/cipher';
import type { EncryptedRow, KeukentafelDb } from '../db';
import type { Clock } from '../ports';

/**
 * Who changed what, when, per household: encrypted rows in db.history holding only a label, never a
 * value. Every write that records history runs through `serial`, so one household's writes land in
 * call order and the coalescing decision always sees the entry written just before.
 */

/** Typing into one field for a while is one entry: a repeat within this window only moves its time. */
export const COALESCE_MS = 2 * 60_000;

export const historyEntrySchema = z.object({ at: z.iso.datetime(), by: z.string(), what: z.string() });

export interface HistoryLogDeps {
  db: KeukentafelDb;
  key: CryptoKey;
  clock: Clock;
  worker: { id: string; name: string };
  newId?: () => string;
}

/** A history row, encrypted and ready to put in the caller's transaction. */
export interface PendingEntry {
  row: EncryptedRow;
  /** Call once the caller's transaction committed, so the next change coalesces against it. */
  committed(): void;
}

export interface HistoryLog {
  /** Runs `step` after every earlier step for this household has settled; a failure does not block later ones. */
  serial<T>(householdId: string, step: () => Promise<T>): Promise<T>;
  /** The row for a change: the previous entry with a new time when it coalesces, else a new one. Call inside serial(). */
  entryFor(householdId: string, what: string): Promise<PendingEntry>;
  /** The household's entries, newest first, after its pending writes. */
  list(householdId: string): Promise<HistoryEntry[]>;
}

interface Last {
  id: string;
  at: number;
  by: string;
  what: string;
}

export function createHistoryLog(deps: HistoryLogDeps): HistoryLog {
  const { db, key, clock } = deps;
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const tails = new Map<string, Promise<unknown>>();
  // undefined: not read yet; null: the household has no history.
  const lastBy = new Map<string, Last | null>();

  function serial<T>(householdId: string, step: () => Promise<T>): Promise<T> {
    const previous = tails.get(householdId) ?? Promise.resolve();
    const result = previous.then(step, step);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    tails.set(householdId, tail);
    // Drop the chain once idle, so thousands of households don't keep settled promises around.
    void tail.then(() => {
      if (tails.get(householdId) === tail) tails.delete(householdId);
    });
    return result;
  }

  async function readRows(householdId: string): Promise<EncryptedRow[]> {
    return db.history.where('owner').equals(householdId).toArray();
  }

  async function decrypt(row: EncryptedRow): Promise<HistoryEntry> {
    return historyEntrySchema.parse(await decryptJson(key, row.iv, row.data));
  }

  async function last(householdId: string): Promise<Last | null> {
    const known = lastBy.get(householdId);
    if (known !== undefined) return known;
    const rows = await readRows(householdId);
    const newest = rows.reduce<EncryptedRow | null>((a, r) => (a === null || r.updatedAt > a.updatedAt ? r : a), null);
    const found = newest ? { id: newest.id, ...(await decrypt(newest)) } : null;
    const value = found ? { id: found.id, at: Date.parse(found.at), by: found.by, what: found.what } : null;
    lastBy.set(householdId, value);
    return value;
  }

  return {
    serial,
    async entryFor(householdId, what) {
      const now = clock.now();
      const by = deps.worker.name;
      const previous = await last(householdId);
      const coalesce = previous !== null && previous.what === what && previous.by === by && now - previous.at <= COALESCE_MS && now >= previous.at;
      const id = coalesce ? previous.id : newId();
      const entry: HistoryEntry = { at: new Date(now).toISOString(), by, what };
      const { iv, data } = await encryptJson(key, entry);
      return {
        row: { id, owner: householdId, updatedAt: now, iv, data },
        committed: () => lastBy.set(householdId, { id, at: now, by, what }),
      };
    },
    list(householdId) {
      return serial(householdId, async () => {
        const rows = await readRows(householdId);
        const entries = await mapBounded(rows, 200, decrypt);
        return entries.sort((a, b) => b.at.localeCompare(a.at));
      });
    },
  };
}
