import type { NewCaseRequest } from '../../../../shared/api/cases';
import type { Household, HouseholdInput, SyncState } from '../../../../shared/domain/household.schema';
import { countMembers, householdInputSchema, householdSchema } from '../../../../shared/domain/household.schema';
import { z } from 'zod';
import type { HouseholdRepository, HouseholdSummary } from '../contracts';
import { mapBounded } from '../crypto/cipher';
import { places, tagParts } from '../crypto/places';
import { openRecord, sealRecord } from '../crypto/record';
import { createTagger } from '../crypto/tags';
import type { EncryptedRow, KeukentafelDb, OutboxRow } from '../db';
import type { OutboxMessageOf, OutboxSealer, SealedMessages } from '../outbox-port';
import { enqueue } from '../outbox-port';
import type { Clock } from '../ports';
import { createEmitter } from '../ports';
import type { HistoryLog } from './history-log';
import type { HistoryChange } from '../contracts';
import { HOUSEHOLD_CREATED, HOUSEHOLD_UPDATED } from './intake-changes';
import { bumpHouseholdsRevision, loadHouseholdSnapshot, saveHouseholdSnapshot } from './household-snapshot';

/**
 * Households encrypted at rest (only the id in clear; updatedAt stays 0), each sealed to its own id, searched
 * through an in-memory index that is built once at unlock by decrypting every row.
 */

export const IMPORT_CHUNK = 1_000;
/** The outbox kind whose state the household list shows. */
const NEW_CASE = 'new-case' as const;
const DECRYPT_CONCURRENCY = 500;

export interface HouseholdRepositoryDeps {
  db: KeukentafelDb;
  key: CryptoKey;
  clock: Clock;
  /** The worker who is the fixed point of contact for households created on this device. */
  worker: { id: string; name: string };
  newId?: () => string;
  /** Seals the new-case messages (sync/outbox's createOutbox). */
  outbox: OutboxSealer<NewCaseMessage>;
  /** Called after a write that added outbox items, e.g. to nudge the sync engine. */
  afterWrite?: () => void;
  /** When given, create and update add an entry to the household's edit history in the same transaction. */
  history?: HistoryLog;
}

/** Household input for a bulk import; `id` keeps a fixed id (demo households), otherwise a new one is made. */
export type ImportInput = HouseholdInput & { id?: string };

export interface DeviceHouseholdRepository extends HouseholdRepository {
  /** Bulk create (demo data, benchmarks), written in chunks of 1,000; each gets a new-case item unless told not to. */
  importMany(inputs: readonly ImportInput[], options?: { outbox?: boolean }): Promise<Household[]>;
  /** The sync engine reports a household's state here. */
  setSyncState(householdId: string, state: SyncState): void;
  /** Rows that could not be decrypted or parsed at unlock (should stay 0). */
  readonly unreadable: number;
  /** Whether this unlock used the encrypted snapshot instead of decrypting every row. */
  readonly fromSnapshot: boolean;
  /** Stores the index as one encrypted snapshot for a fast next unlock; skipped when nothing changed. */
  saveSnapshot(): Promise<void>;
}

interface Entry {
  household: Household;
  haystack: string;
  summary: HouseholdSummary | null;
}

/** Newest first for ISO-8601 UTC times (or dates), which sort as plain strings. */
export const byTextDescending = (a: string, b: string): number => (a < b ? 1 : a > b ? -1 : 0);

/** Lower case, accents stripped (NFD), whitespace collapsed: "Özdemir" and "ozdemir" meet. */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

function haystackOf(h: Household): string {
  const names = h.members.map((m) => `${m.firstName} ${m.lastName}`);
  return normalizeForSearch([h.name, h.postcode, h.postcode.replace(/\s/g, ''), ...names].join(' | '));
}

/** The message a created household puts in the outbox (sync/kinds/new-case.ts sends it). */
export type NewCaseMessage = OutboxMessageOf<typeof NEW_CASE, NewCaseRequest>;

/** The "new case" message a created household sends: no personal data, only what reports need. */
function newCaseMessage(h: Household): NewCaseMessage {
  const body: NewCaseRequest = { caseId: h.id, postcodeArea: h.postcode.slice(0, 4), ...countMembers(h.members), openedAt: h.createdAt };
  return { kind: NEW_CASE, body };
}

function stateFrom(outbox: OutboxRow | undefined, received: boolean): SyncState {
  if (outbox) return outbox.status === 'stuck' ? 'stuck' : 'waiting';
  return received ? 'received' : 'saved-locally';
}

export async function openHouseholdRepository(deps: HouseholdRepositoryDeps): Promise<DeviceHouseholdRepository> {
  const { db, key, clock } = deps;
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const changed = createEmitter();
  const entries = new Map<string, Entry>();
  const states = new Map<string, SyncState>();
  let sorted: Entry[] | null = null;
  let listCache: HouseholdSummary[] | null = null;
  let unreadable = 0;

  // Bumped by every household write; a snapshot is only saved for the generation it was built from.
  let generation = 0;
  let savedGeneration: number | null = null;
  // Writes between their start and their in-memory put(): the index may be behind the rows then.
  let inFlight = 0;

  const tagger = createTagger(key);
  const { outbox } = deps;
  const [snapshot, outboxRows, syncRows] = await Promise.all([
    loadHouseholdSnapshot(db, key, tagger),
    db.outbox.where('kind').equals(NEW_CASE).toArray(),
    db.syncStates.where('[kind+entityId]').between([NEW_CASE, ''], [NEW_CASE, '\uffff']).toArray(),
  ]);
  const fromSnapshot = snapshot !== null;
  const loaded = snapshot ?? (await decryptAll());
  if (fromSnapshot) savedGeneration = generation;
  const received = new Set(syncRows.map((r) => r.entityId));
  const outboxBy = new Map(outboxRows.map((r) => [r.entityId, r]));
  for (const h of loaded) {
    entries.set(h.id, { household: h, haystack: haystackOf(h), summary: null });
    states.set(h.id, stateFrom(outboxBy.get(h.id), received.has(h.id)));
  }

  async function decryptAll(): Promise<Household[]> {
    const rows = await db.households.toArray();
    const decrypted = await mapBounded(rows, DECRYPT_CONCURRENCY, async (row) => {
      try {
        const household = householdSchema.parse(await openRecord(key, places.household(row.id), row.iv, row.data));
        // Sealed to its id, so this holds unless the code itself is wrong; never show a row under another id.
        return household.id === row.id ? household : null;
      } catch {
        return null;
      }
    });
    const good = decrypted.filter((h): h is Household => h !== null);
    unreadable = decrypted.length - good.length;
    return good;
  }

  async function saveSnapshot(): Promise<void> {
    const at = generation;
    if (savedGeneration === at || unreadable > 0 || inFlight > 0) return;
    const households = [...entries.values()].map((e) => e.household);
    const isCurrent = () => generation === at && inFlight === 0;
    if (await saveHouseholdSnapshot(db, key, tagger, households, clock.now(), isCurrent)) savedGeneration = at;
  }

  function summaryOf(entry: Entry): HouseholdSummary {
    if (entry.summary) return entry.summary;
    const h = entry.household;
    entry.summary = {
      id: h.id,
      name: h.name,
      postcode: h.postcode,
      ...countMembers(h.members),
      updatedAt: h.updatedAt,
      sync: states.get(h.id) ?? 'saved-locally',
    };
    return entry.summary;
  }

  function ordered(): Entry[] {
    // ISO times in UTC sort as plain strings; localeCompare would ask the locale 140,000 times for 10,000 households.
    sorted ??= [...entries.values()].sort((a, b) => byTextDescending(a.household.updatedAt, b.household.updatedAt));
    return sorted;
  }

  function changedEntries(reorder: boolean): void {
    if (reorder) sorted = null;
    listCache = null;
    changed.emit();
  }

  function put(h: Household): void {
    entries.set(h.id, { household: h, haystack: haystackOf(h), summary: null });
  }

  async function seal(h: Household): Promise<EncryptedRow> {
    const { iv, data } = await sealRecord(key, places.household(h.id), h);
    // No time in clear: the list sorts by the sealed updatedAt; the row shows no edit timeline.
    return { id: h.id, updatedAt: 0, iv, data };
  }


  function build(input: ImportInput, now: number): Household {
    const parsed = householdInputSchema.parse(input);
    const at = new Date(now).toISOString();
    const id = input.id === undefined ? newId() : z.uuid().parse(input.id);
    return { id, ...parsed, workerId: deps.worker.id, workerName: deps.worker.name, createdAt: at, updatedAt: at };
  }

  /** Runs a household write and its in-memory `apply`; no snapshot is saved until both are done. */
  async function tracked(write: () => Promise<void>, apply: () => void): Promise<void> {
    inFlight++;
    try {
      generation++;
      await write();
      apply();
    } finally {
      inFlight--;
    }
  }

  /**
   * One household write: `prepare` encrypts (outside the transaction) and returns the Dexie writes;
   * `apply` updates the index after the commit. With a history log the write is serialised per
   * household and its entry lands in the same transaction.
   */
  async function record(
    householdId: string,
    change: HistoryChange,
    prepare: () => Promise<() => Promise<void>>,
    apply: () => void,
    draftId?: string,
  ): Promise<void> {
    const { history } = deps;
    const run = async () => {
      const [writes, entry, draftKey] = await Promise.all([
        prepare(),
        history ? history.entryFor(householdId, change) : null,
        draftId ? tagger.tag(...tagParts.draft(draftId)) : null,
      ]);
      await db.transaction('rw', [db.households, db.outbox, db.snapshots, db.checkpoints, db.history, db.drafts], async () => {
        await db.snapshots.clear();
        await bumpHouseholdsRevision(db);
        await writes();
        if (entry) await db.history.put(entry.row);
        if (draftKey) await db.drafts.delete(draftKey);
      });
      entry?.committed();
    };
    await tracked(() => (history ? history.serial(householdId, run) : run()), apply);
  }

  function list(): HouseholdSummary[] {
    listCache ??= ordered().map(summaryOf);
    return listCache;
  }

  return {
    get unreadable() {
      return unreadable;
    },
    fromSnapshot,
    saveSnapshot,
    list,
    search(query) {
      const terms = normalizeForSearch(query).split(' ').filter(Boolean);
      if (terms.length === 0) return list();
      return ordered()
        .filter((e) => terms.every((t) => e.haystack.includes(t)))
        .map(summaryOf);
    },
    get(id) {
      const entry = entries.get(id);
      return Promise.resolve(entry ? structuredClone(entry.household) : undefined);
    },
    async create(input, options) {
      const now = clock.now();
      const household = build(input, now);
      // Encrypt first: no awaits on anything but Dexie inside the transaction.
      await record(household.id, HOUSEHOLD_CREATED, async () => {
        const [row, message] = await Promise.all([seal(household), outbox.seal([newCaseMessage(household)])]);
        return async () => {
          await db.households.add(row);
          await enqueue(db, message);
        };
      }, () => {
        put(household);
        states.set(household.id, 'waiting');
      }, options?.draftId);
      changedEntries(true);
      deps.afterWrite?.();
      return structuredClone(household);
    },
    async update(id, input, options) {
      const current = entries.get(id);
      if (!current) throw new Error(`Unknown household ${id}`);
      const parsed = householdInputSchema.parse(input);
      const household: Household = { ...current.household, ...parsed, updatedAt: new Date(clock.now()).toISOString() };
      await record(id, HOUSEHOLD_UPDATED, async () => {
        const row = await seal(household);
        return async () => {
          await db.households.put(row);
        };
      }, () => put(household), options?.draftId);
      changedEntries(true);
      return structuredClone(household);
    },
    async importMany(inputs, options) {
      const withOutbox = options?.outbox ?? true;
      const now = clock.now();
      const households = inputs.map((input) => build(input, now));
      for (let i = 0; i < households.length; i += IMPORT_CHUNK) {
        const chunk = households.slice(i, i + IMPORT_CHUNK);
        const rowsToAdd = await mapBounded(chunk, DECRYPT_CONCURRENCY, seal);
        const messages: SealedMessages = withOutbox ? await outbox.seal(chunk.map(newCaseMessage)) : { rows: [] };
        const write = () =>
          db.transaction('rw', [db.households, db.outbox, db.snapshots, db.checkpoints], async () => {
            await db.snapshots.clear();
            await bumpHouseholdsRevision(db);
            await db.households.bulkAdd(rowsToAdd);
            await enqueue(db, messages);
          });
        await tracked(write, () => {
          for (const h of chunk) {
            put(h);
            states.set(h.id, withOutbox ? 'waiting' : 'saved-locally');
          }
        });
      }
      changedEntries(true);
      if (withOutbox) deps.afterWrite?.();
      return households.map((h) => structuredClone(h));
    },
    setSyncState(householdId, state) {
      const entry = entries.get(householdId);
      if (states.get(householdId) === state) return;
      states.set(householdId, state);
      if (entry) entry.summary = null;
      changedEntries(false);
    },
    subscribe: changed.subscribe,
  };
}
