import { createHash } from 'node:crypto';
import type { User } from '../../../shared/api/auth';
import type { CaseBatchItem, NewCaseRequest, NewCaseResponse } from '../../../shared/api/cases';
import type { Queryable } from '../db/database';
import type { AuditTrail } from './audit';
import { recordChanges } from './changes';
import type { KeyedRequest } from './idempotency';
import { claimKeys, releaseKeys, splitRounds } from './idempotency';

/** One item's outcome; the single route is a batch of one. */
export type CaseOutcome =
  | { kind: 'created' | 'replayed'; status: number; response: NewCaseResponse }
  | { kind: 'key-reused' }
  | { kind: 'case-exists' };

export const caseCreateScope = 'case.create';

/**
 * Same body → same hash: the fields in a fixed order, with the time normalised. Kept exactly as the first hub
 * hashed it, so a device that retries a key stored before an upgrade still gets its first answer.
 */
export const caseRequestHash = (body: NewCaseRequest): string =>
  createHash('sha256')
    .update(JSON.stringify([body.caseId.toLowerCase(), body.postcodeArea, body.adults, body.children, new Date(body.openedAt).toISOString()]))
    .digest('hex');

const dutchDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The day a case was opened, as the worker at the table knew it: a datetime is read in Dutch time. */
export function openedOn(openedAt: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(openedAt)) return openedAt;
  const parts = Object.fromEntries(dutchDay.formatToParts(new Date(openedAt)).map((p) => [p.type, p.value]));
  return `${String(parts.year).padStart(4, '0')}-${parts.month}-${parts.day}`;
}

// Cases of one round (caseIds unique within it) in the items' order; a caseId already stored is skipped.
const insertSql = `
INSERT INTO cases (case_id, team_id, created_by, postcode_area, adults, children, opened_on, received_at)
SELECT case_id::uuid, $1::uuid, $2::uuid, postcode_area, adults, children, opened_on::date, $3::timestamptz
FROM unnest($4::text[], $5::text[], $6::int[], $7::int[], $8::text[]) WITH ORDINALITY AS t(case_id, postcode_area, adults, children, opened_on, ord)
ORDER BY ord
ON CONFLICT (case_id) DO NOTHING
RETURNING case_id::text AS case_id`;

const auditOutcome = { created: 'ok', replayed: 'replayed', 'key-reused': 'rejected', 'case-exists': 'conflict' } as const;

/**
 * Creates new cases in the caller's (audited) transaction: per round, one statement claims the keys, one
 * inserts the cases whose key was new, one publishes them as 'received' in the change feed. The caller's team
 * owns them (policy: case.create reaches the own team). Outcomes keep the items' order.
 */
export async function createCases(tx: Queryable, trail: AuditTrail, user: User, now: Date, items: readonly CaseBatchItem[]): Promise<CaseOutcome[]> {
  const at = now.toISOString();
  const outcomes: CaseOutcome[] = [];
  for (const round of splitRounds(items, (item) => [item.idempotencyKey, item.case.caseId])) {
    const picked = round.map((i) => items[i]!);
    const requests = picked.map(
      (item): KeyedRequest<NewCaseResponse> => ({
        key: item.idempotencyKey,
        hash: caseRequestHash(item.case),
        status: 201,
        response: { caseId: item.case.caseId.toLowerCase(), status: 'received', receivedAt: at },
      }),
    );
    const verdicts = await claimKeys(tx, { scope: caseCreateScope, userId: user.id, at: now }, requests);
    const fresh = round.filter((_, p) => verdicts[p]!.kind === 'new');
    const freshCases = fresh.map((i) => items[i]!.case);
    const { rows } = await tx.query<{ case_id: string }>(insertSql, [
      user.teamId,
      user.id,
      at,
      freshCases.map((c) => c.caseId.toLowerCase()),
      freshCases.map((c) => c.postcodeArea),
      freshCases.map((c) => c.adults),
      freshCases.map((c) => c.children),
      freshCases.map((c) => openedOn(c.openedAt)),
    ]);
    const inserted = new Set(rows.map((r) => r.case_id));
    await recordChanges(
      tx,
      freshCases.filter((c) => inserted.has(c.caseId.toLowerCase())).map((c) => ({ teamId: user.teamId, entity: 'case', caseId: c.caseId.toLowerCase(), status: 'received', at: now })),
    );
    const refused: string[] = [];
    round.forEach((index, p) => {
      const verdict = verdicts[p]!;
      const request = requests[p]!;
      if (verdict.kind === 'replayed') outcomes[index] = { kind: 'replayed', status: verdict.status, response: verdict.response };
      else if (verdict.kind === 'reused') outcomes[index] = { kind: 'key-reused' };
      else if (inserted.has(request.response.caseId)) outcomes[index] = { kind: 'created', status: 201, response: request.response };
      else {
        // The case came earlier under another key: a 409 keeps no key, so the device may use it again after a fix.
        outcomes[index] = { kind: 'case-exists' };
        refused.push(request.key);
      }
    });
    await releaseKeys(tx, refused);
  }
  trail.add(
    ...outcomes.map((o, i) => ({ userId: user.id, action: 'case.create', entityType: 'case', entityId: items[i]!.case.caseId.toLowerCase(), outcome: auditOutcome[o.kind] })),
  );
  return outcomes;
}
