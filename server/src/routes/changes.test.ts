import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewCaseRequest } from '../../../shared/api/cases';
import { apiPaths } from '../../../shared/api/cases';
import type { ChangesResponse } from '../../../shared/api/changes';
import { changesPath, changesResponseSchema } from '../../../shared/api/changes';
import { availableBackends } from '../test-support/backends';
import type { Harness } from '../test-support/harness';
import { count, createHarness, newCase } from '../test-support/harness';

describe.each(availableBackends())('change feed on $name', (backend) => {
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
  const pull = async (since: number, limit?: number, user = 'worker'): Promise<ChangesResponse> => {
    const res = await h.app.inject({ method: 'GET', url: `${changesPath}?since=${since}${limit ? `&limit=${limit}` : ''}`, headers: auth(user) });
    expect(res.statusCode, res.body).toBe(200);
    return changesResponseSchema.parse(res.json());
  };
  const push = (body: NewCaseRequest, key = randomUUID(), user = 'worker') =>
    h.app.inject({ method: 'POST', url: apiPaths.cases, headers: { ...auth(user), 'idempotency-key': key }, payload: body });
  const pushBatch = (bodies: NewCaseRequest[]) =>
    h.app.inject({ method: 'POST', url: apiPaths.caseBatch, headers: auth('worker'), payload: { items: bodies.map((c) => ({ idempotencyKey: randomUUID(), case: c })) } });

  it("carries 'received' for every new case of the caller's team, once, in the order received", async () => {
    const start = await pull(0);
    const single = newCase();
    const key = randomUUID();
    expect((await push(single, key)).statusCode).toBe(201);
    expect((await push(single, key)).statusCode).toBe(201); // a replay publishes nothing new
    expect((await push(single)).statusCode).toBe(409); // nor does a refused duplicate
    const batch = [newCase(), newCase(), newCase()];
    expect((await pushBatch(batch)).statusCode).toBe(200);
    const theirs = newCase();
    expect((await push(theirs, randomUUID(), 'worker-b')).statusCode).toBe(201);

    const feed = await pull(start.checkpoint);
    expect(feed.changes.map((c) => [c.entity, c.caseId, c.status])).toEqual([single, ...batch].map((c) => ['case', c.caseId, 'received']));
    expect(feed.changes.map((c) => c.seq)).toEqual([...feed.changes.map((c) => c.seq)].sort((a, b) => a - b));
    expect(feed.checkpoint).toBe(feed.changes.at(-1)!.seq);
    expect(feed.more).toBe(false);
    expect(feed.changes[0]!.changedAt).toBe(h.clock.now().toISOString());
    expect(await pull(feed.checkpoint)).toEqual({ checkpoint: feed.checkpoint, more: false, changes: [] });
    const other = await pull(start.checkpoint, undefined, 'worker-b');
    expect(other.changes.map((c) => c.caseId)).toEqual([theirs.caseId]);
  });

  it('pages with limit and says when more wait', async () => {
    const start = await pull(0);
    const batch = Array.from({ length: 5 }, () => newCase());
    await pushBatch(batch);
    const first = await pull(start.checkpoint, 2);
    expect(first.changes.map((c) => c.caseId)).toEqual(batch.slice(0, 2).map((c) => c.caseId));
    expect(first.more).toBe(true);
    const second = await pull(first.checkpoint, 2);
    const third = await pull(second.checkpoint, 2);
    expect([...second.changes, ...third.changes].map((c) => c.caseId)).toEqual(batch.slice(2).map((c) => c.caseId));
    expect(third.more).toBe(false);
  });

  it('refuses bad checkpoints and limits with 400, other roles with 403, and audits each pull', async () => {
    for (const q of ['since=-1', 'since=abc', 'limit=0', 'limit=1001', 'limit=x']) {
      const res = await h.app.inject({ method: 'GET', url: `${changesPath}?${q}`, headers: auth('worker') });
      expect(res.statusCode, q).toBe(400);
      expect(res.json()).toMatchObject({ error: 'bad_request' });
    }
    expect((await h.app.inject({ method: 'GET', url: changesPath, headers: auth('counsellor') })).statusCode).toBe(403);
    expect((await h.app.inject({ method: 'GET', url: changesPath })).statusCode).toBe(401);
    const before = await count(h.db, "audit_log WHERE action = 'changes.read'");
    await pull(0);
    expect(await count(h.db, "audit_log WHERE action = 'changes.read'")).toBe(before + 1);
  });

  it('keeps the first feed (GET /api/v1/cases/changes) working for devices that still pull it', async () => {
    const old = await h.app.inject({ method: 'GET', url: `${apiPaths.caseChanges}?since=0`, headers: auth('worker') });
    expect(old.statusCode).toBe(200);
    const oldIds = old.json<{ changes: { caseId: string }[] }>().changes.map((c) => c.caseId);
    const all = await pull(0, 1000);
    expect(oldIds).toEqual(all.changes.map((c) => c.caseId));
  });
});
