import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import type { LoginResponse } from '../../shared/api/auth';
import { apiPaths } from '../../shared/api/cases';
import { buildApp } from '../src/app';
import type { Db, Queryable } from '../src/db/database';
import { createPgliteDb } from '../src/db/database';
import { migrate } from '../src/db/migrate';
import { argon2Hasher } from '../src/services/passwords';
import { availableBackends } from '../src/test-support/backends';

/** What the hub benches share: a migrated hub with signed-in users, the timing loop, and raw multi-row inserts. */

export interface BenchHub {
  db: Db;
  app: FastifyInstance;
  /** The buurtteam the worker belongs to, and the worker. */
  teamId: string;
  userId: string;
  /** Bearer header of the worker. */
  worker: string;
  /** Bearer header of a counsellor in the recipient's team, when asked for. */
  counsellor: string | null;
  close(): Promise<void>;
}

const password = 'bench-password';

/** A fresh database for a bench: in-memory PGlite, or on PostgreSQL a scratch schema (dropped on close) when databaseUrl is given. */
export async function openBenchDb(databaseUrl?: string): Promise<Db> {
  const postgres = databaseUrl ? availableBackends({ DATABASE_URL: databaseUrl }).find((b) => b.name === 'postgres') : undefined;
  return postgres ? postgres.open() : createPgliteDb();
}

/**
 * A migrated hub with one signed-in buurtteam worker (and, with `counsellorOf`, a counsellor of that recipient's
 * team), on in-memory PGlite or on PostgreSQL (a scratch schema, dropped on close) when databaseUrl is given.
 */
export async function openBenchHub(databaseUrl?: string, options: { counsellorOf?: string } = {}): Promise<BenchHub> {
  const db = await openBenchDb(databaseUrl);
  try {
    await migrate(db);
    const app = await buildApp({ db });
    await app.ready(); // makes the recipient teams
    const teamId = randomUUID();
    const userId = randomUUID();
    await db.query('INSERT INTO teams (team_id, name) VALUES ($1, $2)', [teamId, 'Bench buurtteam']);
    const hash = await argon2Hasher.hash(password);
    const addUser = (id: string, username: string, role: 'worker' | 'counsellor', team: string) =>
      db.query('INSERT INTO users (user_id, username, display_name, password_hash, role, team_id) VALUES ($1, $2, $2, $3, $4, $5)', [id, username, hash, role, team]);
    const login = async (username: string) =>
      `Bearer ${(await app.inject({ method: 'POST', url: apiPaths.login, payload: { username, password } })).json<LoginResponse>().token}`;
    await addUser(userId, 'bench-w', 'worker', teamId);
    let counsellor: string | null = null;
    if (options.counsellorOf) {
      const recipientTeam = await db.query<{ team_id: string }>('SELECT team_id::text AS team_id FROM recipient_teams WHERE recipient_id = $1', [options.counsellorOf]);
      await addUser(randomUUID(), 'bench-c', 'counsellor', recipientTeam.rows[0]!.team_id);
      counsellor = await login('bench-c');
    }
    return {
      db,
      app,
      teamId,
      userId,
      worker: await login('bench-w'),
      counsellor,
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

export async function timeIt(fn: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

type Runs = (() => Promise<void>)[];

/**
 * The best time of each run over `reps` rounds. Each round first makes its data (`round`, not timed), then times
 * its runs one after the other: interleaved, so a busy machine skews no side of a ratio. Each round starts with
 * the next run, so the clean-up the data making leaves behind (garbage collection, the database's writes) falls
 * on every run in turn rather than always on the first.
 */
export async function bestOf(reps: number, round: (rep: number) => Runs | Promise<Runs>): Promise<number[]> {
  const best: number[] = [];
  for (let rep = 0; rep < reps; rep++) {
    const runs = await round(rep);
    for (let k = 0; k < runs.length; k++) {
      const i = (rep + k) % runs.length;
      best[i] = Math.min(await timeIt(runs[i]!), best[i] ?? Infinity);
    }
  }
  return best;
}

export function percentile(times: readonly number[], p: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** One parameterised multi-row INSERT per `chunk` rows: each row's values from `columns`, as numbered parameters. */
export async function insertRows<T>(q: Queryable, into: string, rows: readonly T[], columns: (row: T) => unknown[], chunk = 1000): Promise<void> {
  for (let start = 0; start < rows.length; start += chunk) {
    const params: unknown[] = [];
    const values = rows.slice(start, start + chunk).map((row) => {
      const cells = columns(row);
      const b = params.length;
      params.push(...cells);
      return `(${cells.map((_, k) => `$${b + k + 1}`).join(', ')})`;
    });
    await q.query(`INSERT INTO ${into} VALUES ${values.join(', ')}`, params);
  }
}
