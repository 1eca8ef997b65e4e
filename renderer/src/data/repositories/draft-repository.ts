import { z } from 'zod';
import type { DraftRepository } from '../contracts';
import { decryptJson, encryptJson } from '../crypto/cipher';
import type { KeukentafelDb } from '../db';
import type { Clock } from '../ports';

/**
 * Half-typed forms, encrypted like every other personal record, one row per form.
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
        const row = await db.drafts.get(id);
        if (!row) return null;
        try {
          return await decryptJson(key, row.iv, row.data);
        } catch {
          // A draft that cannot be opened (e.g. another key) is worth nothing: the form starts clean.
          await db.drafts.delete(id);
          return null;
        }
      });
    },

    save(id, value) {
      checkId(id);
      return serial(id, async () => {
        const sealed = await encryptJson(key, value);
        await db.drafts.put({ id, updatedAt: clock.now(), iv: sealed.iv, data: sealed.data });
      });
    },

    discard(id) {
      checkId(id);
      return serial(id, async () => {
        await db.drafts.delete(id);
      });
    },
  };
}
