import { z } from 'zod';
import { mapBounded } from '../crypto/cipher';
import { places, tagParts } from '../crypto/places';
import { openRecord } from '../crypto/record';
import type { Tagger } from '../crypto/tags';
import type { KeukentafelDb } from '../db';
import { createEmitter } from '../ports';

/**
 * When each household's intake last changed (a domain, the signals or the finances; not where the
 * visit was), kept in memory for the household list's "Gewijzigd …". Every intake change also seals
 * a small `activity` row (no time in clear); the background build after unlock opens one such row
 * per household, then every save keeps the map current.
 */

const READ_CHUNK = 500;
const DECRYPT_CONCURRENCY = 32;
const storedActivitySchema = z.object({ at: z.number() });

export interface IntakeActivityDeps {
  db: KeukentafelDb;
  key: CryptoKey;
  tagger: Tagger;
  /** The build starts when this resolves (the session: after the first screen is shown). */
  start?: Promise<void>;
}

export interface IntakeActivity {
  /** Household id → time of the last intake change (ms); the same object until something changes. */
  current(): ReadonlyMap<string, number>;
  subscribe(listener: () => void): () => void;
  touch(householdId: string, at: number): void;
  ready(): Promise<void>;
  stop(): void;
}

export function createIntakeActivity({ db, key, tagger, start = Promise.resolve() }: IntakeActivityDeps): IntakeActivity {
  const last = new Map<string, number>();
  const changes = createEmitter();
  let view: ReadonlyMap<string, number> | null = null;
  let stopped = false;

  const record = (householdId: string, at: number): boolean => {
    if ((last.get(householdId) ?? -Infinity) >= at) return false;
    last.set(householdId, at);
    return true;
  };

  async function readChunk(householdIds: string[]): Promise<boolean> {
    const ids = await Promise.all(householdIds.map((h) => tagger.tag(...tagParts.intake(h, 'activity'))));
    const rows = await db.intakes.bulkGet(ids);
    let any = false;
    await mapBounded(
      householdIds.map((householdId, i) => ({ householdId, row: rows[i] })),
      DECRYPT_CONCURRENCY,
      async ({ householdId, row }) => {
        if (!row || stopped) return;
        try {
          const stored = storedActivitySchema.safeParse(await openRecord(key, places.intake(householdId, 'activity'), row.iv, row.data));
          if (stored.success && record(householdId, stored.data.at)) any = true;
        } catch {
          // An unreadable row only means the list shows the household's own change time.
        }
      },
    );
    return any;
  }

  async function build(): Promise<void> {
    let any = false;
    try {
      const keys = await db.households.toCollection().primaryKeys();
      const ids = keys.filter((k): k is string => typeof k === 'string');
      for (let i = 0; i < ids.length && !stopped; i += READ_CHUNK) if (await readChunk(ids.slice(i, i + READ_CHUNK))) any = true;
    } catch {
      // A failed build leaves what saves have told us.
    }
    if (any && !stopped) {
      view = null;
      changes.emit();
    }
  }

  const done = start.then(build, build);
  return {
    current: () => (view ??= new Map(last)),
    subscribe: (listener) => changes.subscribe(listener),
    touch(householdId, at) {
      if (!record(householdId, at)) return;
      view = null;
      changes.emit();
    },
    ready: () => done,
    stop() {
      stopped = true;
    },
  };
}
