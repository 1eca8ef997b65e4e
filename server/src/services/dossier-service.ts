import type { User } from '../../../shared/api/auth';
import type { ConsentWithdrawalRequest, ConsentWithdrawalResponse } from '../../../shared/api/handover';
import { dutchDateOf } from '../../../shared/domain/urgency';
import type { Db } from '../db/database';
import { auditedTransaction } from './audit';
import { lockTeamsForChanges, recordChanges } from './changes';
import type { PushOutcome } from './dossier-push';
import { checkVersion, storeVersions } from './dossier-push';
import type { HubCipher } from './hub-key';
import { claimKeys, hashBody } from './idempotency';
import { mayActOn } from './policy';

export const consentWithdrawScope = 'consent.withdraw';

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
      // Parse, size, consent and seal outside the transaction: the lock is held only for the writes.
      const checked = items.map((item) => checkVersion(item.idempotencyKey, item.request, today, cipher));
      const valid = checked.flatMap((c) => (c.ok ? [c.version] : []));
      const stored =
        valid.length === 0
          ? []
          : await auditedTransaction(db, now, async (tx, trail) => {
              await lockTeamsForChanges(tx, db.kind, [user.teamId]);
              return storeVersions(tx, trail, user, now, valid);
            });
      let next = 0;
      return checked.map((c): PushOutcome => {
        if (!c.ok) return { kind: 'refused', refusal: c.refusal };
        const outcome = stored[next++];
        if (!outcome) throw new Error('dossier push returned fewer outcomes than items');
        return outcome;
      });
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
