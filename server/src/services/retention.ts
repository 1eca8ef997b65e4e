import type { Db } from '../db/database';
import { auditedTransaction } from './audit';

/** Dossiers purged per transaction: each leaves one audit row, well below the per-request audit cap. */
const purgeBatch = 200;

export interface RetentionService {
  /** Purges the sealed texts of handovers closed or withdrawn more than the retention days ago; returns how many. */
  purge(): Promise<number>;
}

/**
 * Retention on the hub: once a handover is closed or withdrawn and `days` have passed since (its last
 * status change, `updated_at`), every version's body and the sealed summary and counsellor notes are
 * deleted, and so are the return notes of its case in the change feed. The dossier row (ids, dates, codes)
 * and the versions' sizes stay, and each purge leaves a `dossier.purge` audit row by the system (no user),
 * in the same transaction.
 */
export function createRetentionService({ db, clock, days }: { db: Db; clock: () => Date; days: number }): RetentionService {
  return {
    async purge() {
      let total = 0;
      for (;;) {
        const now = clock();
        const before = new Date(now.getTime() - days * 86_400_000).toISOString();
        const purged = await auditedTransaction(db, now, async (tx, trail) => {
          const { rows } = await tx.query<{ dossier_id: string }>(
            `SELECT d.dossier_id::text AS dossier_id FROM dossiers d
             WHERE d.status IN ('closed', 'withdrawn') AND d.updated_at <= $1::timestamptz
               AND (d.summary IS NOT NULL OR d.details IS NOT NULL
                    OR EXISTS (SELECT 1 FROM dossier_versions v WHERE v.dossier_id = d.dossier_id AND v.body IS NOT NULL))
             ORDER BY d.seq LIMIT ${purgeBatch} FOR UPDATE OF d SKIP LOCKED`,
            [before],
          );
          const ids = rows.map((r) => r.dossier_id);
          if (ids.length === 0) return 0;
          await tx.query('UPDATE dossiers SET summary = NULL, details = NULL WHERE dossier_id = ANY($1::uuid[])', [ids]);
          await tx.query('UPDATE dossier_versions SET body = NULL WHERE dossier_id = ANY($1::uuid[]) AND body IS NOT NULL', [ids]);
          await tx.query('UPDATE changes SET note = NULL WHERE note IS NOT NULL AND case_id IN (SELECT case_id FROM dossiers WHERE dossier_id = ANY($1::uuid[]))', [ids]);
          trail.add(...ids.map((id) => ({ userId: null, action: 'dossier.purge', entityType: 'dossier', entityId: id, outcome: 'ok' as const })));
          return ids.length;
        });
        total += purged;
        if (purged < purgeBatch) return total;
      }
    },
  };
}
