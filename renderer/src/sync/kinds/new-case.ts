import { newCaseRequestSchema } from '../../../../shared/api/cases';
import { hubError } from '../hub-client';
import { confirmed, defineKind, refused } from './kind';
import type { ItemOutcome } from './kind';

/**
 * A household created on this device becomes a case at the hub: an identifier-free record
 * (postcode area, counts, date), sent in batches to POST /api/v1/cases/batch with one idempotency key per item.
 */
export const newCaseKind = defineKind({
  name: 'new-case',
  body: newCaseRequestSchema,
  // The hub takes up to 500 per request; 100 keeps one request small enough to time out gracefully.
  batchSize: 100,
  entityOf: (body) => body.caseId,
  async send(hub, items) {
    const answer = await hub.postCases(items.map(({ key, body }) => ({ idempotencyKey: key, case: body })));
    if (answer.kind !== 'ok') return answer;
    const outcomes = new Map<string, ItemOutcome>();
    for (const result of answer.value.results) {
      outcomes.set(result.idempotencyKey, 'receivedAt' in result.body ? confirmed(Date.parse(result.body.receivedAt)) : refused(hubError(result.body)));
    }
    return { kind: 'ok', value: outcomes };
  },
  // The feed says the hub has the case: an item still waiting (its answer got lost) is done.
  confirmedBy: (change) => (change.entity === 'case' && change.status === 'received' ? change.caseId : null),
});
