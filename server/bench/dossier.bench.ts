import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { LoginResponse } from '../../shared/api/auth';
import { apiPaths } from '../../shared/api/cases';
import type { Dossier } from '../../shared/api/dossier';
import type { DossierBatchResponse, DossierVersionRequest, HandoverListResponse } from '../../shared/api/handover';
import { handoverPath, handoverPaths } from '../../shared/api/handover';
import { realisticDossier } from '../../shared/domain/fixtures/realistic';
import { dutchDateOf } from '../../shared/domain/urgency';
import { holidays, lifeDomains, recipients, settings, signalCatalogue } from '../../resources/index';
import { buildApp } from '../src/app';
import type { Db, Queryable } from '../src/db/database';
import { createPgliteDb } from '../src/db/database';
import { migrate } from '../src/db/migrate';
import { createHubCipher } from '../src/services/hub-key';
import { argon2Hasher } from '../src/services/passwords';
import { availableBackends } from '../src/test-support/backends';

const ctx = { lifeDomains, signalCatalogue, settings, holidays, recipients };
const recipientId = 'schuldhulp-heerlen';
export const dossierBatchSize = 100;

export interface DossierPushBenchResult {
  n: number;
  backend: 'pglite' | 'postgres';
  /** Median dossier size in bytes (UTF-8 JSON). */
  medianBytes: number;
  /** n dossiers as sequential POST /api/v1/dossiers/batch of 100, bodies pre-serialised as a device sends them (best of reps). */
  batchMs: number;
  /** n dossiers one POST /api/v1/dossiers each (one run). */
  singleMs: number;
  /** The same n dossier bodies as parameterised multi-row INSERTs (100 rows each) into a scratch table of (id, version, body) (best of reps). */
  rawMs: number;
  /** The same, with each body already sealed as the hub stores it (incompressible, so PostgreSQL writes all of it) (best of reps). */
  rawSealedMs: number;
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

interface Hub {
  db: Db;
  app: FastifyInstance;
  worker: string;
  counsellor: string;
  close(): Promise<void>;
}

/** A migrated hub with a buurtteam worker and a schuldhulp counsellor, on PGlite or PostgreSQL (a scratch schema, dropped on close). */
async function openHub(databaseUrl?: string): Promise<Hub> {
  const postgres = databaseUrl ? availableBackends({ DATABASE_URL: databaseUrl }).find((b) => b.name === 'postgres') : undefined;
  const db: Db = postgres ? await postgres.open() : await createPgliteDb();
  try {
    await migrate(db);
    const app = await buildApp({ db });
    await app.ready(); // makes the recipient teams
    const teamId = randomUUID();
    await db.query('INSERT INTO teams (team_id, name) VALUES ($1, $2)', [teamId, 'Bench buurtteam']);
    const shTeam = (await db.query<{ team_id: string }>('SELECT team_id::text AS team_id FROM recipient_teams WHERE recipient_id = $1', [recipientId])).rows[0]!.team_id;
    const hash = await argon2Hasher.hash('bench-password');
    for (const [username, role, team] of [['bench-w', 'worker', teamId], ['bench-c', 'counsellor', shTeam]] as const) {
      await db.query('INSERT INTO users (user_id, username, display_name, password_hash, role, team_id) VALUES ($1, $2, $2, $3, $4, $5)', [randomUUID(), username, hash, role, team]);
    }
    const login = async (username: string) =>
      `Bearer ${(await app.inject({ method: 'POST', url: apiPaths.login, payload: { username, password: 'bench-password' } })).json<LoginResponse>().token}`;
    return {
      db,
      app,
      worker: await login('bench-w'),
      counsellor: await login('bench-c'),
      close: async () => {
        await app.close();
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
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
async function sendCases(hub: Hub, dossiers: readonly Dossier[]): Promise<void> {
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
async function pushBatches(hub: Hub, payloads: readonly string[]): Promise<void> {
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
async function rawInsert(q: Queryable, bodies: readonly (string | Buffer)[]): Promise<void> {
  for (let start = 0; start < bodies.length; start += dossierBatchSize) {
    const chunk = bodies.slice(start, start + dossierBatchSize);
    const params: unknown[] = [];
    const values = chunk.map((body) => {
      params.push(randomUUID(), 1, typeof body === 'string' ? Buffer.from(body, 'utf8') : body);
      return `($${params.length - 2}::uuid, $${params.length - 1}::int, $${params.length}::bytea)`;
    });
    await q.query(`INSERT INTO bench_dossier_bodies (dossier_id, version, body) VALUES ${values.join(', ')}`, params);
  }
}

const timeIt = async (fn: () => Promise<void>): Promise<number> => {
  const start = performance.now();
  await fn();
  return performance.now() - start;
};

/**
 * Push n realistic dossiers (10–20 KB) through the whole HTTP stack in batches of 100, and one by one, beside
 * a raw INSERT of the same bodies in the same run; on PGlite, or on PostgreSQL when databaseUrl is given.
 */
export async function benchDossierPush(n = 1000, databaseUrl?: string, reps = 3): Promise<DossierPushBenchResult> {
  const hub = await openHub(databaseUrl);
  try {
    await hub.db.exec('CREATE TABLE bench_dossier_bodies (dossier_id uuid PRIMARY KEY, version int NOT NULL, body bytea NOT NULL)');
    const sizes = makeDossiers(0, n).map((d) => Buffer.byteLength(JSON.stringify(d)));
    const batchTimes: number[] = [];
    const rawTimes: number[] = [];
    const rawSealedTimes: number[] = [];
    const cipher = createHubCipher(randomBytes(32));
    for (let rep = 0; rep < reps; rep++) {
      const dossiers = makeDossiers(rep * n, n);
      await sendCases(hub, dossiers);
      const payloads = batchPayloads(dossiers);
      batchTimes.push(await timeIt(() => pushBatches(hub, payloads)));
      const bodies = dossiers.map((d) => JSON.stringify(d));
      rawTimes.push(await timeIt(() => rawInsert(hub.db, bodies)));
      const sealed = bodies.map((b, i) => cipher.seal(b, `bench|${i}`));
      rawSealedTimes.push(await timeIt(() => rawInsert(hub.db, sealed)));
    }
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
      batchMs: Math.min(...batchTimes),
      rawMs: Math.min(...rawTimes),
      rawSealedMs: Math.min(...rawSealedTimes),
      singleMs,
    };
  } finally {
    await hub.close();
  }
}

const percentile = (times: number[], p: number) => {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

/** The counsellor's inbox with `handovers` handovers: p50/p95 of the first page (sorted by deadline) and of opening one dossier. */
export async function benchHandoverList(handovers = 5000, databaseUrl?: string, requests = 200): Promise<HandoverListBenchResult> {
  const hub = await openHub(databaseUrl);
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
      const res = await hub.app.inject({ method: 'GET', url: `${handoverPaths.handovers}?limit=50`, headers: { authorization: hub.counsellor } });
      const page = res.json<HandoverListResponse>();
      const t1 = performance.now();
      if (page.handovers.length !== 50 || page.total !== handovers) throw new Error(`list failed: ${res.statusCode} ${res.body.slice(0, 300)}`);
      const dossierId = ids[(i * 7919) % ids.length]!;
      const t2 = performance.now();
      const one = await hub.app.inject({ method: 'GET', url: handoverPath(handoverPaths.handover, { dossierId }), headers: { authorization: hub.counsellor } });
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
        `of the same bodies sealed ${r.rawSealedMs.toFixed(0)} ms (${(r.batchMs / r.rawSealedMs).toFixed(2)}x)`,
    );
    const l = await benchHandoverList(Number(process.argv[3] ?? 5000), url);
    console.log(
      `counsellor list with ${l.handovers} handovers on ${l.backend}: first page p50 ${l.listP50Ms.toFixed(1)} ms, p95 ${l.listP95Ms.toFixed(1)} ms; ` +
        `open one dossier p50 ${l.openP50Ms.toFixed(1)} ms, p95 ${l.openP95Ms.toFixed(1)} ms (${l.requests} requests each)`,
    );
  }
}
