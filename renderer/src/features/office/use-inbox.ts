import { useCallback, useEffect, useRef, useState } from 'react';
import type { HandoverSummary } from '../../../../shared/api/handover';
import type { AppError } from '../../../../shared/result';
import type { OfficeSession } from '../../data/office-session';

/** How often the inbox asks the hub for new handovers while it is open. */
export const INBOX_POLL_MS = 20_000;

export interface InboxState {
  /** Null until the first answer. */
  handovers: HandoverSummary[] | null;
  total: number;
  /** The last failure; the rows of the last good answer stay on screen. */
  error: AppError | null;
  /** How many new handovers arrived since the previous answer (for the live announcement). */
  arrived: number;
  refreshedAt: number | null;
}

/**
 * Loads the team's handovers and polls, so a new one appears without a refresh. `onExpired` is
 * called when the hub no longer takes the token.
 */
export function useInbox(session: OfficeSession, onExpired: () => void, pollMs = INBOX_POLL_MS): InboxState & { reload: () => void } {
  const [state, setState] = useState<InboxState>({ handovers: null, total: 0, error: null, arrived: 0, refreshedAt: null });
  const known = useRef<Set<string> | null>(null);

  const load = useCallback(async () => {
    const answer = await session.handovers({ view: 'all', limit: 100 });
    if (answer.kind === 'http' && answer.status === 401) {
      onExpired();
      return;
    }
    if (answer.kind !== 'ok') {
      setState((s) => ({ ...s, error: answer.error, arrived: 0 }));
      return;
    }
    const ids = new Set(answer.value.handovers.map((h) => h.dossierId));
    const before = known.current;
    const arrived = before === null ? 0 : [...ids].filter((id) => !before.has(id)).length;
    known.current = ids;
    setState({ handovers: answer.value.handovers, total: answer.value.total, error: null, arrived, refreshedAt: Date.now() });
  }, [session, onExpired]);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), pollMs);
    return () => clearInterval(timer);
  }, [load, pollMs]);

  return { ...state, reload: () => void load() };
}
