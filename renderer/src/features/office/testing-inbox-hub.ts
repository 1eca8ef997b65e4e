import type { HandoverListQuery, HandoverListResponse, HandoverSummary } from '../../../../shared/api/handover';
import type { HubCall } from '../../data/hub-call';
import { summary } from './testing-summary';

/** A hub in memory for inbox tests: pages by position, filters on area and searches names, knows when each row arrived and which were withdrawn or ran out. */
export function fakeInboxHub(n: number) {
  const base = Date.parse('2026-11-26T10:00:00Z');
  let clock = 0;
  const rows: { h: HandoverSummary; at: number; withdrawnAt: number | null; endedAt: number | null }[] = Array.from({ length: n }, (_, i) => ({
    h: summary({ clientName: `Inwoner ${i}`, postcodeArea: i % 2 === 0 ? '6411' : '6412' }),
    at: 0,
    withdrawnAt: null,
    endedAt: null,
  }));
  const queries: Partial<HandoverListQuery>[] = [];
  let hold: Promise<void> | null = null;
  let answer: HubCall<HandoverListResponse> | null = null;
  const list = async (q: Partial<HandoverListQuery>): Promise<HubCall<HandoverListResponse>> => {
    queries.push(q);
    const asOf = ++clock;
    const held = hold; // only the next call waits
    hold = null;
    if (held) await held;
    if (answer) return answer;
    const since = q.since ? (Date.parse(q.since) - base) / 1000 : null;
    const listed = rows.filter((r) => r.withdrawnAt === null && r.endedAt === null && (!q.area || r.h.postcodeArea === q.area) && (!q.q || r.h.clientName.toLowerCase().includes(q.q.toLowerCase())));
    const start = Number(q.cursor ?? 0);
    const limit = q.limit ?? 50;
    return {
      kind: 'ok',
      value: {
        handovers: listed.slice(start, start + limit).map((r) => r.h),
        total: listed.length,
        nextCursor: start + limit < listed.length ? String(start + limit) : null,
        asOf: new Date(base + asOf * 1000).toISOString(),
        arrived: since === null ? null : listed.filter((r) => r.at > since).length,
        withdrawn: since === null ? [] : rows.filter((r) => r.withdrawnAt !== null && r.withdrawnAt > since).map((r) => r.h.dossierId),
        ended: since === null ? [] : rows.filter((r) => r.endedAt !== null && r.endedAt > since).map((r) => r.h.dossierId),
        areas: [],
        workers: [],
      },
    };
  };
  return {
    list,
    queries,
    rows,
    arrive: (h: HandoverSummary) => rows.unshift({ h, at: clock + 0.5, withdrawnAt: null, endedAt: null }),
    withdraw: (i: number) => (rows[i]!.withdrawnAt = clock + 0.5),
    end: (i: number) => (rows[i]!.endedAt = clock + 0.5),
    holdNext: () => {
      let release = () => undefined as void;
      hold = new Promise<void>((r) => (release = r));
      return release;
    },
    answerWith: (a: HubCall<HandoverListResponse> | null) => (answer = a),
  };
}
