import { mapBounded } from '../crypto/cipher';
import type { IntakeSection } from '../crypto/places';
import { places, tagParts } from '../crypto/places';
import { openRecord } from '../crypto/record';
import type { Tagger } from '../crypto/tags';
import type { KeukentafelDb } from '../db';

/** Rows fetched per read; keeps memory flat with 10,000 households. */
const READ_CHUNK = 500;
/** Decryptions in flight at once, so a background build never floods WebCrypto while the worker types. */
const DECRYPT_CONCURRENCY = 32;

export interface SectionScanDeps {
  db: KeukentafelDb;
  key: CryptoKey;
  /** Makes the sections' opaque row keys. */
  tagger: Tagger;
}

/**
 * Opens one intake section of every household on the device, for an index built in the background after
 * unlock: the household keys are cheap to read, and each one's row is found by its tag, in chunks.
 * `visit` gets each row as opened; a missing row is skipped, and so is one that does not open or that
 * `visit` cannot use (it throws). Stops between chunks and rows once `stopped()` says so. Rejects only when
 * the household keys cannot be read.
 */
export async function scanIntakeSections(
  { db, key, tagger }: SectionScanDeps,
  section: IntakeSection,
  stopped: () => boolean,
  visit: (householdId: string, opened: unknown) => void,
): Promise<void> {
  const keys = await db.households.toCollection().primaryKeys();
  const ids = keys.filter((k): k is string => typeof k === 'string');
  for (let i = 0; i < ids.length && !stopped(); i += READ_CHUNK) {
    const chunk = ids.slice(i, i + READ_CHUNK);
    const rows = await db.intakes.bulkGet(await Promise.all(chunk.map((h) => tagger.tag(...tagParts.intake(h, section)))));
    await mapBounded(
      chunk.map((householdId, j) => ({ householdId, row: rows[j] })),
      DECRYPT_CONCURRENCY,
      async ({ householdId, row }) => {
        if (!row || stopped()) return;
        try {
          visit(householdId, await openRecord(key, places.intake(householdId, section), row.iv, row.data));
        } catch {
          return;
        }
      },
    );
  }
}
