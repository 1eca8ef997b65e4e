import type { Household } from '../../../../shared/domain/household.schema';
import { places, tagParts } from '../crypto/places';
import { openRecord, sealRecord } from '../crypto/record';
import type { Tagger } from '../crypto/tags';
import type { KeukentafelDb } from '../db';

/**
 * One encrypted blob with every household, so unlock decrypts once instead of 10,000 times.
 * Every household write clears the snapshots table in the same transaction; it is only trusted when present.
 * Its key is an opaque tag; it is sealed to that place and padded to a 64 KiB step.
 */

const SNAPSHOT_NAME = 'households';
/** Bump when Household's shape changes: an old snapshot is then ignored and rebuilt from the rows. */
const SNAPSHOT_VERSION = 1;

interface SnapshotBody {
  v: number;
  households: Household[];
}

export async function loadHouseholdSnapshot(db: KeukentafelDb, key: CryptoKey, tagger: Tagger): Promise<Household[] | null> {
  const [row, count, newest] = await Promise.all([
    tagger.tag(...tagParts.snapshot(SNAPSHOT_NAME)).then((id) => db.snapshots.get(id)),
    db.households.count(),
    db.households.orderBy('updatedAt').last(),
  ]);
  if (!row) return null;
  try {
    const body = (await openRecord(key, places.snapshot(SNAPSHOT_NAME), row.iv, row.data)) as SnapshotBody;
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
  tagger: Tagger,
  households: Household[],
  now: number,
  isCurrent: () => boolean,
): Promise<boolean> {
  const body: SnapshotBody = { v: SNAPSHOT_VERSION, households };
  const [id, { iv, data }] = await Promise.all([tagger.tag(...tagParts.snapshot(SNAPSHOT_NAME)), sealRecord(key, places.snapshot(SNAPSHOT_NAME), body)]);
  return db.transaction('rw', db.snapshots, async () => {
    if (!isCurrent()) return false;
    await db.snapshots.put({ id, updatedAt: now, iv, data });
    return true;
  });
}
