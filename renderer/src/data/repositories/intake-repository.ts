import { z } from 'zod';
import { lifeDomains } from '../../../../resources/index';
import type { DomainEntry, Finances, Intake, RecordedSignal } from '../../../../shared/domain/intake.schema';
import { createIntakeSchemas, domainEntrySchema, emptyIntake, isoDateOf } from '../../../../shared/domain/intake.schema';
import type { HistoryChange, IntakeRepository } from '../contracts';
import { mapBounded } from '../crypto/cipher';
import type { IntakeSection } from '../crypto/places';
import { places, tagParts } from '../crypto/places';
import { openRecord, sealRecord } from '../crypto/record';
import type { Tagger } from '../crypto/tags';
import { createTagger } from '../crypto/tags';
import type { EncryptedRow, KeukentafelDb } from '../db';
import type { Clock } from '../ports';
import type { HistoryLog } from './history-log';
import { createHistoryLog } from './history-log';
import { domainChange, financesChange, signalsChange } from './intake-changes';
import { createIntakeActivity } from './intake-activity';
import { createUrgencyIndex } from './intake-urgency';
import type { SignalEventRecorder, SignalEventWrites } from './signal-events';

/**
 * The intake, autosaved section by section: one encrypted row per domain, signals, finances and
 * the visit cursor, so a keystroke re-encrypts one small section, never the whole intake.
 * A row's key is an opaque tag of (household, section) and its time lives inside the ciphertext,
 * so the store names no life domain and shows no timeline. Each row is sealed to its household and
 * section: a copy under another key does not open.
 * The last decrypted sections stay in memory per household: the history diff needs no read per save.
 */

/** Stored data is never rejected because a date is now "in the future" (e.g. the device clock moved). */
const LENIENT_TODAY = '9999-12-31';
const cursorSchema = z.object({ route: z.string().trim().min(1, 'Er is geen plek in het bezoek om te bewaren.').max(500, 'Maximaal 500 tekens.') });
const householdIdSchema = z.uuid('Dit huishouden bestaat niet.');
const IMPORT_CHUNK = 200;

export interface IntakeRepositoryDeps {
  db: KeukentafelDb;
  key: CryptoKey;
  clock: Clock;
  worker: { id: string; name: string };
  /** Shared with the household repository so both append to one ordered history; made here when absent. */
  history?: HistoryLog;
  /** Turns ticked and unticked signals into report events in the save's transaction (the session always gives one). */
  signalEvents?: SignalEventRecorder;
  /**
   * When the background builds (urgency, last changes) may start: each decrypts a row per household, which
   * would compete with the household list's first render right after unlock. At once when absent.
   */
  backgroundStart?: Promise<void>;
}

export interface DeviceIntakeRepository extends IntakeRepository {
  /** Writes whole intakes at once (demo data), without history; validated leniently like stored data. */
  importIntakes(intakes: readonly Intake[]): Promise<void>;
  /** Resolves when the background urgency build is done; unlock never waits for it. */
  urgencyReady(): Promise<void>;
  /** Stops background work when the session locks. */
  close(): void;
}

/** A save refused by the schemas; `issues` are Dutch and name the field. */
export class IntakeValidationError extends Error {
  readonly issues: readonly { path: string; message: string }[];
  constructor(issues: readonly { path: string; message: string }[]) {
    super(`De intake is niet bewaard: ${issues.map((i) => i.message).join(' ')}`);
    this.name = 'IntakeValidationError';
    this.issues = issues;
  }
}

function validate<T extends z.ZodType>(schema: T, value: unknown, prefix = ''): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new IntakeValidationError(result.error.issues.map((i) => ({ path: [prefix, ...i.path.map(String)].filter(Boolean).join('.'), message: i.message })));
}

interface Sections {
  domains: Map<string, DomainEntry>;
  signals: RecordedSignal[] | null;
  finances: Finances | null;
  cursor: string | null;
  updatedAt: number | null;
}

/** What an intake row holds once opened: the section's value and when it was saved. */
export const storedSectionSchema = z.object({ at: z.number(), value: z.unknown() });

/** Every section a household's intake can have, so its rows are found by their tags without an index. */
export function intakeSections(): IntakeSection[] {
  return [...lifeDomains.map((d): IntakeSection => `domain:${d.id}`), 'signals', 'finances', 'cursor'];
}

/** The row key of one section: an HMAC tag, the same on every unlock. */
export function intakeRowId(tagger: Tagger, householdId: string, section: IntakeSection): Promise<string> {
  return tagger.tag(...tagParts.intake(householdId, section));
}

/** Seals one section at its place; the row keeps no time and no household id in clear. */
export async function sealSection(key: CryptoKey, id: string, householdId: string, section: IntakeSection, value: unknown, at: number): Promise<EncryptedRow> {
  const sealed = await sealRecord(key, places.intake(householdId, section), { at, value });
  return { id, updatedAt: 0, iv: sealed.iv, data: sealed.data };
}

export function openIntakeRepository(deps: IntakeRepositoryDeps): DeviceIntakeRepository {
  const { db, key, clock } = deps;
  const history = deps.history ?? createHistoryLog({ db, key, clock, worker: deps.worker });
  const domainIds = new Set(lifeDomains.map((d) => d.id));
  const tagger = createTagger(key);
  const sections = intakeSections();
  const lenient = createIntakeSchemas(LENIENT_TODAY);
  const lenientSignals = z.array(lenient.recordedSignalSchema).max(200);
  let strict: { today: string; signals: typeof lenientSignals; finances: typeof lenient.financesSchema } | null = null;
  const states = new Map<string, Sections>();
  // Started, not awaited: unlock returns at once and the list learns urgency when the build emits.
  const start = deps.backgroundStart ?? Promise.resolve();
  const urgency = createUrgencyIndex({ db, key, tagger, start });
  const activity = createIntakeActivity({ db, key, tagger, start });

  /** Schemas for input, rebuilt only when the date changes (a keystroke must stay cheap). */
  function strictSchemas() {
    const today = isoDateOf(new Date(clock.now()));
    if (strict?.today !== today) {
      const s = createIntakeSchemas(today);
      strict = { today, signals: z.array(s.recordedSignalSchema).max(200), finances: s.financesSchema };
    }
    return strict;
  }

  async function readSections(householdId: string): Promise<Sections> {
    const ids = await Promise.all(sections.map((section) => intakeRowId(tagger, householdId, section)));
    const rows = await db.intakes.bulkGet(ids);
    const read: Sections = { domains: new Map(), signals: null, finances: null, cursor: null, updatedAt: null };
    await mapBounded(
      sections.map((section, i) => ({ section, row: rows[i] })),
      50,
      async ({ section, row }) => {
        if (!row) return;
        let stored: z.infer<typeof storedSectionSchema>;
        try {
          stored = storedSectionSchema.parse(await openRecord(key, places.intake(householdId, section), row.iv, row.data));
        } catch {
          throw new Error('Een deel van het gesprek kan niet worden geopend. Vraag de beheerder om hulp.');
        }
        const { value } = stored;
        if (section.startsWith('domain:')) read.domains.set(section.slice('domain:'.length), validate(domainEntrySchema, value));
        else if (section === 'signals') read.signals = validate(lenientSignals, value);
        else if (section === 'finances') read.finances = validate(lenient.financesSchema, value);
        else if (section === 'cursor') read.cursor = validate(cursorSchema, value).route;
        if (section !== 'cursor') read.updatedAt = Math.max(read.updatedAt ?? 0, stored.at);
      },
    );
    return read;
  }

  async function sectionsOf(householdId: string): Promise<Sections> {
    const known = states.get(householdId);
    if (known) return known;
    const read = await readSections(householdId);
    states.set(householdId, read);
    return read;
  }

  /** Encrypts first, then one transaction for the section and its history entry (no WebCrypto await inside). */
  async function commit(householdId: string, section: IntakeSection, value: unknown, change: HistoryChange | null, extra: SignalEventWrites | null = null): Promise<number> {
    const now = clock.now();
    const [row, entry, activityRow] = await Promise.all([
      intakeRowId(tagger, householdId, section).then((id) => sealSection(key, id, householdId, section, value, now)),
      change === null ? null : history.entryFor(householdId, change),
      // A change a person would notice also moves the household's "Gewijzigd" in the list.
      change === null ? null : intakeRowId(tagger, householdId, 'activity').then((id) => sealSection(key, id, householdId, 'activity', null, now)),
    ]);
    await db.transaction('rw', [db.intakes.name, db.history.name, ...(extra?.tables ?? [])], async () => {
      await db.intakes.put(row);
      if (activityRow) await db.intakes.put(activityRow);
      if (entry) await db.history.put(entry.row);
      await extra?.write();
    });
    entry?.committed();
    extra?.committed();
    if (activityRow) activity.touch(householdId, now);
    return now;
  }

  function assemble(householdId: string, s: Sections): Intake {
    const intake = emptyIntake(householdId, new Date(s.updatedAt ?? clock.now()).toISOString());
    for (const [domainId, entry] of s.domains) intake.domains[domainId] = structuredClone(entry);
    if (s.signals) intake.signals = structuredClone(s.signals);
    if (s.finances) intake.finances = structuredClone(s.finances);
    return intake;
  }

  function checkHousehold(householdId: string): void {
    validate(householdIdSchema, householdId, 'householdId');
  }

  async function sealIntake(intake: Intake, now: number): Promise<EncryptedRow[]> {
    const h = intake.householdId;
    const parts: [IntakeSection, unknown][] = [
      ...Object.entries(intake.domains).map(([d, e]): [IntakeSection, unknown] => [`domain:${d}`, e]),
      ['signals', intake.signals],
      ['finances', intake.finances],
      ['activity', null],
    ];
    return Promise.all(parts.map(async ([section, value]) => sealSection(key, await intakeRowId(tagger, h, section), h, section, value, now)));
  }

  return {
    async load(householdId) {
      checkHousehold(householdId);
      return history.serial(householdId, async () => {
        const read = await readSections(householdId);
        states.set(householdId, read);
        return assemble(householdId, read);
      });
    },

    async saveDomain(householdId, domainId, entry) {
      checkHousehold(householdId);
      if (!domainIds.has(domainId)) throw new IntakeValidationError([{ path: 'domainId', message: 'Dit leefgebied bestaat niet.' }]);
      const value = validate(domainEntrySchema, entry);
      return history.serial(householdId, async () => {
        const s = await sectionsOf(householdId);
        const at = await commit(householdId, `domain:${domainId}`, value, domainChange(domainId, s.domains.get(domainId) ?? null, value));
        s.domains.set(domainId, value);
        s.updatedAt = at;
      });
    },

    async saveSignals(householdId, signals) {
      checkHousehold(householdId);
      const value = validate(strictSchemas().signals, signals);
      return history.serial(householdId, async () => {
        const s = await sectionsOf(householdId);
        const events = (await deps.signalEvents?.prepare(householdId, value)) ?? null;
        s.updatedAt = await commit(householdId, 'signals', value, signalsChange(s.signals, value), events);
        s.signals = value;
        urgency.update(householdId, value);
      });
    },

    async saveFinances(householdId, finances) {
      checkHousehold(householdId);
      const value = validate(strictSchemas().finances, finances);
      return history.serial(householdId, async () => {
        const s = await sectionsOf(householdId);
        s.updatedAt = await commit(householdId, 'finances', value, financesChange(s.finances, value));
        s.finances = value;
      });
    },

    async saveCursor(householdId, route) {
      checkHousehold(householdId);
      const value = validate(cursorSchema, { route });
      return history.serial(householdId, async () => {
        const s = await sectionsOf(householdId);
        // Where the visit was is not a change to the intake: no history entry.
        await commit(householdId, 'cursor', value, null);
        s.cursor = value.route;
      });
    },

    async cursor(householdId) {
      checkHousehold(householdId);
      return history.serial(householdId, async () => (await sectionsOf(householdId)).cursor);
    },

    async history(householdId) {
      checkHousehold(householdId);
      return history.list(householdId);
    },

    urgency: () => urgency.current(),
    subscribeUrgency: (listener) => urgency.subscribe(listener),
    urgencyReady: () => urgency.ready(),
    lastChanges: () => activity.current(),
    subscribeLastChanges: (listener) => activity.subscribe(listener),
    close: () => {
      urgency.stop();
      activity.stop();
    },

    async importIntakes(intakes) {
      const valid = intakes.map((i) => validate(lenient.intakeSchema, i));
      for (let i = 0; i < valid.length; i += IMPORT_CHUNK) {
        const chunk = valid.slice(i, i + IMPORT_CHUNK);
        const rows = (await Promise.all(chunk.map((intake) => sealIntake(intake, Date.parse(intake.updatedAt))))).flat();
        await db.transaction('rw', db.intakes, async () => {
          await db.intakes.bulkPut(rows);
        });
        for (const intake of chunk) {
          states.delete(intake.householdId);
          urgency.update(intake.householdId, intake.signals);
          activity.touch(intake.householdId, Date.parse(intake.updatedAt));
        }
      }
    },
  };
}
