import type { HandoverListQuery, HandoverListResponse, HandoverSummary } from '../../../../shared/api/handover';
import type { AppError } from '../../../../shared/result';
import type { HubCall } from '../../data/hub-call';
import { appendPage, changeText, listQuery, noFilters, searchPending, type InboxFilters } from './inbox-model';

/** Rows per "meer laden"; a poll refreshes what is loaded in requests of the hub's largest page. */
export const INBOX_PAGE = 50;
const POLL_PAGE = 100;
/** Typing waits this long before the hub is asked, so a name is not searched letter by letter. */
export const SEARCH_DELAY_MS = 300;

export interface InboxState {
  /** The filters the rows were asked with. */
  filters: InboxFilters;
  /**
   * What is in the search box, kept with the filters (in memory only) rather than in the box: a dossier opened while
   * typing must not take it along, and it is what the box shows on the way back.
   */
  typed: string;
  /** Null until the first answer for the current filters. */
  handovers: HandoverSummary[] | null;
  /** How many handovers match the filters in all. */
  total: number;
  nextCursor: string | null;
  areas: HandoverListResponse['areas'];
  workers: HandoverListResponse['workers'];
  /** The last failure; the rows of the last good answer stay on screen. */
  error: AppError | null;
  refreshedAt: number | null;
  /** The last poll's news ("1 nieuwe overdracht"), for the polite live region; '' when there was none. */
  news: string;
  loadingMore: boolean;
  /** Dossiers whose consent was withdrawn while the office was open (so an open dossier can say so). */
  withdrawn: ReadonlySet<string>;
  /** Dossiers whose consent ran out while the office was open, by the hub's day (so an open dossier can say so). */
  ended: ReadonlySet<string>;
}

export const initialInbox: InboxState = {
  filters: noFilters,
  typed: '',
  handovers: null,
  total: 0,
  nextCursor: null,
  areas: [],
  workers: [],
  error: null,
  refreshedAt: null,
  news: '',
  loadingMore: false,
  withdrawn: new Set(),
  ended: new Set(),
};

export interface InboxLoader {
  state(): InboxState;
  /** New filters, the search box's words included: the first page again (rows of other filters would mislead meanwhile). */
  setFilters(filters: InboxFilters): Promise<void>;
  /** The search box changed: the hub is asked after a pause in typing, or at once by `searchNow`. */
  type(text: string): void;
  /** Searches for what was typed now, if the list has not been searched for it yet (Enter, or leaving the inbox). */
  searchNow(): Promise<void>;
  /** Forgets a search still waiting for the pause (the inbox is gone). */
  stop(): void;
  /** As many rows as are loaded, fresh, with what arrived and what was withdrawn or ran out since the last answer. */
  poll(): Promise<void>;
  loadMore(): Promise<void>;
}

/**
 * The inbox without React: asks the hub for pages with the chosen filters and keeps what a poll must not lose
 * (filters, rows loaded, the time of the last answer). Each load that replaces the rows takes a number, and its
 * answer is used only if no later one started meanwhile, so a slow poll never undoes new filters or "meer laden".
 */
export function createInboxLoader({
  list,
  onChange,
  onExpired,
  now = Date.now,
  searchDelayMs = SEARCH_DELAY_MS,
}: {
  list: (query: Partial<HandoverListQuery>) => Promise<HubCall<HandoverListResponse>>;
  onChange: (state: InboxState) => void;
  onExpired: () => void;
  now?: () => number;
  searchDelayMs?: number;
}): InboxLoader {
  let state = initialInbox;
  let latest = 0;
  let asOf: string | null = null;
  let typing: ReturnType<typeof setTimeout> | null = null;
  const stopTyping = () => {
    if (typing !== null) clearTimeout(typing);
    typing = null;
  };
  const update = (change: Partial<InboxState>) => {
    state = { ...state, ...change };
    onChange(state);
  };

  async function ask(query: Partial<HandoverListQuery>): Promise<HandoverListResponse | null> {
    const answer = await list(query);
    if (answer.kind === 'http' && answer.status === 401) {
      onExpired();
      return null;
    }
    if (answer.kind !== 'ok') {
      update({ error: answer.error });
      return null;
    }
    return answer.value;
  }

  async function refresh(poll: boolean): Promise<void> {
    const mine = ++latest;
    const query = listQuery(state.filters);
    const want = poll && state.handovers ? Math.max(state.handovers.length, INBOX_PAGE) : INBOX_PAGE;
    const first = await ask({ ...query, limit: Math.min(want, POLL_PAGE), since: asOf ?? undefined });
    if (!first || mine !== latest) return;
    let rows = first.handovers;
    let cursor = first.nextCursor;
    while (cursor && rows.length < want) {
      const next = await ask({ ...query, limit: POLL_PAGE, cursor });
      if (!next || mine !== latest) return;
      rows = appendPage(rows, next.handovers);
      cursor = next.nextCursor;
    }
    asOf = first.asOf;
    update({
      handovers: rows,
      total: first.total,
      nextCursor: cursor,
      areas: first.areas,
      workers: first.workers,
      error: null,
      refreshedAt: now(),
      news: poll ? changeText(first.arrived ?? 0, first.withdrawn.length, first.ended.length) : '',
      withdrawn: first.withdrawn.length === 0 ? state.withdrawn : new Set([...state.withdrawn, ...first.withdrawn]),
      ended: first.ended.length === 0 ? state.ended : new Set([...state.ended, ...first.ended]),
    });
  }

  function setFilters(filters: InboxFilters): Promise<void> {
    stopTyping();
    update({ filters, typed: filters.query, handovers: null, total: 0, nextCursor: null, news: '' });
    return refresh(false);
  }

  function searchNow(): Promise<void> {
    stopTyping();
    return searchPending(state.typed, state.filters) ? setFilters({ ...state.filters, query: state.typed }) : Promise.resolve();
  }

  return {
    state: () => state,
    setFilters,
    type(text) {
      stopTyping();
      update({ typed: text });
      if (searchPending(text, state.filters)) typing = setTimeout(() => void searchNow(), searchDelayMs);
    },
    searchNow,
    stop: stopTyping,
    async poll() {
      // A poll during "meer laden" waits for the next tick: it would not hold the page being added.
      if (state.loadingMore) return;
      await refresh(true);
    },
    async loadMore() {
      const cursor = state.nextCursor;
      if (!cursor || state.loadingMore) return;
      const mine = ++latest; // drops a poll that started before
      update({ loadingMore: true });
      const next = await ask({ ...listQuery(state.filters), limit: INBOX_PAGE, cursor });
      if (!next || mine !== latest) {
        update({ loadingMore: false });
        return;
      }
      update({ handovers: appendPage(state.handovers ?? [], next.handovers), total: next.total, nextCursor: next.nextCursor, error: null, loadingMore: false });
    },
  };
}
