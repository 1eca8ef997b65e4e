import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorSchema } from '../../../shared/api/auth';
import type { CaseBatchResponse, NewCaseRequest } from '../../../shared/api/cases';
import { apiPaths, caseBatchResponseSchema, caseChangesResponseSchema } from '../../../shared/api/cases';
import { messages } from '../plugins/errors';
import { availableBackends } from '../test-support/backends';
import type { Harness } from '../test-support/harness';
import { count, createHarness, newCase } from '../test-support/harness';

interface Item {
  idempotencyKey: string;
  case: unknown;
}

const item = (body: unknown = newCase(), idempotencyKey: string = randomUUID()): Item => ({ idempotencyKey, case: body });

describe.each(availableBackends())('case batch route on $name', (backend) => {
  let h: Harness;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    h = await createHarness(backend);
    for (const name of ['worker', 'counsellor', 'worker-b']) tokens[name] = (await h.login(name)).token;
  });
  afterAll(async () => {
    await h.close();
  });

  const auth = (user: string) => ({ authorization: `Bearer ${tokens[user]}` });
  const sendRaw = (payload: unknown, user = 'worker') =>
    h.app.inject({ method: 'POST', url: apiPaths.caseBatch, headers: { ...auth(user), 'content-type': 'application/json' }, payload: JSON.stringify(payload) });
  const send = async (items: Item[], user = 'worker'): Promise<CaseBatchResponse['results']> => {
    const res = await sendRaw({ items }, user);
    expect(res.statusCode, res.body).toBe(200);
    return caseBatchResponseSchema.parse(res.json()).results;
  };
  const pushOne = (body: NewCaseRequest, key: string) =>
    h.app.inject({ method: 'POST', url: apiPaths.cases, headers: { ...auth('worker'), 'idempotency-key': key }, payload: body });
  const stored = async () => [await count(h.db, 'cases'), await count(h.db, 'idempotency')];

  it('stores a batch once and answers its replay with the first answers, writing nothing twice', async () => {
    const items = [item(), item(), item()];
    const first = await send(items);
    expect(first.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(first.map((r) => r.idempotencyKey)).toEqual(items.map((i) => i.idempotencyKey));
    expect(first.map((r) => (r.body as { caseId: string }).caseId)).toEqual(items.map((i) => (i.case as NewCaseRequest).caseId));
    const before = await stored();
    h.clock.advance(60_000);
    const again = await send(items);
    expect(again.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(again.map((r) => r.body)).toEqual(first.map((r) => r.body));
    expect(await stored()).toEqual(before);
    // A device that falls back to the single route with the same key gets the same first answer.
    const single = await pushOne(items[0]!.case as NewCaseRequest, items[0]!.idempotencyKey);
    expect(single.statusCode).toBe(201);
    expect(single.headers['idempotent-replayed']).toBe('true');
    expect(single.json()).toEqual(first[0]!.body);
    const { rows } = await h.db.query<{ outcome: string }>("SELECT outcome FROM audit_log WHERE action = 'case.create' AND entity_id = $1 ORDER BY id", [
      (items[1]!.case as NewCaseRequest).caseId,
    ]);
    expect(rows.map((r) => r.outcome)).toEqual(['ok', 'replayed']);
  });

  it('answers each item of a mixed batch on its own, and one failure does not stop the others', async () => {
    const earlier = newCase();
    const earlierKey = randomUUID();
    expect((await pushOne(earlier, earlierKey)).statusCode).toBe(201);
    const fresh = newCase();
    const twice = item();
    const sameCase = newCase();
    const items = [
      item(fresh),
      item(earlier, earlierKey), // replay of a single push
      item({ ...earlier, children: 5 }, earlierKey), // key reused with other data
      item(earlier), // the same case under a new key
      item({ ...newCase(), postcodeArea: '0123' }),
      item({ ...newCase(), openedAt: '0000-01-01T00:00:00Z' }),
      item({ ...newCase(), name: 'Jansen' }),
      twice,
      twice, // repeated inside the batch
      item(sameCase),
      item(sameCase), // the same case twice inside the batch, under two keys
    ];
    const results = await send(items);
    expect(results.map((r) => r.status)).toEqual([201, 200, 422, 409, 400, 400, 400, 201, 200, 201, 409]);
    expect(results[8]!.body).toEqual(results[7]!.body);
    expect(apiErrorSchema.parse(results[2]!.body).message).toBe(messages.keyReused);
    expect(apiErrorSchema.parse(results[3]!.body).message).toBe(messages.caseExists);
    expect(apiErrorSchema.parse(results[4]!.body)).toMatchObject({ message: messages.badRequest, issues: [{ path: 'case.postcodeArea' }] });
    expect(apiErrorSchema.parse(results[5]!.body).issues).toEqual([{ path: 'case.openedAt', message: messages.outOfRange }]);
    for (const c of [fresh, earlier, twice.case as NewCaseRequest, sameCase]) expect(await count(h.db, 'cases WHERE case_id = $1', [c.caseId])).toBe(1);
    // A refused item leaves no key behind, so the device may send it again after a fix.
    for (const i of [3, 4, 10]) expect(await count(h.db, 'idempotency WHERE key = $1', [items[i]!.idempotencyKey])).toBe(0);
    const conflicts = await count(h.db, "audit_log WHERE entity_id = $1 AND outcome = 'conflict'", [sameCase.caseId]);
    expect(conflicts).toBe(1);
  });

  it('treats one UUID in two spellings as one, for keys and for caseIds', async () => {
    const key = randomUUID();
    const sameKey = [item(newCase(), key), item(newCase(), key.toUpperCase())];
    const keyResults = await send(sameKey);
    expect(keyResults.map((r) => r.status)).toEqual([201, 422]);
    expect(keyResults.map((r) => r.idempotencyKey)).toEqual([key, key]);
    expect(await count(h.db, 'idempotency WHERE key = $1', [key])).toBe(1);
    expect(await count(h.db, 'cases WHERE case_id = ANY($1::uuid[])', [sameKey.map((i) => (i.case as NewCaseRequest).caseId)])).toBe(1);

    const body = newCase();
    const caseResults = await send([item(body), item({ ...body, caseId: body.caseId.toUpperCase() })]);
    expect(caseResults.map((r) => r.status)).toEqual([201, 409]);
    expect(await count(h.db, 'cases WHERE case_id = $1', [body.caseId])).toBe(1);
    // The single route says the same for an upper-case caseId under a third key.
    expect((await pushOne({ ...body, caseId: body.caseId.toUpperCase() }, randomUUID())).statusCode).toBe(409);
  });

  it('stores a batch once when identical batches race each other', async () => {
    const items = Array.from({ length: 50 }, () => item());
    const before = await stored();
    const answers = await Promise.all(Array.from({ length: 4 }, () => send(items)));
    for (let i = 0; i < items.length; i++) {
      const statuses = answers.map((a) => a[i]!.status).sort();
      expect(statuses).toEqual([200, 200, 200, 201]);
      expect(new Set(answers.map((a) => JSON.stringify(a[i]!.body))).size).toBe(1);
    }
    expect(await stored()).toEqual([before[0]! + 50, before[1]! + 50]);
  });

  it('refuses a bad envelope as a whole with a Dutch 400 and writes nothing', async () => {
    const good = item();
    const bad: unknown[] = [
      {},
      { items: [] },
      { items: Array.from({ length: 501 }, () => item()) },
      { items: [good, { idempotencyKey: 'abc', case: newCase() }] },
      { items: [good, { ...item(), extra: 1 }] },
      { items: [good], extra: 1 },
      { items: good },
      [good],
      null,
    ];
    const before = await stored();
    for (const payload of bad) {
      const res = await sendRaw(payload);
      expect(res.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(400);
      expect(apiErrorSchema.parse(res.json())).toMatchObject({ error: 'bad_request' });
      expect(apiErrorSchema.parse(res.json()).message).toMatch(/gegevens/);
    }
    expect((await sendRaw({ items: [] })).json()).toMatchObject({ issues: [{ path: 'body.items', message: 'Stuur minstens één casus.' }] });
    expect(await stored()).toEqual(before);
  });

  it('lets only signed-in workers send a batch', async () => {
    expect((await sendRaw({ items: [item()] }, 'counsellor')).statusCode).toBe(403);
    const anonymous = await h.app.inject({ method: 'POST', url: apiPaths.caseBatch, payload: { items: [item()] } });
    expect(anonymous.statusCode).toBe(401);
  });

  it("puts a batch's cases in the changes feed in the order sent, for the sender's team only", async () => {
    const start = caseChangesResponseSchema.parse((await h.app.inject({ method: 'GET', url: `${apiPaths.caseChanges}?since=0`, headers: auth('worker') })).json());
    const items = Array.from({ length: 120 }, () => item());
    await send(items);
    const feed = caseChangesResponseSchema.parse(
      (await h.app.inject({ method: 'GET', url: `${apiPaths.caseChanges}?since=${start.checkpoint}`, headers: auth('worker') })).json(),
    );
    expect(feed.changes.map((c) => c.caseId)).toEqual(items.map((i) => (i.case as NewCaseRequest).caseId));
    expect(await count(h.db, 'cases WHERE team_id = $1 AND case_id = $2', [h.teamB, (items[0]!.case as NewCaseRequest).caseId])).toBe(0);
  });
});
