import { dutchDateOf } from '../domain/urgency';
import type { HandoverSummary } from './handover';

/**
 * The Wgs term for the decision (beschikking) as the office screen shows it: counted from the Dutch calendar
 * day of the planned first conversation, the day the hub counted `deadlines.decisionBy` from
 * (server/src/services/dossier-push.ts decisionByAfter). Null while no first conversation is planned.
 */
export interface DecisionTerm {
  /** The first conversation's day in Europe/Amsterdam (YYYY-MM-DD). */
  firstConversationOn: string;
  /** The latest day for the decision, as the hub computed it. */
  decisionBy: string;
  /** Once decided: the day, and how many calendar days after the term (0 when in time). */
  decided: { on: string; daysLate: number } | null;
}

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

export function decisionTerm(h: Pick<HandoverSummary, 'firstConversation' | 'deadlines' | 'decision'>): DecisionTerm | null {
  if (!h.firstConversation) return null;
  const decisionBy = h.deadlines.decisionBy;
  return {
    firstConversationOn: dutchDateOf(h.firstConversation.plannedAt),
    decisionBy,
    decided: h.decision ? { on: h.decision.decidedOn, daysLate: Math.max(0, dayNumber(h.decision.decidedOn) - dayNumber(decisionBy)) } : null,
  };
}
