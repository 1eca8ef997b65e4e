import type { HandoverStatus, ReturnReason } from '../../../../shared/api/changes';
import type { HandoverSummary, HandoverUrgency } from '../../../../shared/api/handover';

/** Pure helpers of the counsellor's inbox: words for statuses and deadlines, search and filter. */

export const statusLabels: Record<HandoverStatus, string> = {
  received: 'Nieuw',
  accepted: 'Geaccepteerd',
  returned: 'Teruggestuurd',
  'first-conversation-planned': 'Eerste gesprek gepland',
  decided: 'Besluit genomen',
  closed: 'Afgesloten',
  withdrawn: 'Toestemming ingetrokken',
};

export const urgencyLabels: Record<HandoverUrgency, string | null> = { overdue: 'Te laat', crisis: 'Spoed', regular: null };

export const returnReasonLabels: Record<ReturnReason, string> = {
  'not-debt-help': 'Geen vraag voor schuldhulp',
  incomplete: 'Er ontbreken gegevens',
  'other-municipality': 'De inwoner woont in een andere gemeente',
  'resident-declined': 'De inwoner wil geen schuldhulp',
  other: 'Een andere reden',
};

/** 'open' is the work list (not returned or closed); 'all' shows everything the hub gives. */
export type StatusFilter = 'open' | 'all' | HandoverStatus;

export const statusFilterOptions: readonly { value: StatusFilter; label: string }[] = [
  { value: 'open', label: 'Alles wat nog open staat' },
  { value: 'received', label: statusLabels.received },
  { value: 'accepted', label: statusLabels.accepted },
  { value: 'first-conversation-planned', label: statusLabels['first-conversation-planned'] },
  { value: 'decided', label: statusLabels.decided },
  { value: 'returned', label: statusLabels.returned },
  { value: 'closed', label: statusLabels.closed },
  { value: 'all', label: 'Alles' },
];

const closedStatuses: readonly HandoverStatus[] = ['returned', 'closed', 'withdrawn'];

/** The Wgs deadline that matters now: the first conversation, then the decision; none once decided or done. */
export function currentDeadline(h: HandoverSummary): { kind: 'first-conversation' | 'decision'; by: string } | null {
  if (h.status === 'received' || h.status === 'accepted') return { kind: 'first-conversation', by: h.deadlines.firstConversationBy };
  if (h.status === 'first-conversation-planned') return { kind: 'decision', by: h.deadlines.decisionBy };
  return null;
}

/** Calendar days from `today` to `by` (both YYYY-MM-DD); negative when `by` has passed. */
export function daysUntil(today: string, by: string): number {
  return Math.round((Date.parse(`${by}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** "Nog 3 dagen", "Vandaag", "2 dagen te laat". */
export function timeLeftText(days: number): string {
  if (days === 0) return 'Vandaag';
  if (days === 1) return 'Nog 1 dag';
  if (days > 1) return `Nog ${days} dagen`;
  return days === -1 ? '1 dag te laat' : `${-days} dagen te laat`;
}

/** One line for the deadline column: what is due and how long is left. */
export function deadlineText(h: HandoverSummary, today: string): string {
  const deadline = currentDeadline(h);
  if (!deadline) return 'Geen termijn meer';
  const what = deadline.kind === 'first-conversation' ? 'Eerste gesprek' : 'Besluit';
  return `${what}: ${timeLeftText(daysUntil(today, deadline.by)).toLowerCase()}`;
}

/** Today's date on this computer as YYYY-MM-DD (the Wgs counts in local days). */
export function localIsoDate(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Keeps the hub's order (overdue, crisis, deadline); narrows by status and by name, town or postcode. */
export function filterHandovers(list: readonly HandoverSummary[], filter: { status: StatusFilter; query: string }): HandoverSummary[] {
  const q = fold(filter.query.trim());
  return list.filter((h) => {
    if (filter.status === 'open' ? closedStatuses.includes(h.status) : filter.status !== 'all' && h.status !== filter.status) return false;
    return q === '' || [h.clientName, h.town, h.postcodeArea].some((field) => fold(field).includes(q));
  });
}
