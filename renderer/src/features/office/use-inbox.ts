import { useEffect, useRef, useState } from 'react';
import type { OfficeSession } from '../../data/office-session';
import type { InboxFilters } from './inbox-model';
import { createInboxLoader, initialInbox, type InboxState } from './inbox-loader';

/** How often the inbox asks the hub for new handovers while the office is open. */
export const INBOX_POLL_MS = 20_000;

export interface Inbox extends InboxState {
  setFilters: (filters: InboxFilters) => void;
  /** The search box changed; the list follows after a pause in typing. */
  type: (text: string) => void;
  /** Searches for what was typed at once (Enter in the box, or opening a dossier before the pause). */
  searchNow: () => void;
  loadMore: () => void;
  /** Asks the hub again now, as a poll does (e.g. back from a dossier the counsellor just changed). */
  refresh: () => void;
}

/**
 * The team's handovers as the hub filters, sorts and pages them (inbox-loader.ts), polled so new ones appear
 * without a refresh. The filters and the search box's words live here, in memory, for as long as the office is open:
 * not in browser storage or the URL, where a resident's name would stay behind (history, disk). `onExpired` is called when the hub no longer takes the token.
 */
export function useInbox(session: OfficeSession, onExpired: () => void, pollMs = INBOX_POLL_MS): Inbox {
  const [state, setState] = useState<InboxState>(initialInbox);
  const expired = useRef(onExpired);
  useEffect(() => {
    expired.current = onExpired;
  }, [onExpired]);
  const [loader] = useState(() => createInboxLoader({ list: (query) => session.handovers(query), onChange: setState, onExpired: () => expired.current() }));

  useEffect(() => {
    void loader.setFilters(loader.state().filters);
    const timer = setInterval(() => void loader.poll(), pollMs);
    return () => {
      clearInterval(timer);
      loader.stop();
    };
  }, [loader, pollMs]);

  return {
    ...state,
    setFilters: (filters) => void loader.setFilters(filters),
    type: (text) => loader.type(text),
    searchNow: () => void loader.searchNow(),
    loadMore: () => void loader.loadMore(),
    refresh: () => void loader.poll(),
  };
}
