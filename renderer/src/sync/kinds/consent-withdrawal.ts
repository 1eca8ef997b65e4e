import { consentWithdrawalRequestSchema } from '../../../../shared/api/handover';
import { confirmed, defineKind } from './kind';

import { CONSENT_WITHDRAWAL_KIND } from '../../data/outbox-port';

export { CONSENT_WITHDRAWAL_KIND };

/**
 * The resident withdrew consent: POST /api/v1/consent-withdrawals, one per request, idempotent on the
 * item's key. It waits until the hub has the case (a withdrawal of a case the hub never saw would be refused).
 */
export const consentWithdrawalKind = defineKind({
  name: CONSENT_WITHDRAWAL_KIND,
  body: consentWithdrawalRequestSchema,
  batchSize: 1,
  entityOf: (body) => body.consentId,
  waitsFor: (body) => ({ kind: 'new-case', entityId: body.caseId }),
  async send(hub, items) {
    const [item] = items;
    if (!item) return { kind: 'ok', value: new Map() };
    const answer = await hub.postConsentWithdrawal(item.key, item.body);
    if (answer.kind !== 'ok') return answer;
    return { kind: 'ok', value: new Map([[item.key, confirmed(Date.parse(answer.value.receivedAt))]]) };
  },
});
