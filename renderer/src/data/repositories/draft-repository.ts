import { z } from 'zod';
import type { DraftRepository } from '../contracts';
import { places, tagParts } from '../crypto/places';
import { openRecord, sealRecord } from '../crypto/record';
import { createTagger } from '../crypto/tags';
import type { KeukentafelDb } from '../db';
import type { Clock } from '../ports';

/**
 * Half-typed forms, encrypted like every other personal record, one row per form. The row key is an
 * opaque tag of the draft's name (which names a form and a household), and the row is sealed to it.
 * Operations on one draft run in call order, so a late save can never bring back a discarded draft.
 */

export interface DraftRepositoryDeps {
  db: KeukentafelDb;
  key: CryptoKey;
  clock: Clock;
}

/** e.g. `household:new` or `household:<uuid>`: a form kind and what it edits, never personal data. */
const draftIdSchema = z.string().regex(/^[a-z]+(-[a-z]+)*:[a-z0-9-]{1,64}$/, 'Dit concept heeft een ongeldige naam.');

function checkId(id: string): string {
  const parsed = draftIdSchema.safeParse(id);
  if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? 'Dit concept heeft een ongeldige naam.');
  return parsed.data;
}

export function openDraftRepository(deps: DraftRepositoryDeps): DraftRepository {
  const { db, key, clock } = deps;
  const chains = new Map<string, Promise<unknown>>();
  const tagger = createTagger(key);
  const rowId = (id: string) => tagger.tag(...tagParts.draft(id));

  function serial<T>(id: string, task: () => Promise<T>): Promise<T> {
    const run = (chains.get(id) ?? Promise.resolve()).then(task);
    const tail = run.catch(() => undefined);
    chains.set(id, tail);
    // Forget the chain once idle, so the map does not grow with every form ever opened.
    void tail.then(() => {
      if (chains.get(id) === tail) chains.delete(id);
    });
    return run;
  }

  return {
    load(id) {
      checkId(id);
      return serial(id, async () => {
        const rowKey = await rowId(id);
        const row = await db.drafts.get(rowKey);
        if (!row) return null;
        try {
          return await openRecord(key, places.draft(id), row.iv, row.data);
        } catch {
          // A draft that cannot be opened (e.g. another key, or copied from another form) is worth nothing: the form starts clean.
          await db.drafts.delete(rowKey);
          return null;
        }
      });
    },

    save(id, value) {
      checkId(id);
      return serial(id, async () => {
        const [rowKey, sealed] = await Promise.all([rowId(id), sealRecord(key, places.draft(id), value)]);
        await db.drafts.put({ id: rowKey, updatedAt: clock.now(), iv: sealed.iv, data: sealed.data });
      });
    },

    discard(id) {
      checkId(id);
      return serial(id, async () => {
        await db.drafts.delete(await rowId(id));
      });
    },
  };
}
