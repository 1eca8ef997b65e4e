import type { Household } from '../../../../shared/domain/household.schema';
import { places, tagParts } from '../crypto/places';
import { openRecord, sealRecord } from '../crypto/record';
import type { Tagger } from '../crypto/tags';
import type { KeukentafelDb } from '../db';

/**
 * One encrypted blob with every household, so unlock decrypts once instead of 10,000 times.
 * Every household write clears the snapshots table and bumps a revision in the same transaction;
 * a snapshot is trusted only for the revision it was built at and the current row count.
 * (Household rows keep no time in clear, so the newest edit cannot be read from the rows.)
 * Its key is an opaque tag; it is sealed to that place and padded to a 64 KiB step.
 */

const SNAPSHOT_NAME = 'households';
/** Bump when Household's shape changes: an old snapshot is then ignored and rebuilt from the rows. */
const SNAPSHOT_VERSION = 2;
/** Counts household writes; kept in the checkpoints table. */
export const HOUSEHOLDS_REVISION = 'households-revision';

interface SnapshotBody {
  v: number;
  revision: number;
  households: Household[];
}

async function revisionOf(db: KeukentafelDb): Promise<number> {
  return (await db.checkpoints.get(HOUSEHOLDS_REVISION))?.value ?? 0;
}

/** Marks a household write; call inside the write's transaction (which must cover db.checkpoints). */
export async function bumpHouseholdsRevision(db: KeukentafelDb): Promise<void> {
  await db.checkpoints.put({ id: HOUSEHOLDS_REVISION, value: (await revisionOf(db)) + 1 });
}

export async function loadHouseholdSnapshot(db: KeukentafelDb, key: CryptoKey, tagger: Tagger): Promise<Household[] | null> {
  const [row, count, revision] = await Promise.all([
    tagger.tag(...tagParts.snapshot(SNAPSHOT_NAME)).then((id) => db.snapshots.get(id)),
    db.households.count(),
    revisionOf(db),
  ]);
  if (!row) return null;
  try {
    const body = (await openRecord(key, places.snapshot(SNAPSHOT_NAME), row.iv, row.data)) as SnapshotBody;
    // Sealed to its place and written by this code, so a version, count and revision check is enough here.
    if (body.v !== SNAPSHOT_VERSION || !Array.isArray(body.households) || body.households.length !== count) return null;
    // A snapshot put back from before a later write would show old data.
    if (body.revision !== revision) return null;
    return body.households;
  } catch {
    return null;
  }
}

/** Writes the snapshot unless a household write happened meanwhile (`isCurrent` turns false, or the revision moved). */
export async function saveHouseholdSnapshot(
  db: KeukentafelDb,
  key: CryptoKey,
  tagger: Tagger,
  households: Household[],
  now: number,
  isCurrent: () => boolean,
): Promise<boolean> {
  const revision = await revisionOf(db);
  const body: SnapshotBody = { v: SNAPSHOT_VERSION, revision, households };
  const [id, { iv, data }] = await Promise.all([tagger.tag(...tagParts.snapshot(SNAPSHOT_NAME)), sealRecord(key, places.snapshot(SNAPSHOT_NAME), body)]);
  return db.transaction('rw', db.snapshots, db.checkpoints, async () => {
    if (!isCurrent() || (await revisionOf(db)) !== revision) return false;
    await db.snapshots.put({ id, updatedAt: now, iv, data });
    return true;
  });
}
