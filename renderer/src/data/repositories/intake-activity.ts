import { z } from 'zod';
import type { Tagger } from '../crypto/tags';
import type { KeukentafelDb } from '../db';
import { createEmitter } from '../ports';
import { scanIntakeSections } from './intake-section-scan';

/**
 * When each household's intake last changed (a domain, the signals or the finances; not where the
 * visit was), kept in memory for the household list's "Gewijzigd …". Every intake change also seals
 * a small `activity` row (no time in clear); the background build after unlock opens one such row
 * per household, then every save keeps the map current.
 */

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

  async function build(): Promise<void> {
    let any = false;
    try {
      // An unreadable row only means the list shows the household's own change time.
      await scanIntakeSections({ db, key, tagger }, 'activity', () => stopped, (householdId, opened) => {
        const stored = storedActivitySchema.safeParse(opened);
        if (stored.success && record(householdId, stored.data.at)) any = true;
      });
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
