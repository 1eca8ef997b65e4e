import { z } from 'zod';
import type { HistoryChange, HistoryEntry } from '../contracts';
import { mapBounded } from '../crypto/cipher';
import { places, tagParts } from '../crypto/places';
import { openRecord, sealRecord } from '../crypto/record';
import { createTagger } from '../crypto/tags';
import type { EncryptedRow, KeukentafelDb } from '../db';
import type { Clock } from '../ports';
import { sameChange } from './intake-changes';

/**
 * Who changed what, when, per household: encrypted rows in db.history holding only a section and
 * field names, never a value. Rows carry no time and no household id in clear: only an opaque owner
 * tag, so the store does not show a visit timeline. Every write that records history runs through
 * `serial`, so one household's writes land in call order and the coalescing decision always sees
 * the entry written just before.
 */

/** Typing into one field for a while is one entry: a repeat within this window only moves its time. */
export const COALESCE_MS = 2 * 60_000;

const sectionSchema = z.custom<HistoryChange['section']>(
  (v) => typeof v === 'string' && /^(household|signals|finances|legacy|domain:[a-z0-9-]{1,64})$/.test(v),
);

export const historyEntrySchema = z.object({
  at: z.iso.datetime(),
  by: z.string(),
  section: sectionSchema,
  fields: z.array(z.string().max(64)).max(20),
  text: z.string().max(500).optional(),
});

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
  entryFor(householdId: string, change: HistoryChange): Promise<PendingEntry>;
  /** The household's entries, newest first, after its pending writes. Lines that cannot be opened here are left out. */
  list(householdId: string): Promise<HistoryEntry[]>;
}

interface Last {
  id: string;
  at: number;
  by: string;
  change: HistoryChange;
}

export function createHistoryLog(deps: HistoryLogDeps): HistoryLog {
  const { db, key, clock } = deps;
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const tagger = createTagger(key);
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

  const ownerOf = (householdId: string) => tagger.tag(...tagParts.historyOwner(householdId));

  async function readEntries(householdId: string): Promise<{ id: string; entry: HistoryEntry }[]> {
    const rows = await db.history.where('owner').equals(await ownerOf(householdId)).toArray();
    const opened = await mapBounded(rows, 200, async (row) => {
      try {
        const entry = historyEntrySchema.parse(await openRecord(key, places.history(householdId, row.id), row.iv, row.data));
        return { id: row.id, entry };
      } catch {
        // Moved here from elsewhere, or damaged: never shown as this household's history.
        return null;
      }
    });
    return opened.filter((e) => e !== null);
  }

  async function last(householdId: string): Promise<Last | null> {
    const known = lastBy.get(householdId);
    if (known !== undefined) return known;
    const entries = await readEntries(householdId);
    const newest = entries.reduce<(typeof entries)[number] | null>((a, e) => (a === null || e.entry.at > a.entry.at ? e : a), null);
    const value = newest ? { id: newest.id, at: Date.parse(newest.entry.at), by: newest.entry.by, change: newest.entry } : null;
    lastBy.set(householdId, value);
    return value;
  }

  return {
    serial,
    async entryFor(householdId, change) {
      const now = clock.now();
      const by = deps.worker.name;
      const previous = await last(householdId);
      const coalesce = previous !== null && sameChange(previous.change, change) && previous.by === by && now - previous.at <= COALESCE_MS && now >= previous.at;
      const id = coalesce ? previous.id : newId();
      const entry: HistoryEntry = { at: new Date(now).toISOString(), by, section: change.section, fields: [...change.fields] };
      const [owner, { iv, data }] = await Promise.all([ownerOf(householdId), sealRecord(key, places.history(householdId, id), entry)]);
      return {
        // No time in clear: updatedAt stays 0 so the rows do not form a visible timeline.
        row: { id, owner, updatedAt: 0, iv, data },
        committed: () => lastBy.set(householdId, { id, at: now, by, change: entry }),
      };
    },
    list(householdId) {
      return serial(householdId, async () => {
        const entries = (await readEntries(householdId)).map((e) => e.entry);
        return entries.sort((a, b) => b.at.localeCompare(a.at));
      });
    },
  };
}
