import type { Place } from './record';

/**
 * The one list of where each kind of record lives, used for sealing, opening and the migration.
 * The `id` binds a ciphertext to its household and its row, so a copy elsewhere does not open.
 */

/** Intake sections: `domain:<domain id>`, `signals`, `finances`, `cursor`, and `activity` (when the intake last changed). */
export type IntakeSection = `domain:${string}` | 'signals' | 'finances' | 'cursor' | 'activity';

export const places = {
  household: (householdId: string): Place => ({ table: 'households', id: householdId, kind: 'household' }),
  intake: (householdId: string, section: IntakeSection): Place => ({ table: 'intakes', id: `${householdId}|${section}`, kind: 'intake-section' }),
  history: (householdId: string, rowId: string): Place => ({ table: 'history', id: `${householdId}|${rowId}`, kind: 'history-entry' }),
  draft: (draftId: string): Place => ({ table: 'drafts', id: draftId, kind: 'draft' }),
  snapshot: (name: string): Place => ({ table: 'snapshots', id: name, kind: 'snapshot' }),
  outbox: (item: { id: string; kind: string; entityId: string }): Place => ({ table: 'outbox', id: `${item.id}|${item.entityId}`, kind: item.kind }),
  hubToken: (userId: string): Place => ({ table: 'meta', id: `account|${userId}`, kind: 'hub-token' }),
  /** One handover status from the hub's feed: the case and its position in the feed. */
  caseStatus: (caseId: string, seq: number): Place => ({ table: 'caseStatuses', id: `${caseId}|${seq}`, kind: 'case-status' }),
  /** A household's recorded signal → signal event id map. */
  signalEventIds: (householdId: string): Place => ({ table: 'signalEventIds', id: householdId, kind: 'signal-event-ids' }),
  /** A household's warm handover: consent form, consent and the dossier versions sent. */
  handover: (householdId: string): Place => ({ table: 'handovers', id: householdId, kind: 'handover' }),
};

/** Logical keys whose HMAC tag is the row's IndexedDB key (or, for history, its owner index). */
export const tagParts = {
  intake: (householdId: string, section: IntakeSection): string[] => ['intake', householdId, section],
  historyOwner: (householdId: string): string[] => ['history', householdId],
  draft: (draftId: string): string[] => ['draft', draftId],
  snapshot: (name: string): string[] => ['snapshot', name],
  caseStatusOwner: (caseId: string): string[] => ['case-status', caseId],
  signalEventIds: (householdId: string): string[] => ['signal-event-ids', householdId],
  handover: (householdId: string): string[] => ['handover', householdId],
};
