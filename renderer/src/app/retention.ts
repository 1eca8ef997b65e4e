import { caseStatusesOf } from '../sync/case-statuses';
import { places, tagParts } from '../data/crypto/places';
import { openRecord } from '../data/crypto/record';
import { handoverRecordSchema, sentVersionKeys, withdrawalKeys } from '../data/repositories/handover-repository';
import type { Tagger } from '../data/crypto/tags';
import { createTagger } from '../data/crypto/tags';
import type { KeukentafelDb } from '../data/db';
import { mapBounded } from '../data/crypto/cipher';
import { intakeRowId, intakeSections } from '../data/repositories/intake-repository';

const dayMs = 86_400_000;

export interface RetentionDeps {
  db: KeukentafelDb;
  key: CryptoKey;
  /** The tagger of the data key; a fresh one from `key` when absent. */
  tagger?: Tagger;
  /** Now, in ms since the epoch (the device clock). */
  now: number;
  /** settings.retentionDaysClosedCases. */
  days: number;
}

/** When a household's case was closed, from the hub's statuses: the latest status must be 'closed'; else null. */
async function closedAt(db: KeukentafelDb, key: CryptoKey, tagger: Tagger, householdId: string): Promise<number | null> {
  const statuses = await caseStatusesOf(db, key, tagger, householdId);
  const last = statuses.at(-1);
  return last?.status === 'closed' ? Date.parse(last.changedAt) : null;
}

/**
 * The outbox and sync-state keys of a household's handover messages: every dossier version and consent
 * withdrawal it sent. Those messages are keyed by their own ids, not the household's, so only the
 * household's sealed handover row can say which are its own.
 */
async function handoverMessageKeys(db: KeukentafelDb, key: CryptoKey, rowId: string, householdId: string): Promise<[string, string][]> {
  const row = await db.handovers.get(rowId);
  if (!row) return [];
  const opened = handoverRecordSchema.safeParse(await openRecord(key, places.handover(householdId), row.iv, row.data).catch(() => null));
  // A row that does not open cannot say which messages are its own; the household goes all the same.
  if (!opened.success) return [];
  return [...sentVersionKeys(opened.data), ...withdrawalKeys(opened.data)];
}

/**
 * Retention on the device: a household whose case the hub reported closed `days` or more ago is deleted
 * with everything of it — household row, intake sections, history, draft, handover, signal event ids,
 * statuses, its outbox and sync-state rows (its dossier versions and consent withdrawals included), and the household list snapshot (rebuilt at the next unlock) —
 * in one transaction, so a crash leaves either all of it or none. Returns the ids purged.
 * Run it at unlock, before the repositories load their caches.
 */
export async function purgeClosedHouseholds(deps: RetentionDeps): Promise<string[]> {
  const { db, key, now, days } = deps;
  const tagger = deps.tagger ?? createTagger(key);
  // Unlock waits for this: read statuses only for households that have any, and tag them in parallel.
  const owners = new Set((await db.caseStatuses.orderBy('owner').uniqueKeys()).map(String));
  if (owners.size === 0) return [];
  const ids = (await db.households.toCollection().primaryKeys()).map(String);
  const tagged = await mapBounded(ids, 500, async (id) => ({ id, owner: await tagger.tag(...tagParts.caseStatusOwner(id)) }));
  const due: string[] = [];
  for (const { id, owner } of tagged) {
    if (!owners.has(owner)) continue;
    const at = await closedAt(db, key, tagger, id);
    if (at !== null && now - at >= days * dayMs) due.push(id);
  }
  if (due.length === 0) return [];
  // Tags are HMACs (WebCrypto, async): compute them all before the transaction, which must not await them.
  const keys = await Promise.all(
    due.map(async (id) => ({
      id,
      intakes: await Promise.all([...intakeSections(), 'activity' as const].map((s) => intakeRowId(tagger, id, s))),
      historyOwner: await tagger.tag(...tagParts.historyOwner(id)),
      draft: await tagger.tag(...tagParts.draft(`household:${id}`)),
      handover: await tagger.tag(...tagParts.handover(id)),
      signalEventIds: await tagger.tag(...tagParts.signalEventIds(id)),
      statusOwner: await tagger.tag(...tagParts.caseStatusOwner(id)),
    })),
  );
  const messages = await Promise.all(keys.map((k) => handoverMessageKeys(db, key, k.handover, k.id)));
  const snapshot = await tagger.tag(...tagParts.snapshot('households'));
  await db.transaction(
    'rw',
    [db.households, db.intakes, db.history, db.drafts, db.handovers, db.signalEventIds, db.caseStatuses, db.outbox, db.syncStates, db.snapshots],
    async () => {
      for (const [i, k] of keys.entries()) {
        await db.households.delete(k.id);
        await db.intakes.bulkDelete(k.intakes);
        await db.history.where('owner').equals(k.historyOwner).delete();
        await db.drafts.delete(k.draft);
        await db.handovers.delete(k.handover);
        await db.signalEventIds.delete(k.signalEventIds);
        await db.caseStatuses.where('owner').equals(k.statusOwner).delete();
        await db.outbox.where('entityId').equals(k.id).delete();
        await db.syncStates.where('entityId').equals(k.id).delete();
        if (messages[i]!.length > 0) {
          await db.outbox.where('[kind+entityId]').anyOf(messages[i]!).delete();
          await db.syncStates.where('[kind+entityId]').anyOf(messages[i]!).delete();
        }
      }
      await db.snapshots.delete(snapshot);
    },
  );
  return due;
}
