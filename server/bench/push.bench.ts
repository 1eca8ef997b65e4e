import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import type { LoginResponse } from '../../shared/api/auth';
import type { NewCaseRequest } from '../../shared/api/cases';
import { apiPaths } from '../../shared/api/cases';
import { buildApp } from '../src/app';
import { createPgliteDb } from '../src/db/database';
import type { Queryable } from '../src/db/database';
import { migrate } from '../src/db/migrate';
import { argon2Hasher } from '../src/services/passwords';

export interface PushBenchResult {
  n: number;
  /** n sequential POST /api/v1/cases through app.inject, each with its own Idempotency-Key. */
  pushMs: number;
  /** The same rows as one parameterised multi-row INSERT (chunks of 1,000) into a scratch table. */
  rawMs: number;
}

const makeCases = (n: number): NewCaseRequest[] =>
  Array.from({ length: n }, (_, i) => ({
    caseId: randomUUID(),
    postcodeArea: String(6411 + (i % 20)),
    adults: 1 + (i % 3),
    children: i % 4,
    openedAt: new Date(Date.UTC(2026, 2, 1, 9, 0, i % 60)).toISOString(),
  }));

async function rawInsert(q: Queryable, teamId: string, userId: string, rows: NewCaseRequest[]): Promise<void> {
  const receivedAt = new Date().toISOString();
  for (let start = 0; start < rows.length; start += 1000) {
    const chunk = rows.slice(start, start + 1000);
    const params: unknown[] = [];
    const values = chunk.map((c) => {
      const b = params.length;
      params.push(c.caseId, teamId, userId, c.postcodeArea, c.adults, c.children, c.openedAt, receivedAt);
      return `(${Array.from({ length: 8 }, (_, k) => `$${b + k + 1}`).join(', ')})`;
    });
    await q.query(
      `INSERT INTO bench_cases (case_id, team_id, created_by, postcode_area, adults, children, opened_at, received_at) VALUES ${values.join(', ')}`,
      params,
    );
  }
}

/** Push n new cases through the whole HTTP stack versus a raw insert of the same rows, both on in-memory PGlite. */
export async function benchPush(n = 1000): Promise<PushBenchResult> {
  const db = await createPgliteDb();
  try {
    await migrate(db);
    const teamId = randomUUID();
    const userId = randomUUID();
    await db.query('INSERT INTO teams (team_id, name) VALUES ($1, $2)', [teamId, 'Bench team']);
    await db.query(
      "INSERT INTO users (user_id, username, display_name, password_hash, role, team_id) VALUES ($1, 'bench', 'Bench', $2, 'worker', $3)",
      [userId, await argon2Hasher.hash('bench-password'), teamId],
    );
    await db.exec('CREATE TABLE bench_cases (LIKE cases INCLUDING ALL)');
    const app = await buildApp({ db });
    await app.ready();
    const login = await app.inject({ method: 'POST', url: apiPaths.login, payload: { username: 'bench', password: 'bench-password' } });
    const { token } = login.json<LoginResponse>();
    const rows = makeCases(n);

    const pushStart = performance.now();
    for (const body of rows) {
      const res = await app.inject({
        method: 'POST',
        url: apiPaths.cases,
        headers: { authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() },
        payload: body,
      });
      if (res.statusCode !== 201) throw new Error(`push failed: ${res.statusCode} ${res.body}`);
    }
    const pushMs = performance.now() - pushStart;
    await app.close();

    const rawStart = performance.now();
    await rawInsert(db, teamId, userId, rows);
    const rawMs = performance.now() - rawStart;
    return { n, pushMs, rawMs };
  } finally {
    await db.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const n = Number(process.argv[2] ?? 1000);
  const r = await benchPush(n);
  console.log(`push ${r.n} cases: ${r.pushMs.toFixed(0)} ms via HTTP, ${r.rawMs.toFixed(0)} ms raw insert (ratio ${(r.pushMs / r.rawMs).toFixed(1)}x)`);
}
