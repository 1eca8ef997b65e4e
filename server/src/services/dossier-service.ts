import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { User } from '../../../shared/api/auth';
import type { ConsentWithdrawalRequest, ConsentWithdrawalResponse } from '../../../shared/api/handover';
import { dutchDateOf } from '../../../shared/domain/urgency';
import type { Db } from '../db/database';
import { auditedTransaction } from './audit';
import { lockTeamsForChanges, recordChanges } from './changes';
import type { CheckedVersion, PushOutcome } from './dossier-push';
import { checkVersion, KeyTakenMeanwhile, pushIds, readPushState, storeVersions } from './dossier-push';
import type { HubCipher } from './hub-key';
import { claimKeys, hashBody } from './idempotency';
import { mayActOn } from './policy';

export const consentWithdrawScope = 'consent.withdraw';

/** Versions checked per step of a push to a database server (see push); each step is one write statement. */
export const pushChunk = 25;
/** Checks between two turns of the event loop while the database stores the step before (about half a millisecond). */
const yieldEvery = 5;

/** The versions a step checked and passed, and where they start among all a push passed. */
interface Step {
  from: number;
  versions: CheckedVersion[];
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
      // Parse, size, consent and seal in this process, a step at a time, while the database works: it takes the
      // team lock and reads what the push names (readPushState) as the first step is checked, then stores each
      // step while the next is checked. An embedded database runs on this thread, so it gets one step.
      const server = db.kind === 'postgres';
      const stepSize = server ? pushChunk : Math.max(1, items.length);
      const valid: CheckedVersion[] = [];
      const validIndex: number[] = [];
      let next = 0;
      const checkStep = async (): Promise<Step> => {
        const from = valid.length;
        const end = Math.min(items.length, next + stepSize);
        for (; next < end; next++) {
          const item = items[next]!;
          const checked = checkVersion(item.idempotencyKey, item.request, today, cipher);
          if (checked.ok) {
            valid.push(checked.version);
            validIndex.push(next);
          } else outcomes[next] = { kind: 'refused', refusal: checked.refusal };
          // Lets the database client read answers and send the next statement every few checks.
          if (server && next % yieldEvery === 0) await yieldToLoop();
        }
        return { from, versions: valid.slice(from) };
      };
      const place = (from: number, stored: readonly PushOutcome[]) => stored.forEach((outcome, j) => (outcomes[validIndex[from + j]!] = outcome));
      const ids = pushIds(items);

      const store = () =>
        auditedTransaction(db, now, async (tx, trail) => {
          const [state, first] = await bothSettled(
            lockTeamsForChanges(tx, db.kind, [user.teamId]).then(() => readPushState(tx, ids)),
            checkStep(),
          );
          let step: Step | null = first;
          while (step !== null) {
            const current: Step = step;
            const [stored, following]: [PushOutcome[], Step | null] = await bothSettled(
              storeVersions(tx, trail, user, now, state, current.versions),
              next < items.length ? checkStep() : Promise.resolve(null),
            );
            place(current.from, stored);
            step = following;
          }
        });

      // A first try and at most three more.
      for (let attempt = 1; ; attempt++) {
        try {
          await store();
          break;
        } catch (error) {
          if (!(error instanceof KeyTakenMeanwhile) || attempt === 4) throw error;
          // Another user's request took one of these keys meanwhile (see writeVersions) and all was rolled back:
          // check and store the batch again from its start; the look-up now sees that key.
          next = 0;
          valid.length = 0;
          validIndex.length = 0;
          outcomes.length = 0;
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
