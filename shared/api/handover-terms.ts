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

/**
 * The last Dutch day a first conversation can be planned on: one year after the day the hub received the handover
 * (29 February gives 28 February). Later is a year typed wrong, not a plan; the hub refuses it as the form does.
 */
export function lastFirstConversationDay(receivedAt: string): string {
  const [y, m, d] = dutchDateOf(receivedAt).split('-').map(Number) as [number, number, number];
  // Day 0 of the next month is the last day of this one, a year on.
  const last = new Date(Date.UTC(y + 1, m, 0)).getUTCDate();
  return `${String(y + 1).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
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
