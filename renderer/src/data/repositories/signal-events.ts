import { z } from 'zod';
import { settings as municipalSettings, signalCatalogue } from '../../../../resources/index';
import type { HouseholdType, SignalEvent } from '../../../../shared/api/signal-events';
import type { Member } from '../../../../shared/domain/household.schema';
import type { RecordedSignal, SignalCatalogueEntry } from '../../../../shared/domain/intake.schema';
import { isoWeekOf } from '../../../../shared/domain/iso-week';
import type { Settings } from '../../../../shared/domain/resources.schema';
import type { OutboxMessageOf, OutboxSealer } from '../outbox-port';
import { enqueue } from '../outbox-port';
import { places, tagParts } from '../crypto/places';
import { openRecord, sealRecord } from '../crypto/record';
import { createTagger } from '../crypto/tags';
import type { EncryptedRow, KeukentafelDb } from '../db';
import type { Clock } from '../ports';

/**
 * Signal events for the team-lead reports. Every ticked catalogue signal yields one event without
 * any identifier of the household (signal, domain, crisis, postcode area, ISO week, household type,
 * team) under a random event id; unticking yields a retraction naming that id. Which recorded signal
 * went out under which event id is kept on the device only, sealed, in one row per household whose
 * key is an opaque tag. The events and that row are written in the transaction of the signals save.
 */

export interface SignalEventDeps {
  db: KeukentafelDb;
  key: CryptoKey;
  clock: Clock;
  teamId: string;
  /** The household's postcode and members as the device holds them; undefined when it is not on this device. */
  household(householdId: string): Promise<{ postcode: string; members: readonly Pick<Member, 'role' | 'age'>[] } | undefined>;
  catalogue?: readonly SignalCatalogueEntry[];
  settings?: Pick<Settings, 'crisisTypes'>;
  newId?: () => string;
  /** Seals the events (sync/outbox's createOutbox). */
  outbox: OutboxSealer<SignalEventMessage>;
}

/** The message a ticked or unticked signal puts in the outbox (sync/kinds/signal-event.ts sends it). */
export type SignalEventMessage = OutboxMessageOf<'signal-event', SignalEvent>;

/** Writes to add to a signals save's transaction. */
export interface SignalEventWrites {
  tables: readonly string[];
  write(): Promise<void>;
  /** Call after the transaction committed. */
  committed(): void;
}

export interface SignalEventRecorder {
  /** The events a signals save yields (null when none), sealed and ready for the save's transaction. */
  prepare(householdId: string, signals: readonly RecordedSignal[]): Promise<SignalEventWrites | null>;
}

const reported = z.object({ eventId: z.uuid(), signalId: z.string() });
const eventIdsSchema = z.object({ signals: z.record(z.string(), reported) });
type EventIds = z.infer<typeof eventIdsSchema>;

/** Household type for reports: one or two adults (more is 'other'), with or without minor children. */
export function householdTypeOf(members: readonly Pick<Member, 'role' | 'age'>[]): HouseholdType {
  const adults = members.filter((m) => m.role === 'adult').length;
  const minors = members.some((m) => m.role === 'child' && (m.age === null || m.age < 18));
  if (adults === 1) return minors ? 'single-with-children' : 'single';
  if (adults === 2) return minors ? 'couple-with-children' : 'couple';
  return 'other';
}

export function createSignalEventRecorder(deps: SignalEventDeps): SignalEventRecorder {
  const { db, key, clock } = deps;
  const catalogue = new Map((deps.catalogue ?? signalCatalogue).map((s) => [s.id, s]));
  const counting = new Set((deps.settings ?? municipalSettings).crisisTypes.filter((c) => c.counts).map((c) => c.id));
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const tagger = createTagger(key);
  const { outbox } = deps;
  // Saves of one household are serialised by the intake repository, so this cache follows the committed rows.
  const known = new Map<string, EventIds>();

  const rowId = (householdId: string) => tagger.tag(...tagParts.signalEventIds(householdId));

  async function load(householdId: string): Promise<EventIds> {
    const cached = known.get(householdId);
    if (cached) return cached;
    const row = await db.signalEventIds.get(await rowId(householdId));
    // A row that does not open is not guessed at: sending every signal again would count it twice.
    const ids = row ? eventIdsSchema.parse(await openRecord(key, places.signalEventIds(householdId), row.iv, row.data)) : { signals: {} };
    known.set(householdId, ids);
    return ids;
  }

  async function seal(householdId: string, ids: EventIds): Promise<EncryptedRow> {
    const [id, sealed] = await Promise.all([rowId(householdId), sealRecord(key, places.signalEventIds(householdId), ids)]);
    return { id, updatedAt: 0, iv: sealed.iv, data: sealed.data };
  }

  return {
    async prepare(householdId, signals) {
      const before = await load(householdId);
      const after: EventIds = { signals: {} };
      const events: SignalEvent[] = [];
      const thisWeek = isoWeekOf(new Date(clock.now()));
      const retract = (eventId: string) => events.push({ type: 'retracted', eventId: newId(), retracts: eventId, week: thisWeek, teamId: deps.teamId });
      let household: Awaited<ReturnType<SignalEventDeps['household']>> | null = null;

      for (const signal of signals) {
        const entry = signal.catalogueId === null ? undefined : catalogue.get(signal.catalogueId);
        const earlier = before.signals[signal.id];
        if (earlier && earlier.signalId === entry?.id) {
          after.signals[signal.id] = earlier;
          continue;
        }
        // The signal changed its catalogue entry (or lost it): take the old event back.
        if (earlier) retract(earlier.eventId);
        if (!entry) continue;
        household ??= (await deps.household(householdId)) ?? null;
        if (!household) continue;
        const eventId = newId();
        events.push({
          type: 'recorded',
          eventId,
          signalId: entry.id,
          domainId: entry.domainId,
          crisis: entry.crisis !== null && counting.has(entry.crisis),
          postcodeArea: household.postcode.replace(/\s/g, '').slice(0, 4),
          week: isoWeekOf(new Date(signal.recordedAt)),
          householdType: householdTypeOf(household.members),
          teamId: deps.teamId,
        });
        after.signals[signal.id] = { eventId, signalId: entry.id };
      }
      const kept = new Set(signals.map((s) => s.id));
      for (const [signalId, earlier] of Object.entries(before.signals)) if (!kept.has(signalId)) retract(earlier.eventId);

      if (events.length === 0) return null;
      const messages = events.map((body): SignalEventMessage => ({ kind: 'signal-event', body }));
      const [sealed, row] = await Promise.all([outbox.seal(messages), seal(householdId, after)]);
      return {
        tables: [db.outbox.name, db.signalEventIds.name],
        async write() {
          await db.signalEventIds.put(row);
          await enqueue(db, sealed);
        },
        committed: () => known.set(householdId, after),
      };
    },
  };
}
