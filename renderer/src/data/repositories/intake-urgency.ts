import { z } from 'zod';
import { holidays, settings as municipalSettings, signalCatalogue } from '../../../../resources/index';
import type { RecordedSignal, SignalCatalogueEntry } from '../../../../shared/domain/intake.schema';
import type { Settings } from '../../../../shared/domain/resources.schema';
import { assessUrgency, urgentTerm } from '../../../../shared/domain/urgency';
import type { HouseholdUrgency } from '../contracts';
import type { Tagger } from '../crypto/tags';
import type { KeukentafelDb } from '../db';
import { createEmitter } from '../ports';
import { scanIntakeSections } from './intake-section-scan';

/**
 * Which households are urgent (Wgs crisis), kept in memory: built in the background from the
 * encrypted signals rows only (found by their tags from the household ids), then kept current by
 * every signals write.
 */

/** Only what urgency needs; the intake repository validates the full shape when it loads a household. */
const storedSignalsSchema = z.array(z.object({ catalogueId: z.string().nullable(), recordedAt: z.string() }));
const storedSectionSchema = z.object({ at: z.number(), value: z.unknown() });

export interface UrgencyIndexDeps {
  db: KeukentafelDb;
  key: CryptoKey;
  /** Makes the signals rows' opaque keys. */
  tagger: Tagger;
  settings?: Pick<Settings, 'crisisTypes' | 'wgs'>;
  catalogue?: readonly SignalCatalogueEntry[];
  /** The build starts when this resolves (the session: after the first screen is shown). */
  start?: Promise<void>;
}

export interface UrgencyIndex {
  /** Urgent households only; the same object until something changes. */
  current(): ReadonlyMap<string, HouseholdUrgency>;
  subscribe(listener: () => void): () => void;
  /** A household's signals were written (saved or imported). */
  update(householdId: string, signals: readonly Pick<RecordedSignal, 'catalogueId' | 'recordedAt'>[]): void;
  /** Resolves when the background build has finished (or stopped); never rejects. */
  ready(): Promise<void>;
  /** Stops the build at the next chunk, e.g. when the session locks. */
  stop(): void;
}

export function createUrgencyIndex(deps: UrgencyIndexDeps): UrgencyIndex {
  const { db, key, tagger } = deps;
  const settings = deps.settings ?? municipalSettings;
  const catalogue = deps.catalogue ?? signalCatalogue;
  const urgent = new Map<string, HouseholdUrgency>();
  const changes = createEmitter();
  /** Households written while the build ran: their fresh state wins over what the build read. */
  const touched = new Set<string>();
  let view: ReadonlyMap<string, HouseholdUrgency> | null = null;
  let building = true;
  let stopped = false;

  const crisisOf = (signals: readonly Pick<RecordedSignal, 'catalogueId' | 'recordedAt'>[]): HouseholdUrgency | null => {
    const intake = { signals: signals as RecordedSignal[] };
    const crisisTypes = assessUrgency(intake, settings, catalogue).crisisTypes.map((c) => c.id);
    if (crisisTypes.length === 0) return null;
    return { crisisTypes, deadline: urgentTerm(intake, settings, catalogue, holidays)?.deadline ?? null };
  };

  function changed(): void {
    view = null;
    changes.emit();
  }

  function apply(householdId: string, now: HouseholdUrgency | null): boolean {
    const before = urgent.get(householdId);
    if (now === null) return urgent.delete(householdId);
    if (before?.crisisTypes.join() === now.crisisTypes.join() && before.deadline === now.deadline) return false;
    urgent.set(householdId, now);
    return true;
  }

  async function build(): Promise<void> {
    const found = new Map<string, HouseholdUrgency | null>();
    try {
      // An unreadable row is reported when the household is opened; here it only cannot count.
      await scanIntakeSections({ db, key, tagger }, 'signals', () => stopped, (householdId, opened) => {
        const stored = storedSectionSchema.safeParse(opened);
        const parsed = storedSignalsSchema.safeParse(stored.success ? stored.data.value : null);
        if (parsed.success) found.set(householdId, crisisOf(parsed.data));
      });
    } catch {
      // A failed build leaves what saves have told us; the intake screens still assess urgency themselves.
    } finally {
      building = false;
    }
    if (stopped) return;
    let any = false;
    for (const [householdId, now] of found) if (!touched.has(householdId) && apply(householdId, now)) any = true;
    touched.clear();
    if (any) changed();
  }

  const done = (deps.start ?? Promise.resolve()).then(build, build);

  return {
    current: () => (view ??= new Map(urgent)),
    subscribe: (listener) => changes.subscribe(listener),
    update(householdId, signals) {
      if (building) touched.add(householdId);
      if (apply(householdId, crisisOf(signals))) changed();
    },
    ready: () => done,
    stop() {
      stopped = true;
    },
  };
}
