import type { HandoverStatus } from '../../../../shared/api/changes';
import { dutchDateOf } from '../../../../shared/domain/urgency';
import { statusLabels } from '../../i18n/handover-words';
import type { HandoverListQuery, HandoverSummary, HandoverUrgency } from '../../../../shared/api/handover';
import { neighbourhoodName, type Neighbourhood } from '../../../../shared/reports/neighbourhoods';

/** Pure helpers of the counsellor's inbox: words for statuses and deadlines, and the filters as the hub's query. */
export { returnReasonLabels, statusLabels } from '../../i18n/handover-words';


export const urgencyLabels: Record<HandoverUrgency, string | null> = { overdue: 'Te laat', crisis: 'Spoed', regular: null };


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

/** Today in the Netherlands as YYYY-MM-DD: the day the hub counts the Wgs terms and checks a decision's date on. */
export function officeToday(at: number): string {
  return dutchDateOf(new Date(at).toISOString());
}

/** What the counsellor chose above the list; the hub does the filtering, so the list is complete however long. */
export interface InboxFilters {
  status: StatusFilter;
  /** Only overdue handovers and crises. */
  urgent: boolean;
  /** A postcode area, or '' for every neighbourhood. */
  area: string;
  /** A sending worker's user id, or '' for everyone. */
  worker: string;
  query: string;
}

export const noFilters: InboxFilters = { status: 'open', urgent: false, area: '', worker: '', query: '' };

/** Whether the search box holds words the list has not been searched for yet (typing waits for a pause). */
export const searchPending = (typed: string, f: InboxFilters): boolean => typed.trim() !== f.query.trim();

export const isFiltered = (f: InboxFilters): boolean => f.status !== 'open' || f.urgent || f.area !== '' || f.worker !== '' || f.query.trim() !== '';

/** The filters as the hub's list query: 'open' and 'all' are views, any other choice one status. */
export function listQuery(f: InboxFilters): Partial<HandoverListQuery> {
  const q: Partial<HandoverListQuery> = f.status === 'open' || f.status === 'all' ? { view: f.status } : { view: 'all', status: f.status === 'withdrawn' ? undefined : f.status };
  if (f.urgent) q.urgent = 'true';
  if (f.area) q.area = f.area;
  if (f.worker) q.worker = f.worker;
  const query = f.query.trim();
  if (query) q.q = query.slice(0, 100);
  return q;
}

/** The rows loaded so far plus the next page, each handover once (a row may move between pages while reading). */
export function appendPage(rows: readonly HandoverSummary[], page: readonly HandoverSummary[]): HandoverSummary[] {
  const seen = new Set(rows.map((h) => h.dossierId));
  return [...rows, ...page.filter((h) => !seen.has(h.dossierId))];
}

/** A neighbourhood as the filter shows it: its postcode, and its name from resources/neighbourhoods.json when known. */
export function areaLabel(postcodeArea: string, areas: readonly Neighbourhood[]): string {
  const name = neighbourhoodName(areas, postcodeArea);
  return name.endsWith(postcodeArea) ? name : `${postcodeArea} ${name}`;
}

const count = (n: number, one: string, more: string) => `${n.toLocaleString('nl-NL')} ${n === 1 ? one : more}`;

/** The polite announcement after a poll: what arrived and what went, or nothing. */
export function changeText(arrived: number, withdrawn: number, ended = 0): string {
  const parts: string[] = [];
  if (arrived > 0) parts.push(count(arrived, 'nieuwe overdracht', 'nieuwe overdrachten'));
  if (withdrawn > 0) parts.push(`${count(withdrawn, 'overdracht is', 'overdrachten zijn')} weggehaald, omdat de toestemming is ingetrokken`);
  if (ended > 0) parts.push(`${count(ended, 'overdracht is', 'overdrachten zijn')} weggehaald, omdat de toestemming is afgelopen`);
  return parts.join('. ');
}

/** How much of the list is on screen: "50 van de 5.000 overdrachten". */
export const shownText = (shown: number, total: number): string =>
  shown >= total ? count(total, 'overdracht', 'overdrachten') : `${shown.toLocaleString('nl-NL')} van de ${count(total, 'overdracht', 'overdrachten')}`;
