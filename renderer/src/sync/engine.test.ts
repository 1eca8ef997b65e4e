import { describe, expect, it } from 'vitest';
import { apiPaths } from '../../../shared/api/cases';
import type { Change } from '../../../shared/api/changes';
import type { KeukentafelDb } from '../data/db';
import { openHouseholdRepository } from '../data/repositories/household-repository';
import { fakeClock, fakeOnline, freshDb, householdInput, manualScheduler, worker } from '../testing/fakes';
import { BACKOFF_CAP_MS, backoffDelay, stuckRetryDelay } from './backoff';
import { createSyncEngine, MAX_ATTEMPTS } from './engine';
import { createHubClient, hubErrors } from './hub-client';
import { newCaseKind } from './kinds/new-case';
import { createOutbox } from './outbox';

const BATCH_SIZE = newCaseKind.batchSize;

interface Sent {
  key: string | null;
  caseId: string;
}

/** 'omit' leaves the item out of a batch answer, as a faulty hub might. */
type Answer = { status: number; body?: unknown } | 'network' | 'omit';

const itemStatuses = [200, 201, 400, 409, 422];
const receivedAt = '2026-03-02T09:00:05.000Z';

/**
 * A hub as a fetch function: answers come from `respond`, per case; every case sent is recorded.
 * On the batch route a status that is not per item (401, 403, 429, 5xx) or a network error fails the whole request.
 */
function fakeHub(respond: (sent: Sent) => Answer = () => ({ status: 201 })) {
  const sent: Sent[] = [];
  const requests: { route: 'batch'; size: number }[] = [];
  let changes: Change[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const options = { batchRoute: true };
  const accepted = (caseId: string) => ({ caseId, status: 'received', receivedAt });

  function batch(body: { items: { idempotencyKey: string; case: { caseId: string } }[] }): Response {
    requests.push({ route: 'batch', size: body.items.length });
    if (!options.batchRoute) return Response.json({ error: 'not_found', message: 'Deze pagina bestaat niet.' }, { status: 404 });
    const answers = body.items.map((item) => {
      const record = { key: item.idempotencyKey, caseId: item.case.caseId };
      sent.push(record);
      return { record, answer: respond(record) };
    });
    const whole = answers.find(({ answer }) => answer === 'network' || (answer !== 'omit' && !itemStatuses.includes(answer.status)))?.answer;
    if (whole === 'network') throw new TypeError('fetch failed');
    if (whole !== undefined && whole !== 'omit') return Response.json(whole.body ?? {}, { status: whole.status });
    const results = answers.flatMap(({ record, answer }) =>
      answer === 'network' || answer === 'omit'
        ? []
        : [{ idempotencyKey: record.key, status: answer.status, body: answer.status < 300 ? accepted(record.caseId) : (answer.body ?? {}) }],
    );
    return Response.json({ results });
  }

  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input);
    if (init?.method === 'GET') {
      const since = Number(url.searchParams.get('since'));
      const page = changes.filter((c) => c.seq > since);
      return Response.json({ checkpoint: Math.max(since, ...page.map((c) => c.seq)), more: false, changes: page });
    }
    inFlight++;
    mostInFlight = Math.max(mostInFlight, inFlight);
    await Promise.resolve();
    inFlight--;
    const body: unknown = JSON.parse(typeof init?.body === 'string' ? init.body : '{}');
    if (url.pathname === apiPaths.caseBatch) return batch(body as Parameters<typeof batch>[0]);
    return Response.json({ error: 'not_found', message: 'Deze pagina bestaat niet.' }, { status: 404 });
  };
  return {
    fetch,
    sent,
    requests,
    options,
    mostInFlight: () => mostInFlight,
    setChanges(list: typeof changes) {
      changes = list;
    },
  };
}

const apiError = (message: string) => ({ error: 'x', message });
/** How the device keeps a refusal built by apiError(): the hub's code, its message as a parameter. */
const refusal = (message: string) => ({ code: 'hub.x', params: { message } });

interface SetupOptions {
  random?: () => number;
}

async function setup(
  respond?: (sent: Sent) => Answer,
  db: KeukentafelDb = freshDb(),
  shared?: { key: CryptoKey; clock: ReturnType<typeof fakeClock> },
  options: SetupOptions = {},
) {
  const key = shared?.key ?? (await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']));
  const clock = shared?.clock ?? fakeClock();
  const hub = fakeHub(respond);
  const online = fakeOnline(true);
  const scheduler = manualScheduler();
  const client = createHubClient({ baseUrl: 'https://hub.test', fetch: hub.fetch });
  const engine = createSyncEngine({
    db,
    key,
    hub: client.withToken('t'.repeat(40)),
    clock,
    random: options.random ?? (() => 0.5),
    scheduler,
    onlineSignal: online,
  });
  const repo = await openHouseholdRepository({ db, key, clock, outbox: createOutbox({ key, clock }), worker: { id: worker.id, name: worker.displayName } });
  engine.onEntity((id, state, kind) => kind === 'new-case' && repo.setSyncState(id, state));
  return { db, key, clock, hub, online, scheduler, engine, repo };
}

describe('sync engine', () => {
  it('sends oldest first and removes each item only after the hub confirms it', async () => {
    const { db, clock, hub, engine, repo } = await setup();
    const first = await repo.create(householdInput('Eerste'));
    clock.advance(1);
    const second = await repo.create(householdInput('Tweede'));
    await engine.syncNow();
    expect(hub.sent.map((s) => s.caseId)).toEqual([first.id, second.id]);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.syncStates.get(['new-case', first.id])).toMatchObject({ state: 'received' });
    expect(repo.list().map((s) => s.sync)).toEqual(['received', 'received']);
    expect(engine.status()).toMatchObject({ pending: 0, stuck: 0, lastError: null, lastSyncAt: clock.now(), needsSignIn: false });
  });

  it('keeps the item and its Idempotency-Key when sending fails, and backs off', async () => {
    let fail = true;
    const { db, clock, hub, engine, repo } = await setup(() => (fail ? 'network' : { status: 201 }));
    const h = await repo.create(householdInput());
    await engine.syncNow();
    const [item] = await db.outbox.toArray();
    expect(item).toMatchObject({ status: 'pending', attempts: 1, lastError: hubErrors.offline, nextAttemptAt: clock.now() + 1_000 });
    expect(engine.status().lastError).toEqual(hubErrors.offline);
    expect(repo.list()[0]?.sync).toBe('waiting');
    await engine.syncNow();
    expect(hub.sent).toHaveLength(1);
    clock.advance(1_000);
    fail = false;
    await engine.syncNow();
    expect(hub.sent.map((s) => s.key)).toEqual([item!.id, item!.id]);
    expect(hub.sent.every((s) => s.caseId === h.id)).toBe(true);
    expect(await db.outbox.count()).toBe(0);
  });

  it('marks an item stuck after repeated failures, keeps it, and retry puts it back', async () => {
    const { db, clock, hub, engine, repo } = await setup(() => ({ status: 503 }));
    await repo.create(householdInput());
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      if (i > 0) clock.advance(BACKOFF_CAP_MS);
      await engine.syncNow();
    }
    await engine.syncNow();
    expect(hub.sent).toHaveLength(MAX_ATTEMPTS);
    const [item] = await engine.items();
    expect(item).toMatchObject({ status: 'stuck', attempts: MAX_ATTEMPTS, lastError: hubErrors.internal });
    expect(engine.status()).toMatchObject({ pending: 0, stuck: 1 });
    expect(repo.list()[0]?.sync).toBe('stuck');
    await engine.retry(item!.id);
    expect(await db.outbox.get(item!.id)).toMatchObject({ status: 'pending', attempts: 0, lastError: null });
    expect(repo.list()[0]?.sync).not.toBe('stuck');
  });

  it.each([400, 403, 409, 422])('makes a %i stuck at once with the hub message, and waits for the worker to retry', async (status) => {
    const { db, clock, hub, engine, repo, scheduler } = await setup(() => ({ status, body: apiError('Deze zaak bestaat al.') }));
    await repo.create(householdInput());
    await engine.syncNow();
    clock.advance(24 * 60 * 60_000);
    engine.start();
    scheduler.tick();
    await engine.syncNow();
    engine.stop();
    expect(hub.sent).toHaveLength(1);
    expect(await db.outbox.toArray()).toMatchObject([{ status: 'stuck', attempts: 1, lastError: refusal('Deze zaak bestaat al.'), failureKind: 'permanent' }]);
    expect(repo.list()[0]?.sync).toBe('stuck');
  });

  it('keeps trying an item stuck by a hub outage every few minutes by itself, and sends it once the hub is back', async () => {
    let hubDown = true;
    const { db, clock, hub, engine, repo, scheduler } = await setup(() => (hubDown ? { status: 503 } : { status: 201 }));
    await repo.create(householdInput());
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      if (i > 0) clock.advance(BACKOFF_CAP_MS);
      await engine.syncNow();
    }
    const [stuck] = await db.outbox.toArray();
    // Still shown as stuck ("Vastgelopen"), but with a next try at the capped backoff with jitter (random 0.5).
    expect(stuck).toMatchObject({ status: 'stuck', attempts: MAX_ATTEMPTS, failureKind: 'transient', nextAttemptAt: clock.now() + BACKOFF_CAP_MS * 0.75 });
    expect(engine.status()).toMatchObject({ pending: 0, stuck: 1 });
    expect(repo.list()[0]?.sync).toBe('stuck');
    // The sync page tells the worker the app keeps trying by itself.
    expect(await engine.items()).toMatchObject([{ status: 'stuck', autoRetry: true }]);
    await engine.syncNow();
    expect(hub.sent).toHaveLength(MAX_ATTEMPTS);

    clock.advance(BACKOFF_CAP_MS);
    await engine.syncNow();
    expect(hub.sent).toHaveLength(MAX_ATTEMPTS + 1);
    expect(await db.outbox.toArray()).toMatchObject([{ status: 'stuck', attempts: MAX_ATTEMPTS + 1, failureKind: 'transient' }]);
    expect(repo.list()[0]?.sync).toBe('stuck');

    hubDown = false;
    engine.start();
    await engine.syncNow();
    expect(hub.sent).toHaveLength(MAX_ATTEMPTS + 1);
    // No click on "Opnieuw proberen": the next tick after the wait sends it.
    clock.advance(BACKOFF_CAP_MS);
    const received = new Promise<void>((resolve) => engine.onEntity((_, state) => state === 'received' && resolve()));
    scheduler.tick();
    await received;
    await engine.syncNow();
    engine.stop();
    expect(hub.sent.map((s) => s.key)).toEqual(Array.from({ length: MAX_ATTEMPTS + 2 }, () => stuck!.id));
    expect(await db.outbox.count()).toBe(0);
    expect(repo.list()[0]?.sync).toBe('received');
    expect(engine.status()).toMatchObject({ pending: 0, stuck: 0, lastError: null });
  });

  it('makes an outage-stuck item wait for the worker once the hub refuses it', async () => {
    let answer: Answer = 'network';
    const { db, clock, hub, engine, repo } = await setup(() => answer);
    await repo.create(householdInput());
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      if (i > 0) clock.advance(BACKOFF_CAP_MS);
      await engine.syncNow();
    }
    answer = { status: 409, body: apiError('Deze casus is al ontvangen.') };
    clock.advance(BACKOFF_CAP_MS);
    await engine.syncNow();
    clock.advance(BACKOFF_CAP_MS);
    await engine.syncNow();
    expect(hub.sent).toHaveLength(MAX_ATTEMPTS + 1);
    expect(await db.outbox.toArray()).toMatchObject([{ status: 'stuck', failureKind: 'permanent', lastError: refusal('Deze casus is al ontvangen.') }]);
    expect(repo.list()[0]?.sync).toBe('stuck');
    // Now the worker has to look at it: the sync page says so.
    expect(await engine.items()).toMatchObject([{ status: 'stuck', autoRetry: false }]);
  });

  it('also retries items that older versions left stuck after an outage, but not ones the hub refused', async () => {
    const { db, clock, hub, engine, repo } = await setup();
    const outage = await repo.create(householdInput('Storing'));
    const refused = await repo.create(householdInput('Geweigerd'));
    await db.outbox.where('entityId').equals(outage.id).modify({ status: 'stuck', attempts: MAX_ATTEMPTS, lastError: hubErrors.internal });
    await db.outbox.where('entityId').equals(refused.id).modify({ status: 'stuck', attempts: 1, lastError: { code: 'hub.bad_request', params: { message: 'De gegevens kloppen niet.' } } });
    clock.advance(1);
    await engine.syncNow();
    expect(hub.sent.map((s) => s.caseId)).toEqual([outage.id]);
    expect(await db.outbox.toArray()).toMatchObject([{ entityId: refused.id, status: 'stuck' }]);
  });

  it('keeps items pending on 401 and asks the worker to sign in again', async () => {
    const { db, engine, repo } = await setup(() => ({ status: 401, body: apiError('Uw sessie is verlopen.') }));
    await repo.create(householdInput());
    await engine.syncNow();
    expect(engine.status()).toMatchObject({ lastError: hubErrors.unauthorized, needsSignIn: true });
    expect(await db.outbox.toArray()).toMatchObject([{ status: 'pending', attempts: 0 }]);
  });

  it('continues after a restart: a new engine on the same database sends with the same key', async () => {
    const db = freshDb();
    const first = await setup(() => 'network', db);
    await first.repo.create(householdInput());
    await first.engine.syncNow();
    first.engine.stop();
    first.clock.advance(BACKOFF_CAP_MS);
    const second = await setup(undefined, db, { key: first.key, clock: first.clock });
    expect(second.repo.list()[0]?.sync).toBe('waiting');
    await second.engine.syncNow();
    expect(second.hub.sent[0]?.key).toBe(first.hub.sent[0]?.key);
    expect(await db.outbox.count()).toBe(0);
  });

  it('never runs two pushes at once, even when asked repeatedly', async () => {
    const { hub, engine, repo } = await setup();
    await repo.importMany(Array.from({ length: 20 }, (_, i) => householdInput(`H${i}`)));
    await Promise.all([engine.syncNow(), engine.syncNow(), engine.syncNow()]);
    expect(hub.mostInFlight()).toBe(1);
    expect(new Set(hub.sent.map((s) => s.key)).size).toBe(20);
    expect(hub.sent).toHaveLength(20);
  });

  it('syncs when the network comes back and on every tick, not while offline', async () => {
    const { hub, engine, repo, online, scheduler } = await setup();
    online.set(false);
    await repo.create(householdInput());
    engine.start();
    await engine.syncNow();
    expect(hub.sent).toHaveLength(0);
    expect(engine.status().online).toBe(false);
    const done = new Promise<void>((resolve) => engine.onEntity((_, state) => state === 'received' && resolve()));
    online.set(true);
    await done;
    expect(hub.sent).toHaveLength(1);
    expect(scheduler.active()).toBe(1);
    engine.stop();
    expect(scheduler.active()).toBe(0);
  });

  it('pulls status changes and marks a case received even when its answer got lost', async () => {
    const { db, hub, engine, repo } = await setup(() => 'network');
    const h = await repo.create(householdInput());
    await engine.syncNow();
    hub.setChanges([{ seq: 1, entity: 'case', caseId: h.id, status: 'received', changedAt: '2026-03-02T09:01:00.000Z' }]);
    // Network errors stop the push; the pull happens on the next run once a push is not failing.
    await db.outbox.toCollection().modify({ nextAttemptAt: Number.MAX_SAFE_INTEGER });
    await engine.syncNow();
    expect(repo.list()[0]?.sync).toBe('received');
    expect(await db.outbox.count()).toBe(0);
    expect(await db.checkpoints.get('changes')).toEqual({ id: 'changes', value: 1 });
  });

  it(`sends due items in batches of up to ${BATCH_SIZE}, oldest first, and confirms each one`, async () => {
    const { db, hub, engine, repo } = await setup();
    await repo.importMany(Array.from({ length: 250 }, (_, i) => householdInput(`H${i}`)));
    const outbox = await db.outbox.toArray();
    outbox.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
    await engine.syncNow();
    expect(hub.requests).toEqual([
      { route: 'batch', size: 100 },
      { route: 'batch', size: 100 },
      { route: 'batch', size: 50 },
    ]);
    expect(hub.sent.map((s) => s.key)).toEqual(outbox.map((row) => row.id));
    expect(await db.outbox.count()).toBe(0);
    expect(repo.list().every((h) => h.sync === 'received')).toBe(true);
    expect(engine.status()).toMatchObject({ pending: 0, stuck: 0, lastError: null });
  });

  it('handles each answer in a batch on its own: received, replayed, refused or left out', async () => {
    const answers: Answer[] = [
      { status: 201 },
      { status: 200 },
      { status: 409, body: apiError('Deze casus is al ontvangen.') },
      { status: 422, body: apiError('Deze verzendsleutel is al gebruikt.') },
      { status: 400, body: apiError('De gegevens kloppen niet.') },
      'omit',
    ];
    let next = 0;
    const { db, clock, hub, engine, repo } = await setup(() => answers[next++] ?? { status: 201 });
    for (let i = 0; i < answers.length; i++) {
      await repo.create(householdInput(`H${i}`));
      clock.advance(1);
    }
    const ids = (await db.outbox.toArray()).sort((a, b) => a.createdAt - b.createdAt).map((row) => row.entityId);
    await engine.syncNow();
    expect(hub.requests).toEqual([{ route: 'batch', size: 6 }]);
    const rows = await db.outbox.toArray();
    const byEntity = (id: string) => rows.find((row) => row.entityId === id);
    expect(byEntity(ids[0]!)).toBeUndefined();
    expect(byEntity(ids[1]!)).toBeUndefined();
    expect(byEntity(ids[2]!)).toMatchObject({ status: 'stuck', attempts: 1, lastError: refusal('Deze casus is al ontvangen.') });
    expect(byEntity(ids[3]!)).toMatchObject({ status: 'stuck', lastError: refusal('Deze verzendsleutel is al gebruikt.') });
    expect(byEntity(ids[4]!)).toMatchObject({ status: 'stuck', lastError: refusal('De gegevens kloppen niet.') });
    expect(byEntity(ids[5]!)).toMatchObject({ status: 'pending', attempts: 1, lastError: hubErrors.badAnswer, nextAttemptAt: clock.now() + 1_000 });
    const sync = new Map(repo.list().map((h) => [h.id, h.sync]));
    expect(ids.map((id) => sync.get(id))).toEqual(['received', 'received', 'stuck', 'stuck', 'stuck', 'waiting']);
    expect(engine.status()).toMatchObject({ pending: 1, stuck: 3 });
  });

  it.each([
    ['a network error', 'network' as const, hubErrors.offline],
    ['a 503', { status: 503 }, hubErrors.internal],
    ['a 429', { status: 429 }, hubErrors.rateLimited],
  ])('after %s on a batch, backs off every item with its own jitter and keeps its key', async (_, answer, message) => {
    const draws = [0.1, 0.9, 0.5];
    let draw = 0;
    const { db, clock, hub, engine, repo } = await setup(() => answer, freshDb(), undefined, { random: () => draws[draw++ % draws.length]! });
    for (let i = 0; i < 3; i++) {
      await repo.create(householdInput(`H${i}`));
      clock.advance(1);
    }
    await engine.syncNow();
    expect(hub.requests).toEqual([{ route: 'batch', size: 3 }]);
    const rows = (await db.outbox.toArray()).sort((a, b) => a.createdAt - b.createdAt);
    expect(rows.map((r) => [r.status, r.attempts, r.lastError])).toEqual(Array.from({ length: 3 }, () => ['pending', 1, message]));
    expect(rows.map((r) => r.nextAttemptAt - clock.now())).toEqual([200, 1_800, 1_000]);
    expect(engine.status().lastError).toEqual(message);
    expect(repo.list().every((h) => h.sync === 'waiting')).toBe(true);
  });

  it('keeps a whole batch pending on 401 and asks the worker to sign in again', async () => {
    const { db, hub, engine, repo } = await setup(() => ({ status: 401, body: apiError('Uw sessie is verlopen.') }));
    await repo.importMany([householdInput('A'), householdInput('B')]);
    await engine.syncNow();
    expect(hub.requests).toEqual([{ route: 'batch', size: 2 }]);
    expect(engine.status()).toMatchObject({ lastError: hubErrors.unauthorized, needsSignIn: true });
    expect((await db.outbox.toArray()).map((r) => [r.status, r.attempts])).toEqual([
      ['pending', 0],
      ['pending', 0],
    ]);
  });

  it('treats a 404 on the batch route as a refusal: no one-by-one fallback, and no household is left "sending"', async () => {
    const { db, hub, engine, repo } = await setup();
    hub.options.batchRoute = false;
    const states: string[] = [];
    await repo.importMany(Array.from({ length: 3 }, (_, i) => householdInput(`H${i}`)));
    engine.onEntity((_, state) => states.push(state));
    await engine.syncNow();
    expect(hub.requests).toEqual([{ route: 'batch', size: 3 }]);
    expect(await db.outbox.toArray()).toMatchObject(
      Array.from({ length: 3 }, () => ({ status: 'stuck', failureKind: 'permanent', lastError: { code: 'hub.not_found', params: { message: 'Deze pagina bestaat niet.' } } })),
    );
    expect(repo.list().map((h) => h.sync)).toEqual(['stuck', 'stuck', 'stuck']);
    expect(states).toEqual(['sending', 'sending', 'sending', 'stuck', 'stuck', 'stuck']);
  });
});

describe('backoff', () => {
  it('stays within full-jitter bounds and is capped at 5 minutes', () => {
    for (let attempt = 1; attempt <= 12; attempt++) {
      const ceiling = Math.min(BACKOFF_CAP_MS, 2_000 * 2 ** (attempt - 1));
      expect(backoffDelay(attempt, () => 0)).toBe(0);
      expect(backoffDelay(attempt, () => 0.999999)).toBeLessThan(ceiling);
      expect(backoffDelay(attempt, () => 0.999999)).toBeGreaterThan(ceiling * 0.99);
    }
    expect(backoffDelay(30, () => 0.5)).toBe(BACKOFF_CAP_MS / 2);
  });

  it('retries a stuck item between 2.5 and 5 minutes later, with jitter', () => {
    expect(stuckRetryDelay(() => 0)).toBe(BACKOFF_CAP_MS / 2);
    expect(stuckRetryDelay(() => 0.5)).toBe(BACKOFF_CAP_MS * 0.75);
    expect(stuckRetryDelay(() => 0.999999)).toBeLessThan(BACKOFF_CAP_MS);
  });
});
