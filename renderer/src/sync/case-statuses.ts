import type { Change } from '../../../shared/api/changes';
import { changeSchema } from '../../../shared/api/changes';
import { mapBounded } from '../data/crypto/cipher';
import { places, tagParts } from '../data/crypto/places';
import { openRecord, sealRecord } from '../data/crypto/record';
import type { Tagger } from '../data/crypto/tags';
import type { EncryptedRow, KeukentafelDb } from '../data/db';

/**
 * Handover statuses the hub reported, one sealed row per feed position: the row's owner is a tag of
 * the case (no case id in clear), its ciphertext is bound to the case and the position.
 */

export async function sealCaseStatuses(key: CryptoKey, tagger: Tagger, changes: readonly Change[]): Promise<EncryptedRow[]> {
  return mapBounded(changes, 100, async (change) => {
    const [owner, { iv, data }] = await Promise.all([tagger.tag(...tagParts.caseStatusOwner(change.caseId)), sealRecord(key, places.caseStatus(change.caseId, change.seq), change)]);
    return { id: String(change.seq), owner, updatedAt: Date.parse(change.changedAt), iv, data };
  });
}

/** Every handover status the hub reported for one case, oldest first; rows that cannot be read are left out. */
export async function caseStatusesOf(db: KeukentafelDb, key: CryptoKey, tagger: Tagger, caseId: string): Promise<Change[]> {
  const rows = await db.caseStatuses.where('owner').equals(await tagger.tag(...tagParts.caseStatusOwner(caseId))).toArray();
  const read = await Promise.all(
    rows.map(async (row) => {
      try {
        const change = changeSchema.parse(await openRecord(key, places.caseStatus(caseId, Number(row.id)), row.iv, row.data));
        return change.caseId === caseId ? change : null;
      } catch {
        return null;
      }
    }),
  );
  return read.filter((c): c is Change => c !== null).sort((a, b) => a.seq - b.seq);
}
