import type { ReturnReason } from '../../../../shared/api/changes';
import { decisionNeedsNote, otherReasonNeedsNote } from '../../../../shared/api/handover';
import { lastFirstConversationDay, type DecisionTerm } from '../../../../shared/api/handover-terms';
import { dutchDateOf } from '../../../../shared/domain/urgency';
import { formatPlainDate } from '../../ui/dutch-date';

/**
 * What the counsellor's forms refuse before sending, per field, in Dutch (B1). The hub refuses the same (422 or
 * 400, shared/api/errors.ts); checking here first puts the message next to the field. Days are Dutch calendar
 * days (`YYYY-MM-DD`), as the hub counts them.
 */
export type Problems<K extends string> = Partial<Record<K, string>>;

/** The decision (beschikking): its day, not before the first conversation and not after today, and the outcome. */
export function decisionProblems(input: { date: string; note: string }, term: Pick<DecisionTerm, 'firstConversationOn'> | null, today: string): Problems<'date' | 'note'> {
  const found: Problems<'date' | 'note'> = {};
  if (input.date === '') found.date = 'Vul de datum van het besluit in, zoals 20-03-2026.';
  else if (term && input.date < term.firstConversationOn) found.date = `Het besluit kan niet voor het eerste gesprek zijn (${formatPlainDate(term.firstConversationOn)}).`;
  else if (input.date > today) found.date = 'Het besluit kan niet in de toekomst liggen. Leg het vast als het genomen is.';
  if (input.note.trim() === '') found.note = decisionNeedsNote;
  return found;
}

/** The first conversation's day: not before the day the handover arrived, nor more than a year after it (a year typed wrong). */
export function planDayProblem(date: string, receivedAt: string): string | undefined {
  if (date === '') return undefined;
  const receivedOn = dutchDateOf(receivedAt);
  if (date < receivedOn) return `Het eerste gesprek kan niet voor de dag zijn waarop de overdracht binnenkwam (${formatPlainDate(receivedOn)}).`;
  const last = lastFirstConversationDay(receivedAt);
  if (date > last) return `Het eerste gesprek kan niet later zijn dan een jaar na de dag waarop de overdracht binnenkwam (uiterlijk ${formatPlainDate(last)}). Kijk het jaar na.`;
  return undefined;
}

/** A return: a reason from the list and, for 'another reason', a note that says which (spaces are no note). */
export function returnProblems(reason: ReturnReason | '', note: string): Problems<'reason' | 'note'> {
  const found: Problems<'reason' | 'note'> = {};
  if (reason === '') found.reason = 'Kies een reden.';
  if (reason === 'other' && note.trim() === '') found.note = otherReasonNeedsNote;
  return found;
}
