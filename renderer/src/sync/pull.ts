import type { Tagger } from '../data/crypto/tags';
import type { KeukentafelDb } from '../data/db';
import { sealCaseStatuses } from './case-statuses';
import type { HubApi } from './hub-client';
import type { KindRegistry } from './kinds';
import type { HubFailure } from './outbox-failures';

/**
 * Pulls the hub's change feed from the stored checkpoint. Every status of a case on this device is
 * kept (encrypted) for the handover screens; a change that confirms an outbox kind (the hub has the
 * case, its answer got lost) settles that kind's items. Status rows, confirmations and the new
 * checkpoint are written in one transaction, so a crash replays the page instead of skipping it.
 */

export const CHANGES_CHECKPOINT = 'changes';
/** Pages per run, so a feed that keeps saying "more" cannot hold the engine. */
const MAX_PAGES = 100;

export interface PullDeps {
  db: KeukentafelDb;
  key: CryptoKey;
  tagger: Tagger;
  hub: HubApi;
  kinds: KindRegistry;
  stopped(): boolean;
  contacted(): void;
  failed(answer: HubFailure): void;
  /** Entities a change confirmed, by kind. */
  confirmed(pairs: readonly { kind: string; entityId: string }[]): void;
}

export async function pullChanges(deps: PullDeps): Promise<void> {
  const { db } = deps;
  for (let page = 0; page < MAX_PAGES && !deps.stopped(); page++) {
    const since = (await db.checkpoints.get(CHANGES_CHECKPOINT))?.value ?? 0;
    const answer = await deps.hub.changes(since);
    if (answer.kind !== 'ok') {
      deps.failed(answer);
      return;
    }
    deps.contacted();
    const { checkpoint, changes, more } = answer.value;
    const known = new Set((await db.households.bulkGet(changes.map((c) => c.caseId))).flatMap((row) => (row ? [row.id] : [])));
    const ours = changes.filter((c) => known.has(c.caseId));
    const rows = await sealCaseStatuses(deps.key, deps.tagger, ours);
    const confirmations = ours.flatMap((change) =>
      [...deps.kinds.values()].flatMap((kind) => {
        const entityId = kind.confirmedBy?.(change) ?? null;
        return entityId === null ? [] : [{ kind: kind.name, entityId, at: Date.parse(change.changedAt) }];
      }),
    );
    await db.transaction('rw', [db.caseStatuses, db.syncStates, db.outbox, db.checkpoints], async () => {
      await db.caseStatuses.bulkPut(rows);
      for (const { kind, entityId, at } of confirmations) {
        await db.syncStates.put({ kind, entityId, state: 'received', at });
        await db.outbox.where('[kind+entityId]').equals([kind, entityId]).delete();
      }
      await db.checkpoints.put({ id: CHANGES_CHECKPOINT, value: checkpoint });
    });
    deps.confirmed(confirmations);
    if (!more || checkpoint <= since) return;
  }
}
