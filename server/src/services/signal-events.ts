import type { User } from '../../../shared/api/auth';
import type { SignalEvent, SignalEventBatchResponse } from '../../../shared/api/signal-events';
import type { Db, Queryable } from '../db/database';
import { auditedTransaction } from './audit';
import { hashBody, judge, splitRounds } from './idempotency';
import { mayActOn } from './policy';
import { countSignalEvents } from './reports-record';

export type StoreEventsOutcome = { kind: 'stored'; results: SignalEventBatchResponse['results'] } | { kind: 'wrong-team' };

export interface SignalEventService {
  /** Stores the events once each (idempotent on eventId), after checking every event names the caller's team. */
  store(user: User, events: readonly SignalEvent[]): Promise<StoreEventsOutcome>;
}

const lower = (event: SignalEvent): SignalEvent =>
  event.type === 'recorded'
    ? { ...event, eventId: event.eventId.toLowerCase(), teamId: event.teamId.toLowerCase() }
    : { ...event, eventId: event.eventId.toLowerCase(), retracts: event.retracts.toLowerCase(), teamId: event.teamId.toLowerCase() };

// The event table is its own idempotency ledger: a row in the shared idempotency table would tie each event
// to a worker and a moment, which the events must never carry. Inserted in id order, so two batches sharing
// ids wait on each other instead of deadlocking.
const insertSql = `
INSERT INTO signal_events (event_id, type, team_id, week, signal_id, domain_id, crisis, postcode_area, household_type, retracts, request_hash)
SELECT event_id::uuid, type, team_id::uuid, week, signal_id, domain_id, crisis, postcode_area, household_type, retracts::uuid, request_hash
FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::boolean[], $8::text[], $9::text[], $10::text[], $11::text[])
  AS t(event_id, type, team_id, week, signal_id, domain_id, crisis, postcode_area, household_type, retracts, request_hash)
ORDER BY event_id::uuid
ON CONFLICT (event_id) DO NOTHING
RETURNING event_id::text AS event_id`;

async function storeRound(tx: Queryable, events: readonly SignalEvent[], hashes: readonly string[]): Promise<(200 | 201 | 422)[]> {
  const recorded = (e: SignalEvent) => (e.type === 'recorded' ? e : null);
  const { rows } = await tx.query<{ event_id: string }>(insertSql, [
    events.map((e) => e.eventId),
    events.map((e) => e.type),
    events.map((e) => e.teamId),
    events.map((e) => e.week),
    events.map((e) => recorded(e)?.signalId ?? null),
    events.map((e) => recorded(e)?.domainId ?? null),
    events.map((e) => recorded(e)?.crisis ?? null),
    events.map((e) => recorded(e)?.postcodeArea ?? null),
    events.map((e) => recorded(e)?.householdType ?? null),
    events.map((e) => (e.type === 'retracted' ? e.retracts : null)),
    hashes,
  ]);
  const stored = new Set(rows.map((r) => r.event_id));
  const others = events.filter((e) => !stored.has(e.eventId)).map((e) => e.eventId);
  const prior = new Map<string, string>();
  if (others.length > 0) {
    const found = await tx.query<{ event_id: string; request_hash: string }>(
      'SELECT event_id::text AS event_id, request_hash FROM signal_events WHERE event_id = ANY($1::uuid[])',
      [others],
    );
    for (const r of found.rows) prior.set(r.event_id, r.request_hash);
  }
  return events.map((e, i) => {
    if (stored.has(e.eventId)) return 201;
    const hash = prior.get(e.eventId);
    const verdict = judge(hash === undefined ? undefined : { hash, scope: null, userId: null, status: 201, response: null }, hashes[i]!, {});
    return verdict.kind === 'replayed' ? 200 : 422;
  });
}

export function createSignalEventService({ db, clock }: { db: Db; clock: () => Date }): SignalEventService {
  return {
    store: (user, raw) =>
      auditedTransaction(db, clock(), async (tx, trail) => {
        // One audit row per batch, without event ids: a row per event would tie each event to a worker and a moment.
        const audit = (outcome: 'ok' | 'denied') => trail.add({ userId: user.id, action: 'signal-event.create', entityType: 'signal-event', entityId: null, outcome });
        const events = raw.map(lower);
        if (!events.every((e) => mayActOn(user, 'signal-event.create', { teamId: e.teamId }))) {
          audit('denied');
          return { kind: 'wrong-team' } as const;
        }
        const hashes = events.map(hashBody);
        const statuses: (200 | 201 | 422)[] = [];
        for (const round of splitRounds(events, (e) => [e.eventId])) {
          const answered = await storeRound(
            tx,
            round.map((i) => events[i]!),
            round.map((i) => hashes[i]!),
          );
          round.forEach((index, p) => (statuses[index] = answered[p]!));
          await countSignalEvents(tx, db.kind, user.teamId, round.filter((_, p) => answered[p] === 201).map((i) => events[i]!.eventId));
        }
        audit('ok');
        return { kind: 'stored', results: events.map((e, i) => ({ eventId: e.eventId, status: statuses[i]! })) } as const;
      }),
  };
}
