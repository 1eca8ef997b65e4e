import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { User } from '../../../shared/api/auth';
import type { ConsentWithdrawalRequest, ConsentWithdrawalResponse } from '../../../shared/api/handover';
import { dutchDateOf } from '../../../shared/domain/urgency';
import type { Db } from '../db/database';
import { auditedTransaction } from './audit';
import { lockTeamsForChanges, recordChanges } from './changes';
import type { CheckedVersion, PushOutcome } from './dossier-push';
import { checkVersion, KeyTakenMeanwhile, storeVersions } from './dossier-push';
import type { HubCipher } from './hub-key';
import { claimKeys, hashBody } from './idempotency';
import { mayActOn } from './policy';

export const consentWithdrawScope = 'consent.withdraw';

/** Versions checked per step of a push to a database server (see push). */
export const pushChunk = 50;
/** Checks between two turns of the event loop while the database stores the step before (about half a millisecond). */
const yieldEvery = 5;

/** A version that passed its checks, with its place in the request. */
interface Checked {
  index: number;
  version: CheckedVersion;
}

/** Both results once both have settled, or the first failure: nothing runs on after an error. */
async function bothSettled<A, B>(a: Promise<A>, b: Promise<B>): Promise<[A, B]> {
  const [x, y] = await Promise.allSettled([a, b]);
  if (x.status === 'rejected') throw x.reason;
  if (y.status === 'rejected') throw y.reason;
  return [x.value, y.value];
}

export type WithdrawOutcome =
  | { kind: 'withdrawn' | 'replayed'; status: number; response: ConsentWithdrawalResponse }
  | { kind: 'key-reused' | 'case-not-found' | 'case-of-other-team' };

export interface DossierService {
  /** Dossier versions from a device, each with its idempotency key; outcomes in the items' order. */
  push(user: User, items: readonly { idempotencyKey: string; request: unknown }[]): Promise<PushOutcome[]>;
  withdraw(user: User, key: string, body: ConsentWithdrawalRequest): Promise<WithdrawOutcome>;
}

export function createDossierService({ db, clock, cipher }: { db: Db; clock: () => Date; cipher: HubCipher }): DossierService {
  return {
    async push(user, items) {
      const now = clock();
      const today = dutchDateOf(now.toISOString());
      const outcomes: PushOutcome[] = [];
      // Parse, size, consent and seal outside the database, a chunk at a time. A database server stores one
      // chunk while this process checks the next, so the two work side by side; an embedded database runs on
      // this thread, so it gets the whole batch at once. Versions of one dossier in two chunks keep their
      // order: a chunk is stored only after the one before it.
      const chunkSize = db.kind === 'postgres' ? pushChunk : Math.max(1, items.length);
      const valid: Checked[] = [];
      let next = 0;
      const checkChunk = async (yieldBetween: boolean): Promise<Checked[]> => {
        const chunk: Checked[] = [];
        const end = Math.min(items.length, next + chunkSize);
        for (; next < end; next++) {
          const item = items[next]!;
          const checked = checkVersion(item.idempotencyKey, item.request, today, cipher);
          if (checked.ok) chunk.push({ index: next, version: checked.version });
          else outcomes[next] = { kind: 'refused', refusal: checked.refusal };
          // Lets the database client read answers and send the next statement every few checks.
          if (yieldBetween && next % yieldEvery === 0) await yieldToLoop();
        }
        valid.push(...chunk);
        return chunk;
      };
      const store = (first: Checked[], checkTheRest: boolean) =>
        auditedTransaction(db, now, async (tx, trail) => {
          await lockTeamsForChanges(tx, db.kind, [user.teamId]);
          for (let chunk: Checked[] | null = first; chunk !== null; ) {
            const stored: Checked[] = chunk;
            const [outcomesOfChunk, following] = await bothSettled<PushOutcome[], Checked[] | null>(
              stored.length === 0 ? Promise.resolve([]) : storeVersions(tx, trail, user, now, stored.map((c) => c.version)),
              checkTheRest && next < items.length ? checkChunk(true) : Promise.resolve(null),
            );
            if (outcomesOfChunk.length !== stored.length) throw new Error('dossier push returned fewer outcomes than items');
            outcomesOfChunk.forEach((outcome, j) => (outcomes[stored[j]!.index] = outcome));
            chunk = following;
          }
        });

      // No transaction until a version is valid: a batch that is refused whole takes no lock.
      let first = await checkChunk(false);
      while (first.length === 0 && next < items.length) first = await checkChunk(false);
      if (first.length === 0) return outcomes;
      try {
        await store(first, true);
      } catch (error) {
        if (!(error instanceof KeyTakenMeanwhile)) throw error;
        // Another user's request took one of these keys meanwhile (see writeVersions): all was rolled back.
        // Check the rest, then store the whole batch again; its look-up now sees that key.
        while (next < items.length) await checkChunk(false);
        for (let attempt = 1; ; attempt++) {
          try {
            await store(valid, false);
            break;
          } catch (again) {
            if (!(again instanceof KeyTakenMeanwhile) || attempt === 3) throw again;
          }
        }
      }
      return outcomes;
    },

    withdraw(user, key, body) {
      const now = clock();
      const at = now.toISOString();
      return auditedTransaction(db, now, async (tx, trail) => {
        await lockTeamsForChanges(tx, db.kind, [user.teamId]);
        const audit = (outcome: 'ok' | 'replayed' | 'rejected' | 'denied') =>
          trail.add({ userId: user.id, action: 'consent.withdraw', entityType: 'case', entityId: body.caseId, outcome });
        const found = (await tx.query<{ team_id: string }>('SELECT team_id::text AS team_id FROM cases WHERE case_id = $1::uuid', [body.caseId])).rows[0];
        if (!found) {
          audit('rejected');
          return { kind: 'case-not-found' };
        }
        if (!mayActOn(user, 'dossier.write', { teamId: found.team_id })) {
          audit('denied');
          return { kind: 'case-of-other-team' };
        }
        const open = await tx.query<{ dossier_id: string; latest_version: number }>(
          "SELECT dossier_id::text AS dossier_id, latest_version FROM dossiers WHERE case_id = $1::uuid AND status <> 'withdrawn' ORDER BY seq FOR UPDATE",
          [body.caseId],
        );
        const response: ConsentWithdrawalResponse = { ...body, dossiersWithdrawn: open.rows.length, receivedAt: at };
        const [verdict] = await claimKeys(tx, { scope: consentWithdrawScope, userId: user.id, at: now }, [{ key, hash: hashBody(body), status: 201, response }]);
        if (verdict?.kind === 'replayed') {
          audit('replayed');
          return { kind: 'replayed', status: verdict.status, response: verdict.response };
        }
        if (verdict?.kind !== 'new') {
          audit('rejected');
          return { kind: 'key-reused' };
        }
        await tx.query(
          'INSERT INTO consent_withdrawals (consent_id, case_id, withdrawn_on, received_at) VALUES ($1::uuid, $2::uuid, $3::date, $4::timestamptz) ON CONFLICT (consent_id) DO NOTHING',
          [body.consentId, body.caseId, body.withdrawnOn, at],
        );
        const ids = open.rows.map((r) => r.dossier_id);
        if (ids.length > 0) {
          // The bodies and every sealed text go; ids, dates and the versions' sizes stay as the stub.
          await tx.query(
            "UPDATE dossiers SET status = 'withdrawn', revision = revision + 1, summary = NULL, details = NULL, withdrawn_at = $2::timestamptz, updated_at = $2::timestamptz WHERE dossier_id = ANY($1::uuid[])",
            [ids, at],
          );
          await tx.query('UPDATE dossier_versions SET body = NULL WHERE dossier_id = ANY($1::uuid[])', [ids]);
          // The counsellor's return notes in the change feed are sealed texts about this resident too.
          await tx.query('UPDATE changes SET note = NULL WHERE case_id = $1::uuid AND note IS NOT NULL', [body.caseId]);
          await recordChanges(
            tx,
            open.rows.map((r) => ({ teamId: user.teamId, entity: 'dossier' as const, caseId: body.caseId, status: 'withdrawn' as const, at: now, version: r.latest_version })),
          );
        }
        audit('ok');
        trail.add(...ids.map((id) => ({ userId: user.id, action: 'dossier.delete', entityType: 'dossier', entityId: id, outcome: 'ok' as const })));
        return { kind: 'withdrawn', status: 201, response };
      });
    },
  };
}
