import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorSchema } from '../../../shared/api/auth';
import type { NewCaseRequest } from '../../../shared/api/cases';
import { apiPaths, caseChangesResponseSchema, caseListResponseSchema, newCaseResponseSchema } from '../../../shared/api/cases';
import { availableBackends } from '../test-support/backends';
import type { Harness } from '../test-support/harness';
import { count, createHarness, newCase } from '../test-support/harness';

describe.each(availableBackends())('case routes on $name', (backend) => {
  let h: Harness;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    h = await createHarness(backend);
    for (const name of ['worker', 'counsellor', 'teamlead', 'worker-b']) tokens[name] = (await h.login(name)).token;
  });
  afterAll(async () => {
    await h.close();
  });

  const auth = (user: string) => ({ authorization: `Bearer ${tokens[user]}` });
  const push = (body: unknown, key: string = randomUUID(), user = 'worker') =>
    h.app.inject({ method: 'POST', url: apiPaths.cases, headers: { ...auth(user), 'idempotency-key': key }, payload: body as object });
  const get = (url: string, user = 'worker') => h.app.inject({ method: 'GET', url, headers: auth(user) });
  const casesWithId = (id: string) => count(h.db, 'cases WHERE case_id = $1', [id]);

  it('stores a new case once when it is sent twice with the same key', async () => {
    const body = newCase();
    const key = randomUUID();
    const first = await push(body, key);
    expect(first.statusCode).toBe(201);
    expect(newCaseResponseSchema.parse(first.json())).toMatchObject({ caseId: body.caseId, status: 'received' });
    h.clock.advance(5000);
    const again = await push(body, key);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await casesWithId(body.caseId)).toBe(1);
    const { rows } = await h.db.query<{ team_id: string }>('SELECT team_id FROM cases WHERE case_id = $1', [body.caseId]);
    expect(rows[0]?.team_id).toBe(h.teamA);
  });

  it('treats a key and a caseId spelled in upper case as the same ids in lower case', async () => {
    const body = newCase();
    const key = randomUUID();
    const first = await push({ ...body, caseId: body.caseId.toUpperCase() }, key.toUpperCase());
    expect(first.statusCode).toBe(201);
    expect(newCaseResponseSchema.parse(first.json()).caseId).toBe(body.caseId);
    const again = await push(body, key);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect((await push(body)).statusCode).toBe(409);
    expect(await casesWithId(body.caseId)).toBe(1);
    expect(await count(h.db, 'idempotency WHERE key = $1', [key])).toBe(1);
  });

  it('stores a case once when the same push races itself', async () => {
    const body = newCase();
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 5 }, () => push(body, key)));
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(await casesWithId(body.caseId)).toBe(1);
  });

  it('answers 422 when a key comes back with another body, and 409 when a case comes back under another key', async () => {
    const body = newCase();
    const key = randomUUID();
    expect((await push(body, key)).statusCode).toBe(201);
    const reused = await push({ ...body, children: 3 }, key);
    expect(reused.statusCode).toBe(422);
    expect(apiErrorSchema.parse(reused.json()).message).toMatch(/verzendsleutel/);
    const otherUser = await push(body, key, 'worker-b');
    expect(otherUser.statusCode).toBe(422);
    const newKey = randomUUID();
    const duplicate = await push(body, newKey);
    expect(duplicate.statusCode).toBe(409);
    expect(await casesWithId(body.caseId)).toBe(1);
    expect(await count(h.db, 'idempotency WHERE key = $1', [newKey])).toBe(0);
  });

  it('rejects bad bodies and keys with a Dutch 400 and writes nothing', async () => {
    const good = newCase();
    const bad: unknown[] = [
      {},
      { ...good, caseId: 'not-a-uuid' },
      { ...good, postcodeArea: '0123' },
      { ...good, adults: 0 },
      { ...good, children: 1.5 },
      { ...good, openedAt: 'gisteren' },
      { ...good, openedAt: '0000-01-01T00:00:00Z' },
      { ...good, name: 'Jansen' },
      [good],
    ];
    const before = [await count(h.db, 'cases'), await count(h.db, 'idempotency')];
    for (const body of bad) {
      const res = await push(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(apiErrorSchema.parse(res.json())).toMatchObject({ error: 'bad_request', issues: expect.any(Array) as unknown });
    }
    const noKey = await h.app.inject({ method: 'POST', url: apiPaths.cases, headers: auth('worker'), payload: good });
    expect(noKey.statusCode).toBe(400);
    expect(noKey.json()).toMatchObject({ issues: [{ path: 'headers.idempotency-key', message: 'Idempotency-Key moet een UUID zijn.' }] });
    expect((await push(good, 'abc')).statusCode).toBe(400);
    const big = await push({ ...good, pad: 'x'.repeat(1_100_000) });
    expect(big.statusCode).toBe(413);
    expect([await count(h.db, 'cases'), await count(h.db, 'idempotency')]).toEqual(before);
  });

  it('never answers arbitrary JSON with a 500', async () => {
    const good = newCase();
    const field = fc.constantFrom('caseId', 'postcodeArea', 'adults', 'children', 'openedAt', 'extra');
    const body = fc.oneof(fc.jsonValue(), fc.tuple(field, fc.jsonValue()).map(([k, v]) => ({ ...good, caseId: randomUUID(), [k]: v })));
    const before = await count(h.db, 'cases');
    let created = 0;
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const res = await h.app.inject({
          method: 'POST',
          url: apiPaths.cases,
          headers: { ...auth('worker'), 'idempotency-key': randomUUID(), 'content-type': 'application/json' },
          payload: JSON.stringify(b),
        });
        if (res.statusCode === 201) created++;
        else expect(res.statusCode).toBe(400);
      }),
      { numRuns: 150 },
    );
    expect(await count(h.db, 'cases')).toBe(before + created);
  });

  it('lets only workers send cases and only workers and team leads list them', async () => {
    const forbidden = await push(newCase(), randomUUID(), 'counsellor');
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json()).toMatchObject({ message: 'U heeft geen toegang tot dit onderdeel.' });
    expect((await get(apiPaths.cases, 'counsellor')).statusCode).toBe(403);
    expect((await get(apiPaths.cases, 'teamlead')).statusCode).toBe(200);
    const anonymous = await h.app.inject({ method: 'POST', url: apiPaths.cases, payload: newCase() });
    expect(anonymous.statusCode).toBe(401);
  });

  it('lists only the own team’s cases', async () => {
    const mine = newCase({ postcodeArea: '6412', adults: 2, children: 0 });
    const theirs = newCase();
    expect((await push(mine)).statusCode).toBe(201);
    expect((await push(theirs, randomUUID(), 'worker-b')).statusCode).toBe(201);
    const list = caseListResponseSchema.parse((await get(apiPaths.cases, 'teamlead')).json());
    const ids = list.cases.map((c) => c.caseId);
    expect(ids).toContain(mine.caseId);
    expect(ids).not.toContain(theirs.caseId);
    expect(list.cases.find((c) => c.caseId === mine.caseId)).toMatchObject({ postcodeArea: '6412', adults: 2, children: 0, openedAt: '2026-03-01' });
    const teamB = caseListResponseSchema.parse((await get(apiPaths.cases, 'worker-b')).json());
    expect(teamB.cases.map((c) => c.caseId)).toEqual([theirs.caseId]);
  });

  it('gives status changes after a checkpoint', async () => {
    const start = caseChangesResponseSchema.parse((await get(`${apiPaths.caseChanges}?since=0`)).json());
    const sent: NewCaseRequest[] = [newCase(), newCase()];
    for (const c of sent) expect((await push(c)).statusCode).toBe(201);
    const next = caseChangesResponseSchema.parse((await get(`${apiPaths.caseChanges}?since=${start.checkpoint}`)).json());
    expect(next.changes.map((c) => c.caseId)).toEqual(sent.map((c) => c.caseId));
    expect(next.changes.every((c) => c.status === 'received')).toBe(true);
    expect(next.checkpoint).toBeGreaterThan(start.checkpoint);
    const none = caseChangesResponseSchema.parse((await get(`${apiPaths.caseChanges}?since=${next.checkpoint}`)).json());
    expect(none).toEqual({ checkpoint: next.checkpoint, changes: [] });
    expect((await get(`${apiPaths.caseChanges}?since=-1`)).statusCode).toBe(400);
    expect((await get(`${apiPaths.caseChanges}?since=abc`)).statusCode).toBe(400);
    const otherTeam = caseChangesResponseSchema.parse((await get(`${apiPaths.caseChanges}?since=${start.checkpoint}`, 'worker-b')).json());
    expect(otherTeam.changes.map((c) => c.caseId)).not.toContain(sent[0]!.caseId);
  });

  it('writes an audit row for every dossier read and write, without personal data', async () => {
    const body = newCase();
    const key = randomUUID();
    await push(body, key);
    await push(body, key);
    await get(apiPaths.cases, 'teamlead');
    const { rows } = await h.db.query<{ action: string; outcome: string; entity_id: string }>(
      'SELECT action, outcome, entity_id FROM audit_log WHERE entity_id = $1 ORDER BY id',
      [body.caseId],
    );
    expect(rows.map((r) => `${r.action}:${r.outcome}`)).toEqual(['case.create:ok', 'case.create:replayed', 'case.read:ok']);
    await expect(h.db.query("UPDATE audit_log SET outcome = 'x' WHERE entity_id = $1", [body.caseId])).rejects.toThrow(/append-only/);
  });

  it('serves health, OpenAPI with every path, JSON 404 and CORS for the app', async () => {
    expect((await h.app.inject({ method: 'GET', url: apiPaths.health })).json()).toEqual({ status: 'ok', db: 'ok' });
    const spec = (await h.app.inject({ method: 'GET', url: '/openapi.json' })).json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(Object.values(apiPaths)));
    const missing = await h.app.inject({ method: 'GET', url: '/api/v1/nope' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ error: 'not_found', message: 'Deze pagina bestaat niet.' });
    const ok = await h.app.inject({ method: 'GET', url: apiPaths.health, headers: { origin: 'app://keukentafel' } });
    expect(ok.headers['access-control-allow-origin']).toBe('app://keukentafel');
    const evil = await h.app.inject({ method: 'GET', url: apiPaths.health, headers: { origin: 'https://evil.example' } });
    expect(evil.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('pages a list of more than 11,000 cases instead of failing, with a bounded audit write per page', async () => {
    // A team of its own, filled straight in SQL: 11,000 cases, more than one INSERT of six parameters per row could audit (10,923).
    const team = randomUUID();
    const user = randomUUID();
    await h.db.query("INSERT INTO teams (team_id, name) VALUES ($1, 'Team groot')", [team]);
    await h.db.query(
      "INSERT INTO users (user_id, username, display_name, password_hash, role, team_id) SELECT $1, 'lead-big', 'Lead', password_hash, 'teamlead', $2 FROM users WHERE username = 'teamlead'",
      [user, team],
    );
    await h.db.query(
      `INSERT INTO cases (case_id, team_id, created_by, postcode_area, adults, children, opened_on, received_at)
       SELECT gen_random_uuid(), $1, $2, '6411', 1, 0, DATE '2026-03-01', now() FROM generate_series(1, 11000)`,
      [team, user],
    );
    tokens['lead-big'] = (await h.login('lead-big')).token;
    const seen = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const auditBefore = await count(h.db, 'audit_log');
      const res = await get(`${apiPaths.cases}?limit=500${cursor ? `&cursor=${cursor}` : ''}`, 'lead-big');
      expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
      const page = caseListResponseSchema.parse(res.json());
      expect(page.cases.length).toBeLessThanOrEqual(500);
      for (const c of page.cases) seen.add(c.caseId);
      expect(await count(h.db, 'audit_log')).toBe(auditBefore + page.cases.length);
      cursor = page.nextCursor;
      pages++;
    } while (cursor !== null);
    expect(seen.size).toBe(11_000);
    expect(pages).toBe(22);
    // Without a limit the hub still answers one bounded page, never all 11,000 at once.
    const unbounded = caseListResponseSchema.parse((await get(apiPaths.cases, 'lead-big')).json());
    expect(unbounded.cases).toHaveLength(500);
    expect(unbounded.nextCursor).not.toBeNull();
    for (const q of ['limit=0', 'limit=501', 'cursor=abc', 'cursor=-1']) expect((await get(`${apiPaths.cases}?${q}`, 'lead-big')).statusCode, q).toBe(400);
  });
});
