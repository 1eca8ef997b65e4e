import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { LoginResponse } from '../../shared/api/auth';
import { apiPaths } from '../../shared/api/cases';
import type { Dossier } from '../../shared/api/dossier';
import type { DossierBatchResponse, HandoverListResponse } from '../../shared/api/handover';
import { handoverPaths } from '../../shared/api/handover';
import { realisticDossier } from '../../shared/domain/fixtures/realistic';
import { dutchDateOf } from '../../shared/domain/urgency';
import { holidays, lifeDomains, recipients, settings, signalCatalogue } from '../../resources/index';
import { buildApp } from '../src/app';
import type { Db } from '../src/db/database';
import { migrate } from '../src/db/migrate';
import { currentDeadlineSql, rankSql } from '../src/services/handover-list';
import { argon2Hasher } from '../src/services/passwords';
import { openBenchDb, percentile } from './bench-hub';

/**
 * The counsellor's inbox with thousands of handovers: a hub seeded through its own batch routes (ten
 * neighbourhoods, three sending workers, a third crises, start days over 60 days), and the list's p95 per filter.
 */

const ctx = { lifeDomains, signalCatalogue, settings, holidays, recipients };
const recipientId = 'schuldhulp-heerlen';
export const inboxBenchPassword = 'bench-password';
export const inboxAreas = Array.from({ length: 10 }, (_, i) => String(6411 + i));

export interface InboxHub {
  db: Db;
  app: FastifyInstance;
  /** The counsellor's bearer header, and their user name for signing in through the UI. */
  counsellor: string;
  counsellorName: string;
  workerIds: string[];
  handovers: number;
  close(): Promise<void>;
}

/** A migrated hub holding `n` handovers for one schuldhulp counsellor, on PGlite or PostgreSQL (a scratch schema, dropped on close). */
export async function openInboxHub(n: number, databaseUrl?: string, webRoot: string | null = null): Promise<InboxHub> {
  const db = await openBenchDb(databaseUrl);
  try {
    await migrate(db);
    const app = await buildApp({ db, webRoot, loginLimitPerMinute: 1_000, loginIpLimitPerMinute: 1_000, unauthenticatedLimitPerMinute: 10_000 });
    await app.ready();
    const teamId = randomUUID();
    await db.query('INSERT INTO teams (team_id, name) VALUES ($1, $2)', [teamId, 'Bench buurtteam']);
    const shTeam = (await db.query<{ team_id: string }>('SELECT team_id::text AS team_id FROM recipient_teams WHERE recipient_id = $1', [recipientId])).rows[0]!.team_id;
    const hash = await argon2Hasher.hash(inboxBenchPassword);
    const users: [string, string, 'worker' | 'counsellor', string][] = [
      ['inbox-w1', 'Sanne de Vries', 'worker', teamId],
      ['inbox-w2', 'Kees Hermans', 'worker', teamId],
      ['inbox-w3', 'Fatma Yilmaz', 'worker', teamId],
      ['inbox-c', 'Ahmed Bakker', 'counsellor', shTeam],
    ];
    const ids: Record<string, string> = {};
    for (const [username, name, role, team] of users) {
      ids[username] = randomUUID();
      await db.query('INSERT INTO users (user_id, username, display_name, password_hash, role, team_id) VALUES ($1, $2, $3, $4, $5, $6)', [ids[username], username, name, hash, role, team]);
    }
    const login = async (username: string) =>
      `Bearer ${(await app.inject({ method: 'POST', url: apiPaths.login, payload: { username, password: inboxBenchPassword } })).json<LoginResponse>().token}`;
    const workers = [await login('inbox-w1'), await login('inbox-w2'), await login('inbox-w3')];
    const day = dutchDateOf(new Date().toISOString());
    const dossiers: Dossier[] = Array.from({ length: n }, (_, i) => {
      const d = realisticDossier(200_000 + i, ctx, day);
      const start = new Date(Date.parse(`${day}T12:00:00Z`) - (i % 60) * 86_400_000).toISOString().slice(0, 10);
      return { ...d, aanmelding: { ...d.aanmelding, deadlines: { ...d.aanmelding.deadlines, basis: i % 3 === 0 ? 'crisis' : 'regular', countedFrom: start } } };
    });
    // Each worker sends their own cases: every third handover, in every neighbourhood.
    for (let w = 0; w < workers.length; w++) {
      const mine = dossiers.filter((_, i) => i % workers.length === w);
      for (let start = 0; start < mine.length; start += 500) {
        const items = mine.slice(start, start + 500).map((d, j) => ({
          idempotencyKey: randomUUID(),
          case: { caseId: d.caseId, postcodeArea: inboxAreas[(start + j) % inboxAreas.length]!, adults: 1, children: 2, openedAt: day },
        }));
        const res = await app.inject({ method: 'POST', url: apiPaths.caseBatch, headers: { authorization: workers[w]! }, payload: { items } });
        if (res.statusCode !== 200) throw new Error(`cases failed: ${res.statusCode} ${res.body.slice(0, 300)}`);
      }
      for (let start = 0; start < mine.length; start += 100) {
        const items = mine.slice(start, start + 100).map((d) => ({ idempotencyKey: randomUUID(), request: { dossierId: randomUUID(), caseId: d.caseId, recipientId, version: 1, dossier: d } }));
        const res = await app.inject({ method: 'POST', url: handoverPaths.dossierBatch, headers: { authorization: workers[w]! }, payload: { items } });
        if (res.statusCode !== 200 || res.json<DossierBatchResponse>().results.some((r) => r.status !== 201)) throw new Error(`dossiers failed: ${res.statusCode} ${res.body.slice(0, 300)}`);
      }
    }
    if (db.kind === 'postgres') await db.exec('ANALYZE');
    return {
      db,
      app,
      counsellor: await login('inbox-c'),
      counsellorName: 'inbox-c',
      workerIds: ['inbox-w1', 'inbox-w2', 'inbox-w3'].map((u) => ids[u]!),
      handovers: n,
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

export interface InboxListFigure {
  what: string;
  p50Ms: number;
  p95Ms: number;
  /** Rows matching the filter (the answer's total). */
  total: number;
}

/** The floor for the first page: one raw SQL statement that sorts the team's rows and reads the page, no hub around it. */
export async function benchRawFirstPage(hub: InboxHub, requests = 100): Promise<{ p50Ms: number; p95Ms: number }> {
  const team = (await hub.db.query<{ team_id: string }>('SELECT team_id::text AS team_id FROM recipient_teams WHERE recipient_id = $1', [recipientId])).rows[0]!.team_id;
  const today = dutchDateOf(new Date().toISOString());
  const sql = `SELECT d.*, c.postcode_area FROM dossiers d JOIN cases c ON c.case_id = d.case_id
    WHERE d.recipient_team_id = $1::uuid AND d.status NOT IN ('withdrawn', 'returned', 'closed') AND d.consent_valid_until >= $2::date
    ORDER BY ${rankSql('$2')}, ${currentDeadlineSql}, d.seq LIMIT 50`;
  const times: number[] = [];
  for (let i = 0; i < requests + 5; i++) {
    const t0 = performance.now();
    const { rows } = await hub.db.query(sql, [team, today]);
    if (rows.length !== Math.min(50, hub.handovers)) throw new Error('raw page failed');
    if (i >= 5) times.push(performance.now() - t0);
  }
  return { p50Ms: percentile(times, 50), p95Ms: percentile(times, 95) };
}

/** How far down "meer laden" reaches at most before the keyset page is timed. */
const deepRows = 1_000;

/**
 * A cursor as deep as the list allows: "meer laden" (50 rows a time) up to 1,000 rows down, but never past the
 * last page, whose cursor would be null. With 5,000 handovers this is the cursor after exactly 1,000 rows.
 */
async function deepCursor(get: (query: string) => Promise<HandoverListResponse>): Promise<{ cursor: string; rows: number } | null> {
  let cursor: string | null = null;
  let rows = 0;
  while (rows < deepRows) {
    const page: HandoverListResponse = await get(cursor ? `limit=50&cursor=${cursor}` : 'limit=50');
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
    rows += page.handovers.length;
  }
  return cursor ? { cursor, rows } : null;
}

/** GET /api/v1/handovers through the whole stack (route, zod, SQL, opening names for search, audit, JSON), p50/p95 per filter. */
export async function benchInboxList(hub: InboxHub, requests = 100): Promise<InboxListFigure[]> {
  const get = async (query: string) => {
    const res = await hub.app.inject({ method: 'GET', url: `${handoverPaths.handovers}?${query}`, headers: { authorization: hub.counsellor } });
    if (res.statusCode !== 200) throw new Error(`list ${query} failed: ${res.statusCode} ${res.body.slice(0, 300)}`);
    return res.json<HandoverListResponse>();
  };
  const deep = await deepCursor(get);
  const cases: [string, string][] = [
    ['first page of 50, no filter', 'limit=50'],
    ['urgent only', 'limit=50&urgent=true'],
    ['one neighbourhood', `limit=50&area=${inboxAreas[3]}`],
    ['one sending worker', `limit=50&worker=${hub.workerIds[1]}`],
    ['neighbourhood + worker + urgent', `limit=50&area=${inboxAreas[5]}&worker=${hub.workerIds[2]}&urgent=true`],
    ['search on a name (opens every sealed name)', 'limit=50&q=jansen'],
    // With 50 handovers or fewer there is no next page to ask for.
    ...(deep ? [[`next 50 after ${deep.rows.toLocaleString('en-US')} rows (keyset)`, `limit=50&cursor=${deep.cursor}`] as [string, string]] : []),
    ['poll: 100 rows with since', `limit=100&since=${encodeURIComponent(new Date(Date.now() - 60_000).toISOString())}`],
  ];
  const figures: InboxListFigure[] = [];
  for (const [what, query] of cases) {
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < requests + 5; i++) {
      const t0 = performance.now();
      const page = await get(query);
      const t1 = performance.now();
      total = page.total;
      if (i >= 5) times.push(t1 - t0); // the first five warm up the JIT and the caches
    }
    figures.push({ what, p50Ms: percentile(times, 50), p95Ms: percentile(times, 95), total });
  }
  return figures;
}

const handoverCount = z.coerce.number().int().min(1);

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const parsed = handoverCount.safeParse(process.argv[2] ?? 5000);
  if (!parsed.success) {
    console.error(`usage: tsx server/bench/inbox.bench.ts [handovers]: a whole number of at least 1, not "${process.argv[2]}"`);
    process.exit(2);
  }
  const n = parsed.data;
  const hub = await openInboxHub(n, process.env.DATABASE_URL);
  try {
    for (const f of await benchInboxList(hub)) console.log(`${f.what} (${f.total} of ${n}, ${hub.db.kind}): p50 ${f.p50Ms.toFixed(1)} ms, p95 ${f.p95Ms.toFixed(1)} ms`);
  } finally {
    await hub.close();
  }
}
