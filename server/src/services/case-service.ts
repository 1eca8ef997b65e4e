import type { User } from '../../../shared/api/auth';
import type { CaseBatchItem, CaseChangesResponse, CaseListResponse, NewCaseRequest, NewCaseResponse } from '../../../shared/api/cases';
import type { Db } from '../db/database';
import { toIso } from '../db/database';
import { recordAudit } from './audit-service';
import type { BatchItemOutcome } from './case-batch';
import { createCaseBatch } from './case-batch';
import type { IdempotencyRow } from './case-idempotency';
import { requestHash, storedResponse } from './case-idempotency';

export interface CaseDeps {
  db: Db;
  clock: () => Date;
}

export type CreateCaseOutcome =
  | { kind: 'created' | 'replayed'; statusCode: number; response: NewCaseResponse }
  | { kind: 'key-reused' }
  | { kind: 'case-exists' };

/** Thrown inside the transaction so the idempotency row rolls back with it. */
class CaseExists extends Error {}

const maxChanges = 500;

interface CaseRow {
  case_id: string;
  postcode_area: string;
  adults: number;
  children: number;
  opened_at: Date | string;
  received_at: Date | string;
  seq: string;
}

export interface CaseService {
  create(user: User, key: string, body: NewCaseRequest): Promise<CreateCaseOutcome>;
  /** Many new cases at once, each with the single route's semantics; outcomes in the items' order. */
  createMany(user: User, items: readonly CaseBatchItem[]): Promise<BatchItemOutcome[]>;
  list(user: User): Promise<CaseListResponse>;
  changes(user: User, since: number): Promise<CaseChangesResponse>;
}

export function createCaseService({ db, clock }: CaseDeps): CaseService {
  const audit = (user: User, action: string, entityId: string | null, outcome: 'ok' | 'replayed' | 'conflict' | 'rejected') =>
    recordAudit(db, clock(), [{ userId: user.id, action, entityType: 'case', entityId, outcome }]);

  return {
    async create(user, key, body) {
      const hash = requestHash(body);
      const now = clock();
      const response: NewCaseResponse = { caseId: body.caseId, status: 'received', receivedAt: now.toISOString() };
      let outcome: CreateCaseOutcome;
      try {
        outcome = await db.transaction(async (tx) => {
          // On PostgreSQL, serialise inserts per team so seq order is commit order and a checkpoint pull never
          // skips a row; PGlite has one connection, so its transactions are serial already.
          if (db.kind === 'postgres') await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [user.teamId]);
          // One round trip: claim the key, insert the case only if the key was ours, audit only if the case was new.
          // A concurrent twin waits on the key row, then finds it taken.
          const { rows } = await tx.query<{ claimed: boolean; inserted: boolean }>(
            `WITH claim AS (
               INSERT INTO idempotency (key, user_id, request_hash, response, status_code, created_at)
               VALUES ($1::uuid, $2::uuid, $3::text, $4::jsonb, 201, $5::timestamptz)
               ON CONFLICT (key) DO NOTHING RETURNING key),
             ins AS (
               INSERT INTO cases (case_id, team_id, created_by, postcode_area, adults, children, opened_at, received_at)
               SELECT $6::uuid, $7::uuid, $2::uuid, $8::text, $9::int, $10::int, $11::timestamptz, $5::timestamptz FROM claim
               ON CONFLICT (case_id) DO NOTHING RETURNING case_id),
             aud AS (
               INSERT INTO audit_log (at, user_id, action, entity_type, entity_id, outcome)
               SELECT $5::timestamptz, $2::uuid, 'case.create', 'case', case_id::text, 'ok' FROM ins RETURNING id)
             SELECT EXISTS (SELECT 1 FROM claim) AS claimed, EXISTS (SELECT 1 FROM ins) AS inserted, EXISTS (SELECT 1 FROM aud) AS audited`,
            [key, user.id, hash, JSON.stringify(response), now.toISOString(), body.caseId, user.teamId, body.postcodeArea, body.adults, body.children, body.openedAt],
          );
          const result = rows[0];
          if (result?.claimed && result.inserted) return { kind: 'created', statusCode: 201, response } as const;
          if (result?.claimed) throw new CaseExists();
          const stored = (await tx.query<IdempotencyRow>('SELECT user_id, request_hash, response, status_code FROM idempotency WHERE key = $1', [key])).rows[0];
          if (!stored || stored.user_id !== user.id || stored.request_hash !== hash) return { kind: 'key-reused' } as const;
          const first = storedResponse(stored.response);
          await recordAudit(tx, now, [{ userId: user.id, action: 'case.create', entityType: 'case', entityId: body.caseId, outcome: 'replayed' }]);
          return { kind: 'replayed', statusCode: stored.status_code, response: first } as const;
        });
      } catch (error) {
        if (!(error instanceof CaseExists)) throw error;
        outcome = { kind: 'case-exists' };
      }
      if (outcome.kind === 'key-reused') await audit(user, 'case.create', body.caseId, 'rejected');
      if (outcome.kind === 'case-exists') await audit(user, 'case.create', body.caseId, 'conflict');
      return outcome;
    },

    createMany: (user, items) => createCaseBatch(db, clock(), user, items),

    async list(user) {
      const { rows } = await db.query<CaseRow>(
        `SELECT case_id, postcode_area, adults, children, opened_at, received_at, seq::text AS seq
         FROM cases WHERE team_id = $1 ORDER BY cases.seq`,
        [user.teamId],
      );
      await recordAudit(
        db,
        clock(),
        rows.length > 0
          ? rows.map((r) => ({ userId: user.id, action: 'case.read', entityType: 'case', entityId: r.case_id, outcome: 'ok' as const }))
          : [{ userId: user.id, action: 'case.list', entityType: 'case', entityId: null, outcome: 'ok' }],
      );
      return {
        cases: rows.map((r) => ({
          caseId: r.case_id,
          postcodeArea: r.postcode_area,
          adults: r.adults,
          children: r.children,
          openedAt: toIso(r.opened_at),
          receivedAt: toIso(r.received_at),
        })),
      };
    },

    async changes(user, since) {
      // ORDER BY cases.seq, not seq: the bare name means the text alias, and '99' sorts after '120'.
      const { rows } = await db.query<Pick<CaseRow, 'case_id' | 'received_at' | 'seq'>>(
        `SELECT case_id, received_at, seq::text AS seq FROM cases
         WHERE team_id = $1 AND seq > $2 ORDER BY cases.seq LIMIT ${maxChanges}`,
        [user.teamId, since],
      );
      await audit(user, 'case.changes', null, 'ok');
      const last = rows.at(-1);
      return {
        checkpoint: last ? Number(last.seq) : since,
        changes: rows.map((r) => ({ caseId: r.case_id, status: 'received' as const, changedAt: toIso(r.received_at) })),
      };
    },
  };
}
