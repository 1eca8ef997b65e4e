import type { HandoverSummary } from '../../../../shared/api/handover';

/** A counsellor's inbox row for tests: a regular, new handover unless `over` says otherwise. */
export function summary(over: Partial<HandoverSummary> = {}): HandoverSummary {
  return {
    dossierId: crypto.randomUUID(),
    caseId: crypto.randomUUID(),
    recipientId: 'schuldhulp-heerlen',
    status: 'received',
    revision: 1,
    latestVersion: 1,
    clientName: 'Bart Keukentafel',
    town: 'Heerlen',
    postcodeArea: '6411',
    receivedAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    deadlines: { basis: 'regular', countedFrom: '2026-11-20', firstConversationBy: '2026-12-18', decisionBy: '2027-02-12' },
    urgency: 'regular',
    contactPerson: null,
    returned: null,
    firstConversation: null,
    decision: null,
    consentValidUntil: '2027-11-20',
    ...over,
  };
}
