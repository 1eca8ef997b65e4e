import { z } from 'zod';
import type { Dossier } from '../../../../shared/api/dossier';
import type { Consent } from '../../../../shared/domain/consent.schema';
import { consentSchema, withdrawConsent } from '../../../../shared/domain/consent.schema';
import type { ConsentWithdrawalRequest, DossierVersionRequest } from '../../../../shared/api/handover';
import type { OutboxMessageOf, OutboxSealer } from '../outbox-port';
import { CONSENT_WITHDRAWAL_KIND, DOSSIER_KIND, dossierEntity, enqueue } from '../outbox-port';
import { places, tagParts } from '../crypto/places';
import { mapBounded } from '../crypto/cipher';
import { openRecord, sealRecord } from '../crypto/record';
import { createTagger } from '../crypto/tags';
import type { EncryptedRow, KeukentafelDb } from '../db';
import type { Clock } from '../ports';

/**
 * A household's warm handover on the device, one sealed row per household (its key an opaque tag):
 * the consent form as the worker fills it in (autosaved), the consent as it was sent, and the dossier
 * versions sent per recipient. Sending writes the row and the dossier messages in one transaction;
 * so does a withdrawal with its message. Operations on one household run in call order.
 */

/** The form's raw state; the page checks it with consentFromForm. */
export const storedConsentFormSchema = z.object({
  domains: z.array(z.string()),
  finances: z.boolean(),
  signals: z.boolean(),
  notes: z.boolean(),
  recipients: z.array(z.string()),
  method: z.enum(['spoken', 'signed']).nullable(),
});
export type StoredConsentForm = z.infer<typeof storedConsentFormSchema>;

const sentVersionSchema = z.object({ recipientId: z.string(), dossierId: z.uuid(), version: z.int().min(1), sentAt: z.iso.datetime() });

export const handoverRecordSchema = z.object({
  householdId: z.uuid(),
  form: storedConsentFormSchema,
  /** The id the next consent gets; a new one after a withdrawal. */
  consentId: z.uuid(),
  /** Per recipient, the dossier id the next version belongs to; new ones after a withdrawal. */
  dossierIds: z.record(z.string(), z.uuid()),
  /** The consent as it was last sent (null before the first send, and again after a withdrawal started over). */
  consent: consentSchema.nullable(),
  /** Every dossier version sent, oldest first. */
  sent: z.array(sentVersionSchema),
  /** Consents withdrawn, oldest first. */
  withdrawn: z.array(z.object({ consentId: z.uuid(), withdrawnOn: z.iso.date(), recipients: z.array(z.string()) })),
  /** The status the worker last saw on the household page (a key from the handover feature); absent in rows from before. */
  seen: z.string().optional(),
});
export type HandoverRecord = z.infer<typeof handoverRecordSchema>;
export type SentVersion = z.infer<typeof sentVersionSchema>;

export interface HandoverRepository {
  /** The household's handover; a fresh one (stored) when none was started. */
  load(householdId: string): Promise<HandoverRecord>;
  /** Autosave of the consent form. */
  saveForm(householdId: string, form: StoredConsentForm): Promise<HandoverRecord>;
  /**
   * Stores the consent and enqueues one new dossier version per recipient, in one transaction. `dossier`
   * must be built with `consent` (its id, household and recipients); anything else throws and stores nothing.
   */
  send(householdId: string, consent: Consent, dossier: Dossier): Promise<HandoverRecord>;
  /** Records the withdrawal and enqueues it for the hub, in one transaction; the next consent starts over. */
  withdraw(householdId: string, today: string): Promise<HandoverRecord>;
  /** What the hub confirmed receiving on this device's side: the dossier versions and withdrawals it answered. */
  delivery(record: HandoverRecord): Promise<HandoverDelivery>;
  /** The household's handover as stored, or null when none was started; writes nothing. */
  peek(householdId: string): Promise<HandoverRecord | null>;
  /** Remembers the status the worker saw on the household page (sealed in the household's row). */
  markSeen(householdId: string, statusKey: string): Promise<void>;
  /** How many of these households have a consent form started but not sent: a handover that still sits on this device. */
  countUnsent(householdIds: readonly string[]): Promise<number>;
  /** Called after a form save, a send or a withdrawal. */
  subscribe(listener: () => void): () => void;
}

/** A form the worker started (something chosen) whose consent was not sent yet. */
export function isUnsent(record: HandoverRecord): boolean {
  const f = record.form;
  const started = f.domains.length > 0 || f.recipients.length > 0 || f.finances || f.signals || f.notes || f.method !== null;
  return record.consent === null && started;
}

/** The outbox and sync-state keys ([kind, entity]) of every dossier version the household sent. */
export const sentVersionKeys = (record: HandoverRecord): [string, string][] => record.sent.map((s) => [DOSSIER_KIND, dossierEntity(s.dossierId, s.version)]);

/** The outbox and sync-state keys of every consent withdrawal the household sent. */
export const withdrawalKeys = (record: HandoverRecord): [string, string][] => record.withdrawn.map((w) => [CONSENT_WITHDRAWAL_KIND, w.consentId]);

export interface HandoverDelivery {
  /** The newest version sent that the hub confirmed; null when none. */
  confirmedVersion: SentVersion | null;
  /** Versions still on this device (waiting or stuck). */
  waiting: number;
  /** Consent ids whose withdrawal the hub confirmed. */
  withdrawalsConfirmed: string[];
}

export interface HandoverRepositoryDeps {
  db: KeukentafelDb;
  key: CryptoKey;
  clock: Clock;
  newId?: () => string;
  /** Seals dossier versions and withdrawals (sync/outbox's createOutbox). */
  outbox: OutboxSealer<HandoverMessage>;
}

/** What a handover puts in the outbox (sync/kinds/dossier.ts and consent-withdrawal.ts send it). */
export type HandoverMessage =
  | OutboxMessageOf<typeof DOSSIER_KIND, DossierVersionRequest & { dossier: Dossier }>
  | OutboxMessageOf<typeof CONSENT_WITHDRAWAL_KIND, ConsentWithdrawalRequest>;

const emptyForm = (): StoredConsentForm => ({ domains: [], finances: false, signals: false, notes: false, recipients: [], method: null });

export function openHandoverRepository(deps: HandoverRepositoryDeps): HandoverRepository {
  const { db, key, clock } = deps;
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const tagger = createTagger(key);
  const { outbox } = deps;
  const chains = new Map<string, Promise<unknown>>();
  // Every household's row key, kept for the session: the header counts unsent handovers over all households
  // after each change, and the tagger remembers only the most recent 2,000 tags.
  const rowIds = new Map<string, Promise<string>>();
  const rowId = (householdId: string): Promise<string> => {
    const known = rowIds.get(householdId);
    if (known) return known;
    const made = tagger.tag(...tagParts.handover(householdId));
    rowIds.set(householdId, made);
    made.catch(() => rowIds.delete(householdId));
    return made;
  };

  function serial<T>(householdId: string, task: () => Promise<T>): Promise<T> {
    const run = (chains.get(householdId) ?? Promise.resolve()).then(task);
    const tail = run.catch(() => undefined);
    chains.set(householdId, tail);
    void tail.then(() => {
      if (chains.get(householdId) === tail) chains.delete(householdId);
    });
    return run;
  }

  const fresh = (householdId: string): HandoverRecord => ({
    householdId,
    form: emptyForm(),
    consentId: newId(),
    dossierIds: {},
    consent: null,
    sent: [],
    withdrawn: [],
  });

  const listeners = new Set<() => void>();
  const notify = <T>(value: T): T => {
    for (const l of listeners) l();
    return value;
  };

  async function peek(householdId: string): Promise<HandoverRecord | null> {
    const row = await db.handovers.get(await rowId(householdId));
    return row ? handoverRecordSchema.parse(await openRecord(key, places.handover(householdId), row.iv, row.data)) : null;
  }

  async function read(householdId: string): Promise<HandoverRecord> {
    const row = await db.handovers.get(await rowId(householdId));
    if (!row) {
      // Stored at once, so the consent and dossier ids stay the same from the first look to the send.
      const record = fresh(householdId);
      await db.handovers.put(await seal(record));
      return record;
    }
    // A row that does not open throws: a consent is never guessed at.
    return handoverRecordSchema.parse(await openRecord(key, places.handover(householdId), row.iv, row.data));
  }

  async function seal(record: HandoverRecord): Promise<EncryptedRow> {
    const [id, sealed] = await Promise.all([rowId(record.householdId), sealRecord(key, places.handover(record.householdId), record)]);
    return { id, updatedAt: 0, iv: sealed.iv, data: sealed.data };
  }

  return {
    async delivery(record) {
      const [states, withdrawals] = await Promise.all([db.syncStates.bulkGet(sentVersionKeys(record)), db.syncStates.bulkGet(withdrawalKeys(record))]);
      const confirmedVersions = record.sent.filter((_, i) => states[i] !== undefined);
      return {
        confirmedVersion: confirmedVersions.at(-1) ?? null,
        waiting: record.sent.length - confirmedVersions.length,
        withdrawalsConfirmed: record.withdrawn.filter((_, i) => withdrawals[i] !== undefined).map((w) => w.consentId),
      };
    },

    load: (householdId) => serial(householdId, () => read(householdId)),

    peek: (householdId) => serial(householdId, () => peek(householdId)),

    markSeen: (householdId, statusKey) =>
      serial(householdId, async () => {
        const before = await read(householdId);
        if (before.seen === statusKey) return;
        await db.handovers.put(await seal({ ...before, seen: statusKey }));
      }),

    async countUnsent(householdIds) {
      // A row exists only where a handover was opened: one key scan, then only those rows are read and opened,
      // instead of a read per household (10,000 reads right after unlock, while the list is being shown).
      const stored = new Set((await db.handovers.toCollection().primaryKeys()).map(String));
      if (stored.size === 0) return 0;
      const withRow = await mapBounded(householdIds, 500, async (id) => (stored.has(await rowId(id)) ? id : null));
      const opened = withRow.filter((id): id is string => id !== null);
      const records = await Promise.all(opened.map((id) => peek(id).catch(() => null)));
      return records.filter((r) => r !== null && isUnsent(r)).length;
    },

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    saveForm: (householdId, form) =>
      serial(householdId, async () => {
        const record = { ...(await read(householdId)), form: storedConsentFormSchema.parse(form) };
        await db.handovers.put(await seal(record));
        return notify(record);
      }),

    send: (householdId, consent, dossier) =>
      serial(householdId, async () => {
        const before = await read(householdId);
        const checked = consentSchema.parse(consent);
        if (checked.householdId !== householdId || dossier.caseId !== householdId) throw new Error('The consent or dossier belongs to another household');
        if (checked.id !== before.consentId || dossier.consent.consentId !== checked.id) throw new Error('The dossier was not built with this consent');
        const sentAt = new Date(clock.now()).toISOString();
        const dossierIds = { ...before.dossierIds };
        const versions: SentVersion[] = checked.recipients.map((recipientId) => {
          const dossierId = (dossierIds[recipientId] ??= newId());
          const last = before.sent.filter((s) => s.dossierId === dossierId).reduce((max, s) => Math.max(max, s.version), 0);
          return { recipientId, dossierId, version: last + 1, sentAt };
        });
        const messages = versions.map(
          (v): HandoverMessage => ({ kind: DOSSIER_KIND, body: { dossierId: v.dossierId, caseId: householdId, recipientId: v.recipientId, version: v.version, dossier } }),
        );
        const record: HandoverRecord = { ...before, consent: checked, dossierIds, sent: [...before.sent, ...versions] };
        const [sealed, row] = await Promise.all([outbox.seal(messages), seal(record)]);
        await db.transaction('rw', db.handovers, db.outbox, async () => {
          await db.handovers.put(row);
          await enqueue(db, sealed);
        });
        return notify(record);
      }),

    withdraw: (householdId, today) =>
      serial(householdId, async () => {
        const before = await read(householdId);
        if (before.consent === null) return before;
        const ended: Consent = withdrawConsent(before.consent, today);
        const withdrawnOn = ended.withdrawnOn ?? today;
        const messages: HandoverMessage[] = [{ kind: CONSENT_WITHDRAWAL_KIND, body: { caseId: householdId, consentId: ended.id, withdrawnOn } }];
        // Start over: a new consent gets new ids, so nothing sent later belongs to the withdrawn one.
        const record: HandoverRecord = {
          ...before,
          form: emptyForm(),
          consentId: newId(),
          dossierIds: {},
          consent: null,
          withdrawn: [...before.withdrawn, { consentId: ended.id, withdrawnOn, recipients: ended.recipients }],
        };
        const [sealed, row] = await Promise.all([outbox.seal(messages), seal(record)]);
        // Dossier versions of this consent still waiting on the device never leave it now.
        const unsent = before.sent.filter((s) => before.dossierIds[s.recipientId] === s.dossierId).map((s): [string, string] => [DOSSIER_KIND, dossierEntity(s.dossierId, s.version)]);
        await db.transaction('rw', db.handovers, db.outbox, async () => {
          await db.handovers.put(row);
          await db.outbox.where('[kind+entityId]').anyOf(unsent).delete();
          await enqueue(db, sealed);
        });
        return notify(record);
      }),
  };
}
