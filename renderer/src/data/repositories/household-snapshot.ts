import type { Household } from '../../../../shared/domain/household.schema';
import { decryptJson, encryptJson } from '../crypto/cipher';
import type { KeukentafelDb } from '../db';

/**
 * One encrypted blob with every household, so unlock decrypts once instead of 10,000 times.
 * Every household write deletes it in the same transaction; it is only trusted when present.
 */

export const SNAPSHOT_ID = 'households';
/** Bump when Household's shape changes: an old snapshot is then ignored and rebuilt from the rows. */
const SNAPSHOT_VERSION = 1;

interface SnapshotBody {
  v: number;
  households: Household[];
}

export async function loadHouseholdSnapshot(db: KeukentafelDb, key: CryptoKey): Promise<Household[] | null> {
  const [row, count, newest] = await Promise.all([
    db.snapshots.get(SNAPSHOT_ID),
    db.households.count(),
    db.households.orderBy('updatedAt').last(),
  ]);
  if (!row) return null;
  try {
    const body = (await decryptJson(key, row.iv, row.data)) as SnapshotBody;
    // Authenticated by AES-GCM and written by this code, so a version, count and newest-edit check is enough here.
    if (body.v !== SNAPSHOT_VERSION || !Array.isArray(body.households) || body.households.length !== count) return null;
    // A snapshot that misses the newest edit (left by an older app version) would show old data.
    const snapshotNewest = body.households.reduce((max, h) => Math.max(max, Date.parse(h.updatedAt)), 0);
    if (snapshotNewest !== (newest?.updatedAt ?? 0)) return null;
    return body.households;
  } catch {
    return null;
  }
}

/** Writes the snapshot unless a household write happened meanwhile (`isCurrent` turns false). */
export async function saveHouseholdSnapshot(
  db: KeukentafelDb,
  key: CryptoKey,
  households: Household[],
  now: number,
  isCurrent: () => boolean,
): Promise<boolean> {
  const body: SnapshotBody = { v: SNAPSHOT_VERSION, households };
  const { iv, data } = await encryptJson(key, body);
  return db.transaction('rw', db.snapshots, async () => {
    if (!isCurrent()) return false;
    await db.snapshots.put({ id: SNAPSHOT_ID, updatedAt: now, iv, data });
    return true;
  });
}
