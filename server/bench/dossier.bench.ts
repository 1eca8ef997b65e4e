import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { apiPaths } from '../../shared/api/cases';
import type { Dossier } from '../../shared/api/dossier';
import type { DossierBatchResponse, DossierVersionRequest, HandoverListResponse } from '../../shared/api/handover';
import { handoverPath, handoverPaths } from '../../shared/api/handover';
import { realisticDossier } from '../../shared/domain/fixtures/realistic';
import { dutchDateOf } from '../../shared/domain/urgency';
import { holidays, lifeDomains, recipients, settings, signalCatalogue } from '../../resources/index';
import type { Queryable } from '../src/db/database';
import { dossierWriteScope } from '../src/services/dossier-push';
import { createHubCipher } from '../src/services/hub-key';
import type { BenchHub } from './bench-hub';
import { bestOf, insertRows, openBenchHub, percentile, timeIt } from './bench-hub';

const ctx = { lifeDomains, signalCatalogue, settings, holidays, recipients };
const recipientId = 'schuldhulp-heerlen';
export const dossierBatchSize = 100;

export interface DossierPushBenchResult {
  n: number;
  backend: 'pglite' | 'postgres';
  /** Median dossier size in bytes (UTF-8 JSON). */
  medianBytes: number;
  /** n dossiers as sequential POST /api/v1/dossiers/batch of 100, bodies pre-serialised as a device sends them (best of reps, interleaved with the raw inserts). */
  batchMs: number;
  /** n dossiers one POST /api/v1/dossiers each (one run). */
  singleMs: number;
  /** The same n dossier bodies as parameterised multi-row INSERTs (100 rows each) into a scratch table of (id, version, body) (best of reps). */
  rawMs: number;
  /** The same, with each body already sealed as the hub stores it (incompressible, so PostgreSQL writes all of it) (best of reps). */
  rawSealedMs: number;
  /**
   * Floor for the route, as the cases bench has it: the rows the hub writes per dossier — its idempotency key, the
   * dossier row with its sealed inbox line, the sealed version, the 'received' change and the audit row — as raw
   * multi-row INSERTs of 100 into the real tables, with their keys and indexes (best of reps).
   */
  rawSameWritesMs: number;
}

export interface HandoverListBenchResult {
  backend: 'pglite' | 'postgres';
  handovers: number;
  requests: number;
  /** GET /api/v1/handovers?limit=50 through the whole stack, request to sorted, parsed rows. */
  listP50Ms: number;
  listP95Ms: number;
  /** GET /api/v1/handovers/{dossierId}: one dossier opened (decrypted, audited). */
  openP50Ms: number;
  openP95Ms: number;
}


const today = () => dutchDateOf(new Date().toISOString());

/** n realistic dossiers numbered from `from`, with a spread of Wgs terms (a third crises, start days over 60 days). */
function makeDossiers(from: number, n: number): Dossier[] {
  const day = today();
  return Array.from({ length: n }, (_, i) => {
    const d = realisticDossier(from + i, ctx, day);
    const start = new Date(Date.parse(`${day}T12:00:00Z`) - ((from + i) % 60) * 86_400_000).toISOString().slice(0, 10);
    return { ...d, aanmelding: { ...d.aanmelding, deadlines: { ...d.aanmelding.deadlines, basis: (from + i) % 3 === 0 ? 'crisis' : 'regular', countedFrom: start } } };
  });
}

/** The cases the dossiers belong to, sent the way a device sends them (not timed). */
async function sendCases(hub: BenchHub, dossiers: readonly Dossier[]): Promise<void> {
  for (let start = 0; start < dossiers.length; start += 500) {
    const items = dossiers.slice(start, start + 500).map((d) => ({
      idempotencyKey: randomUUID(),
      case: { caseId: d.caseId, postcodeArea: '6411', adults: 2, children: 2, openedAt: today() },
    }));
    const res = await hub.app.inject({ method: 'POST', url: apiPaths.caseBatch, headers: { authorization: hub.worker }, payload: { items } });
    if (res.statusCode !== 200) throw new Error(`cases failed: ${res.statusCode} ${res.body.slice(0, 300)}`);
  }
}

const versionOf = (d: Dossier): DossierVersionRequest => ({ dossierId: randomUUID(), caseId: d.caseId, recipientId, version: 1, dossier: d });

/** Sends the dossiers in batches of 100 as serialised JSON; throws unless every one was stored. */
async function pushBatches(hub: BenchHub, payloads: readonly string[]): Promise<void> {
  for (const payload of payloads) {
    const res = await hub.app.inject({ method: 'POST', url: handoverPaths.dossierBatch, headers: { authorization: hub.worker, 'content-type': 'application/json' }, payload });
    const results = res.statusCode === 200 ? res.json<DossierBatchResponse>().results : [];
    if (results.length === 0 || results.some((r) => r.status !== 201)) throw new Error(`dossier batch failed: ${res.statusCode} ${res.body.slice(0, 300)}`);
  }
}

function batchPayloads(dossiers: readonly Dossier[]): string[] {
  const payloads: string[] = [];
  for (let start = 0; start < dossiers.length; start += dossierBatchSize) {
    const items = dossiers.slice(start, start + dossierBatchSize).map((d) => ({ idempotencyKey: randomUUID(), request: versionOf(d) }));
    payloads.push(JSON.stringify({ items }));
  }
  return payloads;
}

/** The same bodies as plain rows: one multi-row INSERT per 100 (the batch size), into a table without keys to others. */
function rawInsert(q: Queryable, bodies: readonly Buffer[]): Promise<void> {
  return insertRows(q, 'bench_dossier_bodies (dossier_id, version, body)', bodies, (body) => [randomUUID(), 1, body], dossierBatchSize);
}

/** What the route must write at least for each dossier, into the real tables (see rawSameWritesMs). */
async function rawSameWrites(hub: BenchHub, dossiers: readonly Dossier[], sealed: readonly Buffer[], summaries: readonly Buffer[]): Promise<void> {
  const at = new Date().toISOString();
  const recipientTeam = (await hub.db.query<{ team_id: string }>('SELECT team_id::text AS team_id FROM recipient_teams WHERE recipient_id = $1', [recipientId])).rows[0]!.team_id;
  const rows = dossiers.map((d, i) => ({ d, dossierId: randomUUID(), body: sealed[i]!, summary: summaries[i]! }));
  for (let start = 0; start < rows.length; start += dossierBatchSize) {
    const chunk = rows.slice(start, start + dossierBatchSize);
    await insertRows(hub.db, 'idempotency (key, scope, user_id, request_hash, status_code, response, created_at)', chunk, (r) => [
      randomUUID(),
      dossierWriteScope,
      hub.userId,
      'x'.repeat(64),
      201,
      JSON.stringify({ dossierId: r.dossierId, caseId: r.d.caseId, version: 1, status: 'received', receivedAt: at }),
      at,
    ]);
    await insertRows(
      hub.db,
      `dossiers (dossier_id, case_id, owner_team_id, recipient_id, recipient_team_id, status, revision, latest_version, consent_id,
        consent_valid_until, deadline_basis, counted_from, first_conversation_by, decision_by, summary, received_at, updated_at)`,
      chunk,
      (r) => {
        const dl = r.d.aanmelding.deadlines;
        return [r.dossierId, r.d.caseId, hub.teamId, recipientId, recipientTeam, 'received', 1, 1, r.d.consent.consentId, r.d.consent.validUntil, dl.basis, dl.countedFrom, dl.firstConversationBy, dl.decisionBy, r.summary, at, at];
      },
    );
    await insertRows(hub.db, 'dossier_versions (dossier_id, version, received_at, body_bytes, body)', chunk, (r) => [r.dossierId, 1, at, r.body.length, r.body]);
    await insertRows(hub.db, 'changes (team_id, entity, case_id, status, changed_at, version)', chunk, (r) => [hub.teamId, 'dossier', r.d.caseId, 'received', at, 1]);
    await insertRows(hub.db, 'audit_log (at, user_id, action, entity_type, entity_id, outcome)', chunk, (r) => [at, hub.userId, 'dossier.write', 'dossier', `${r.dossierId}:1`, 'ok']);
  }
}

/**
 * Push n realistic dossiers (10–20 KB) through the whole HTTP stack in batches of 100, and one by one, beside
 * a raw INSERT of the same bodies in the same run; on PGlite, or on PostgreSQL when databaseUrl is given.
 */
export async function benchDossierPush(n = 1000, databaseUrl?: string, reps = 5): Promise<DossierPushBenchResult> {
  const hub = await openBenchHub(databaseUrl, { counsellorOf: recipientId });
  try {
    await hub.db.exec('CREATE TABLE bench_dossier_bodies (dossier_id uuid PRIMARY KEY, version int NOT NULL, body bytea NOT NULL)');
    const sizes = makeDossiers(0, n).map((d) => Buffer.byteLength(JSON.stringify(d)));
    const cipher = createHubCipher(randomBytes(32));
    const [batchMs, rawMs, rawSealedMs, rawSameWritesMs] = await bestOf(reps, async (rep) => {
      const dossiers = makeDossiers(rep * n, n);
      await sendCases(hub, dossiers);
      const payloads = batchPayloads(dossiers);
      const bodies = dossiers.map((d) => Buffer.from(JSON.stringify(d), 'utf8'));
      const sealed = bodies.map((b, i) => cipher.seal(b, `bench|${rep}|${i}`));
      // Other cases for the same-writes floor: a case has one dossier per recipient.
      const others = makeDossiers((reps + 1 + rep) * n, n);
      await sendCases(hub, others);
      const otherSealed = others.map((d, i) => cipher.seal(Buffer.from(JSON.stringify(d), 'utf8'), `bench|same|${rep}|${i}`));
      const summaries = others.map((d, i) => cipher.seal(JSON.stringify({ clientName: d.client.name, town: d.client.town }), `bench|summary|${rep}|${i}`));
      return [
        () => pushBatches(hub, payloads),
        () => rawInsert(hub.db, bodies),
        () => rawInsert(hub.db, sealed),
        () => rawSameWrites(hub, others, otherSealed, summaries),
      ];
    });
    const singles = makeDossiers(reps * n, n);
    await sendCases(hub, singles);
    const singlePayloads = singles.map((d) => JSON.stringify(versionOf(d)));
    const singleMs = await timeIt(async () => {
      for (const payload of singlePayloads) {
        const res = await hub.app.inject({
          method: 'POST',
          url: handoverPaths.dossiers,
          headers: { authorization: hub.worker, 'idempotency-key': randomUUID(), 'content-type': 'application/json' },
          payload,
        });
        if (res.statusCode !== 201) throw new Error(`dossier push failed: ${res.statusCode} ${res.body.slice(0, 300)}`);
      }
    });
    return {
      n,
      backend: hub.db.kind,
      medianBytes: sizes.sort((a, b) => a - b)[Math.floor(sizes.length / 2)]!,
      batchMs: batchMs!,
      rawMs: rawMs!,
      rawSealedMs: rawSealedMs!,
      rawSameWritesMs: rawSameWritesMs!,
      singleMs,
    };
  } finally {
    await hub.close();
  }
}


/** The counsellor's inbox with `handovers` handovers: p50/p95 of the first page (sorted by deadline) and of opening one dossier. */
export async function benchHandoverList(handovers = 5000, databaseUrl?: string, requests = 200): Promise<HandoverListBenchResult> {
  const hub = await openBenchHub(databaseUrl, { counsellorOf: recipientId });
  try {
    const dossiers = makeDossiers(100_000, handovers);
    await sendCases(hub, dossiers);
    await pushBatches(hub, batchPayloads(dossiers));
    if (hub.db.kind === 'postgres') await hub.db.exec('ANALYZE');
    const ids = (await hub.db.query<{ dossier_id: string }>('SELECT dossier_id::text AS dossier_id FROM dossiers')).rows.map((r) => r.dossier_id);
    const list: number[] = [];
    const open: number[] = [];
    for (let i = 0; i < requests + 10; i++) {
      const t0 = performance.now();
      const res = await hub.app.inject({ method: 'GET', url: `${handoverPaths.handovers}?limit=50`, headers: { authorization: hub.counsellor ?? '' } });
      const page = res.json<HandoverListResponse>();
      const t1 = performance.now();
      if (page.handovers.length !== 50 || page.total !== handovers) throw new Error(`list failed: ${res.statusCode} ${res.body.slice(0, 300)}`);
      const dossierId = ids[(i * 7919) % ids.length]!;
      const t2 = performance.now();
      const one = await hub.app.inject({ method: 'GET', url: handoverPath(handoverPaths.handover, { dossierId }), headers: { authorization: hub.counsellor ?? '' } });
      one.json();
      const t3 = performance.now();
      if (one.statusCode !== 200) throw new Error(`open failed: ${one.statusCode} ${one.body.slice(0, 300)}`);
      // The first ten warm up the JIT and the caches.
      if (i >= 10) {
        list.push(t1 - t0);
        open.push(t3 - t2);
      }
    }
    return {
      backend: hub.db.kind,
      handovers,
      requests,
      listP50Ms: percentile(list, 50),
      listP95Ms: percentile(list, 95),
      openP50Ms: percentile(open, 50),
      openP95Ms: percentile(open, 95),
    };
  } finally {
    await hub.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const n = Number(process.argv[2] ?? 1000);
  for (const url of [undefined, ...(process.env.DATABASE_URL ? [process.env.DATABASE_URL] : [])]) {
    const r = await benchDossierPush(n, url);
    console.log(
      `push ${r.n} dossiers (median ${(r.medianBytes / 1024).toFixed(1)} KB) on ${r.backend}: batches of ${dossierBatchSize} ${r.batchMs.toFixed(0)} ms ` +
        `(${(r.batchMs / r.rawMs).toFixed(2)}x raw), one by one ${r.singleMs.toFixed(0)} ms, raw insert of the same bodies ${r.rawMs.toFixed(0)} ms, ` +
        `of the same bodies sealed ${r.rawSealedMs.toFixed(0)} ms (${(r.batchMs / r.rawSealedMs).toFixed(2)}x), ` +
        `the same rows the route writes (key, dossier, version, change, audit) ${r.rawSameWritesMs.toFixed(0)} ms (${(r.batchMs / r.rawSameWritesMs).toFixed(2)}x)`,
    );
    const l = await benchHandoverList(Number(process.argv[3] ?? 5000), url);
    console.log(
      `counsellor list with ${l.handovers} handovers on ${l.backend}: first page p50 ${l.listP50Ms.toFixed(1)} ms, p95 ${l.listP95Ms.toFixed(1)} ms; ` +
        `open one dossier p50 ${l.openP50Ms.toFixed(1)} ms, p95 ${l.openP95Ms.toFixed(1)} ms (${l.requests} requests each)`,
    );
  }
}
