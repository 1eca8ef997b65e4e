import { useCallback, useEffect, useRef, useState } from 'react';
import { signalsQuerySchema, type ReportFiltersResponse, type SignalsQuery } from '../../../../shared/api/reports';
import type { AppError } from '../../../../shared/result';
import type { HubCall } from '../../data/hub-call';
import type { OfficeSession } from '../../data/office-session';
import type { ReportData } from './report-model';

export interface ReportsState {
  /** Null until the hub said what can be chosen. */
  filters: ReportFiltersResponse | null;
  /** The last complete answer; it stays on screen while a new one loads. */
  data: ReportData | null;
  loading: boolean;
  error: AppError | null;
}

/** The default period: the last three months, this one included, up to today. */
export function defaultQuery(today: string): SignalsQuery {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const start = new Date(Date.UTC(y, m - 3, 1)).toISOString().slice(0, 10);
  return { from: start, to: today, granularity: 'month', crisis: 'all' };
}

/** True when the hub would take this period (the same rule as the contract's). */
export const validQuery = (query: SignalsQuery): boolean => signalsQuerySchema.safeParse(query).success;

/**
 * Loads the four reports for `query` at once. An answer to an older query is dropped, so fast filter
 * changes never show a mix. `onExpired` is called when the hub no longer takes the token.
 */
export function useReports(session: OfficeSession, query: SignalsQuery, onExpired: () => void): ReportsState & { reload: () => void } {
  const [state, setState] = useState<ReportsState>({ filters: null, data: null, loading: true, error: null });
  const asked = useRef(0);
  const [attempt, setAttempt] = useState(0);

  const load = useCallback(async () => {
    const ticket = ++asked.current;
    setState((s) => ({ ...s, loading: true, error: null }));
    const handoverQuery = { from: query.from, to: query.to, ...(query.teamId ? { teamId: query.teamId } : {}) };
    const answers = await Promise.all([
      session.reports.filters(),
      session.reports.signals(query),
      session.reports.funnel(handoverQuery),
      session.reports.wgs(handoverQuery),
      session.reports.overdue(),
    ] as const);
    if (ticket !== asked.current) return;
    if (answers.some((a: HubCall<unknown>) => a.kind === 'http' && a.status === 401)) {
      onExpired();
      return;
    }
    const [filters, signals, funnel, wgs, overdue] = answers;
    if (filters.kind !== 'ok' || signals.kind !== 'ok' || funnel.kind !== 'ok' || wgs.kind !== 'ok' || overdue.kind !== 'ok') {
      const error = answers.flatMap((a: HubCall<unknown>) => (a.kind === 'ok' ? [] : [a.error]))[0] ?? { code: 'hub.bad_answer' };
      setState((s) => ({ ...s, loading: false, error }));
      return;
    }
    setState({
      filters: filters.value,
      data: { filters: filters.value, query, signals: signals.value, funnel: funnel.value, wgs: wgs.value, overdue: overdue.value },
      loading: false,
      error: null,
    });
  }, [session, query, onExpired]);

  useEffect(() => {
    if (validQuery(query)) void load();
  }, [load, query, attempt]);

  return { ...state, reload: () => setAttempt((n) => n + 1) };
}
