import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { CaseBatchResponse, NewCaseRequest } from '../../shared/api/cases';
import { apiPaths } from '../../shared/api/cases';
import type { SignalEvent, SignalEventBatchResponse } from '../../shared/api/signal-events';
import { signalEventsBatchPath } from '../../shared/api/signal-events';
import type { Queryable } from '../src/db/database';
import { hashBody } from '../src/services/idempotency';
import { bestOf, insertRows, openBenchHub, timeIt } from './bench-hub';

export interface PushBenchResult {
  n: number;
  backend: 'pglite' | 'postgres';
  /** n sequential POST /api/v1/cases through app.inject, each with its own Idempotency-Key. */
  pushMs: number;
  /** n other cases as sequential POST /api/v1/cases/batch of 100 items, as the device's sync engine sends them (best of reps). */
  batchMs: number;
  /** n rows as one parameterised multi-row INSERT (chunks of 1,000) into a scratch table without foreign keys (best of reps). */
  rawMs: number;
  /** Floor for the route: the same n cases with their keys, changes and audit rows as raw multi-row INSERTs into the real tables (best of reps). */
  rawSameWritesMs: number;
}

const makeCases = (n: number): NewCaseRequest[] =>
  Array.from({ length: n }, (_, i) => ({
    caseId: randomUUID(),
    postcodeArea: String(6411 + (i % 20)),
    adults: 1 + (i % 3),
    children: i % 4,
    openedAt: `2026-03-${String(1 + (i % 28)).padStart(2, '0')}`,
  }));

const caseColumns = 'case_id, team_id, created_by, postcode_area, adults, children, opened_on, received_at';

async function rawInsert(q: Queryable, teamId: string, userId: string, rows: NewCaseRequest[]): Promise<void> {
  const receivedAt = new Date().toISOString();
  await insertRows(q, `bench_cases (${caseColumns})`, rows, (c) => [c.caseId, teamId, userId, c.postcodeArea, c.adults, c.children, c.openedAt, receivedAt]);
}

/** What the route must write at least: per case its key, the case, its 'received' change and an audit row, into the real tables. */
async function rawSameWrites(q: Queryable, teamId: string, userId: string, rows: NewCaseRequest[]): Promise<void> {
  const at = new Date().toISOString();
  await insertRows(q, 'idempotency (key, user_id, request_hash, response, status_code, created_at)', rows, (c) => [
    randomUUID(),
    userId,
    'x'.repeat(64),
    JSON.stringify({ caseId: c.caseId, status: 'received', receivedAt: at }),
    201,
    at,
  ]);
  await insertRows(q, `cases (${caseColumns})`, rows, (c) => [c.caseId, teamId, userId, c.postcodeArea, c.adults, c.children, c.openedAt, at]);
  await insertRows(q, 'changes (team_id, entity, case_id, status, changed_at)', rows, (c) => [teamId, 'case', c.caseId, 'received', at]);
  await insertRows(q, 'audit_log (at, user_id, action, entity_type, entity_id, outcome)', rows, (c) => [at, userId, 'case.create', 'case', c.caseId, 'ok']);
}

export const benchBatchSize = 100;

/**
 * Push n new cases through the whole HTTP stack, one by one and in batches, versus a raw insert of
 * n rows; on in-memory PGlite, or on PostgreSQL (a scratch schema, dropped after) when databaseUrl is given.
 */
export async function benchPush(n = 1000, databaseUrl?: string, reps = 5): Promise<PushBenchResult> {
  const hub = await openBenchHub(databaseUrl);
  try {
    const { db, app, worker: authorization, teamId, userId } = hub;
    await db.exec('CREATE TABLE bench_cases (LIKE cases INCLUDING ALL)');
    const singles = makeCases(n);
    const pushMs = await timeIt(async () => {
      for (const body of singles) {
        const res = await app.inject({ method: 'POST', url: apiPaths.cases, headers: { authorization, 'idempotency-key': randomUUID() }, payload: body });
        if (res.statusCode !== 201) throw new Error(`push failed: ${res.statusCode} ${res.body}`);
      }
    });

    const sendBatches = async (batched: NewCaseRequest[]) => {
      for (let start = 0; start < batched.length; start += benchBatchSize) {
        const items = batched.slice(start, start + benchBatchSize).map((c) => ({ idempotencyKey: randomUUID(), case: c }));
        const res = await app.inject({ method: 'POST', url: apiPaths.caseBatch, headers: { authorization }, payload: { items } });
        const results = res.statusCode === 200 ? res.json<CaseBatchResponse>().results : [];
        if (results.length !== items.length || results.some((r) => r.status !== 201)) throw new Error(`batch failed: ${res.statusCode} ${res.body.slice(0, 300)}`);
      }
    };
    const [batchMs, rawMs, rawSameWritesMs] = await bestOf(reps, () => {
      const [batched, raw, same] = [makeCases(n), makeCases(n), makeCases(n)];
      return [() => sendBatches(batched), () => rawInsert(db, teamId, userId, raw), () => rawSameWrites(db, teamId, userId, same)];
    });
    return { n, backend: db.kind, pushMs, batchMs: batchMs!, rawMs: rawMs!, rawSameWritesMs: rawSameWritesMs! };
  } finally {
    await hub.close();
  }
}

export interface SignalEventBenchResult {
  n: number;
  backend: 'pglite' | 'postgres';
  /** n events (a retraction for every tenth) as sequential POST /api/v1/signal-events/batch of benchBatchSize (best of reps). */
  batchMs: number;
  /** The same rows as one parameterised multi-row INSERT per 1,000 into a copy of signal_events with its indexes, without the trigger (best of reps). */
  rawMs: number;
}

const weeks = ['2026-W08', '2026-W09', '2026-W10', '2026-W11'];
const householdTypes = ['single', 'single-with-children', 'couple', 'couple-with-children', 'other'] as const;

/** n events as a device sends them: mostly recorded signals, and every tenth a retraction of the one before. */
function makeSignalEvents(n: number, teamId: string): SignalEvent[] {
  const events: SignalEvent[] = [];
  for (let i = 0; i < n; i++) {
    const before = events[i - 1];
    if (i % 10 === 9 && before) events.push({ type: 'retracted', eventId: randomUUID(), retracts: before.eventId, week: weeks[i % 4]!, teamId });
    else {
      events.push({
        type: 'recorded',
        eventId: randomUUID(),
        signalId: `signaal-${i % 25}`,
        domainId: `domein-${i % 14}`,
        crisis: i % 7 === 0,
        postcodeArea: String(6411 + (i % 30)),
        week: weeks[i % 4]!,
        householdType: householdTypes[i % 5]!,
        teamId,
      });
    }
  }
  return events;
}

async function rawSignalInsert(q: Queryable, events: SignalEvent[]): Promise<void> {
  await insertRows(
    q,
    'bench_signal_events (event_id, type, team_id, week, signal_id, domain_id, crisis, postcode_area, household_type, retracts, request_hash)',
    events,
    (e) =>
      e.type === 'recorded'
        ? [e.eventId, e.type, e.teamId, e.week, e.signalId, e.domainId, e.crisis, e.postcodeArea, e.householdType, null, hashBody(e)]
        : [e.eventId, e.type, e.teamId, e.week, null, null, null, null, null, e.retracts, hashBody(e)],
  );
}

/** Push n signal events through the whole HTTP stack in batches, versus a raw insert of the same rows, in one run. */
export async function benchSignalEvents(n = 1000, databaseUrl?: string, reps = 5): Promise<SignalEventBenchResult> {
  const hub = await openBenchHub(databaseUrl);
  try {
    const { db, app, worker: authorization, teamId } = hub;
    // LIKE … INCLUDING ALL copies the columns, checks and indexes, not the append-only trigger.
    await db.exec('CREATE TABLE bench_signal_events (LIKE signal_events INCLUDING ALL)');
    const sendBatches = async (events: SignalEvent[]) => {
      for (let start = 0; start < events.length; start += benchBatchSize) {
        const batch = events.slice(start, start + benchBatchSize);
        const res = await app.inject({ method: 'POST', url: signalEventsBatchPath, headers: { authorization }, payload: { events: batch } });
        const results = res.statusCode === 200 ? res.json<SignalEventBatchResponse>().results : [];
        if (results.length !== batch.length || results.some((r) => r.status !== 201)) throw new Error(`signal events failed: ${res.statusCode} ${res.body.slice(0, 300)}`);
      }
    };
    const [batchMs, rawMs] = await bestOf(reps, () => {
      const [sent, raw] = [makeSignalEvents(n, teamId), makeSignalEvents(n, teamId)];
      return [() => sendBatches(sent), () => rawSignalInsert(db, raw)];
    });
    return { n, backend: db.kind, batchMs: batchMs!, rawMs: rawMs! };
  } finally {
    await hub.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const n = Number(process.argv[2] ?? 1000);
  const urls = [undefined, ...(process.env.DATABASE_URL ? [process.env.DATABASE_URL] : [])];
  for (const url of urls) {
    const r = await benchPush(n, url);
    const ratio = (ms: number) => `${(ms / r.rawMs).toFixed(1)}x raw`;
    console.log(
      `push ${r.n} cases on ${r.backend}: batches of ${benchBatchSize} ${r.batchMs.toFixed(0)} ms (${ratio(r.batchMs)}), ` +
        `one by one ${r.pushMs.toFixed(0)} ms (${ratio(r.pushMs)}), raw insert ${r.rawMs.toFixed(0)} ms; ` +
        `raw insert of the same writes (key, case, change, audit) ${r.rawSameWritesMs.toFixed(0)} ms, batches ${(r.batchMs / r.rawSameWritesMs).toFixed(1)}x that`,
    );
    const e = await benchSignalEvents(n, url);
    console.log(
      `push ${e.n} signal events on ${e.backend}: batches of ${benchBatchSize} ${e.batchMs.toFixed(0)} ms, ` +
        `raw insert of the same rows ${e.rawMs.toFixed(0)} ms (${(e.batchMs / e.rawMs).toFixed(1)}x raw)`,
    );
  }
}
