import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { LoginResponse, Role } from '../../../shared/api/auth';
import type { NewCaseRequest } from '../../../shared/api/cases';
import { apiPaths } from '../../../shared/api/cases';
import { buildApp } from '../app';
import type { AppDeps } from '../app';
import type { Db } from '../db/database';
import { migrate } from '../db/migrate';
import { argon2Hasher } from '../services/passwords';
import type { Backend } from './backends';

export const password = 'Test-wachtwoord-2026';

export interface TestClock {
  now: () => Date;
  advance: (ms: number) => void;
}

export function fakeClock(start = new Date('2026-03-02T09:00:00.000Z')): TestClock {
  let t = start.getTime();
  return { now: () => new Date(t), advance: (ms) => (t += ms) };
}

export interface Harness {
  db: Db;
  app: FastifyInstance;
  clock: TestClock;
  teamA: string;
  teamB: string;
  login(username: string, pass?: string): Promise<LoginResponse>;
  close(): Promise<void>;
}

/** Users: worker, counsellor, teamlead in team A; worker-b in team B; all with `password`. */
export const testUsers: readonly { username: string; role: Role; team: 'A' | 'B' }[] = [
  { username: 'worker', role: 'worker', team: 'A' },
  { username: 'counsellor', role: 'counsellor', team: 'A' },
  { username: 'teamlead', role: 'teamlead', team: 'A' },
  { username: 'worker-b', role: 'worker', team: 'B' },
];

export async function createHarness(backend: Backend, overrides: Partial<AppDeps> = {}): Promise<Harness> {
  const db = await backend.open();
  await migrate(db);
  const teamA = randomUUID();
  const teamB = randomUUID();
  await db.query('INSERT INTO teams (team_id, name) VALUES ($1, $2), ($3, $4)', [teamA, 'Team A', teamB, 'Team B']);
  const hash = await argon2Hasher.hash(password);
  for (const u of testUsers) {
    await db.query(
      'INSERT INTO users (user_id, username, display_name, password_hash, role, team_id) VALUES ($1, $2, $3, $4, $5, $6)',
      [randomUUID(), u.username, `Test ${u.username}`, hash, u.role, u.team === 'A' ? teamA : teamB],
    );
  }
  const clock = fakeClock();
  // Every request of a test file comes from one address within one minute of the fake clock: the per-address
  // limits are high here and tested on purpose in rate-limits.test.ts.
  const app = await buildApp({ db, clock: clock.now, loginLimitPerMinute: 5, loginIpLimitPerMinute: 1_000, unauthenticatedLimitPerMinute: 1_000, ...overrides });
  await app.ready();
  return {
    db,
    app,
    clock,
    teamA,
    teamB,
    async login(username, pass = password) {
      const res = await app.inject({ method: 'POST', url: apiPaths.login, payload: { username, password: pass } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      return res.json<LoginResponse>();
    },
    async close() {
      await app.close();
      await db.close();
    },
  };
}

export const newCase = (over: Partial<NewCaseRequest> = {}): NewCaseRequest => ({
  caseId: randomUUID(),
  postcodeArea: '6411',
  adults: 1,
  children: 2,
  openedAt: '2026-03-01T10:00:00.000Z',
  ...over,
});

export const count = async (db: Db, sql: string, params: unknown[] = []): Promise<number> =>
  Number((await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${sql}`, params)).rows[0]?.n ?? 'NaN');
