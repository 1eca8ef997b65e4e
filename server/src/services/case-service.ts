import type { User } from '../../../shared/api/auth';
import type { CaseBatchItem, CaseChangesResponse, CaseListResponse, NewCaseRequest } from '../../../shared/api/cases';
import type { Db } from '../db/database';
import { toIso } from '../db/database';
import { auditedTransaction } from './audit';
import type { CaseOutcome } from './case-create';
import { createCases } from './case-create';
import { lockTeamsForChanges } from './changes';
import { teamScope } from './policy';

export interface CaseDeps {
  db: Db;
  clock: () => Date;
}

const maxOldChanges = 500;

interface CaseRow {
  case_id: string;
  postcode_area: string;
  adults: number;
  children: number;
  opened_on: string;
  received_at: Date | string;
  seq: string;
}

export interface CaseService {
  create(user: User, key: string, body: NewCaseRequest): Promise<CaseOutcome>;
  /** Many new cases at once, each with the single route's semantics; outcomes in the items' order. */
  createMany(user: User, items: readonly CaseBatchItem[]): Promise<CaseOutcome[]>;
  /** One page of the team's cases after `cursor` (a seq), oldest first; one audit row per case on the page. */
  list(user: User, page: { limit: number; cursor?: string }): Promise<CaseListResponse>;
  /** The first feed, of new cases only (GET /api/v1/cases/changes): kept while devices still pull it. */
  caseChanges(user: User, since: number): Promise<CaseChangesResponse>;
}

export function createCaseService({ db, clock }: CaseDeps): CaseService {
  const createMany = (user: User, items: readonly CaseBatchItem[]) => {
    if (items.length === 0) return Promise.resolve([]);
    const now = clock();
    return auditedTransaction(db, now, async (tx, trail) => {
      await lockTeamsForChanges(tx, db.kind, [user.teamId]);
      return createCases(tx, trail, user, now, items);
    });
  };

  return {
    async create(user, key, body) {
      const [outcome] = await createMany(user, [{ idempotencyKey: key, case: body }]);
      if (!outcome) throw new Error('case create gave no outcome');
      return outcome;
    },

    createMany,

    list: (user, { limit, cursor }) =>
      auditedTransaction(db, clock(), async (tx, trail) => {
        const scope = teamScope(user, 'case.list', { owner: 'team_id' }, 1);
        // One row more than asked tells whether another page follows. ORDER BY cases.seq: the bare name is the text alias.
        const { rows } = await tx.query<CaseRow>(
          `SELECT case_id::text AS case_id, postcode_area, adults, children, opened_on::text AS opened_on, received_at, seq::text AS seq
           FROM cases WHERE ${scope.sql} AND seq > $2 ORDER BY cases.seq LIMIT $3`,
          [...scope.params, cursor ?? '0', limit + 1],
        );
        const page = rows.slice(0, limit);
        trail.add(
          ...(page.length > 0
            ? page.map((r) => ({ userId: user.id, action: 'case.read', entityType: 'case', entityId: r.case_id, outcome: 'ok' as const }))
            : [{ userId: user.id, action: 'case.list', entityType: 'case', entityId: null, outcome: 'ok' as const }]),
        );
        return {
          cases: page.map((r) => ({
            caseId: r.case_id,
            postcodeArea: r.postcode_area,
            adults: r.adults,
            children: r.children,
            openedAt: r.opened_on,
            receivedAt: toIso(r.received_at),
          })),
          nextCursor: rows.length > limit ? (page.at(-1)?.seq ?? null) : null,
        };
      }),

    caseChanges: (user, since) =>
      auditedTransaction(db, clock(), async (tx, trail) => {
        const scope = teamScope(user, 'changes.read', { owner: 'team_id' }, 1);
        const { rows } = await tx.query<Pick<CaseRow, 'case_id' | 'received_at' | 'seq'>>(
          `SELECT case_id::text AS case_id, received_at, seq::text AS seq FROM cases
           WHERE ${scope.sql} AND seq > $2 ORDER BY cases.seq LIMIT ${maxOldChanges}`,
          [...scope.params, since],
        );
        trail.add({ userId: user.id, action: 'case.changes', entityType: 'case', entityId: null, outcome: 'ok' });
        const last = rows.at(-1);
        return {
          checkpoint: last ? Number(last.seq) : since,
          changes: rows.map((r) => ({ caseId: r.case_id, status: 'received' as const, changedAt: toIso(r.received_at) })),
        };
      }),
  };
}
