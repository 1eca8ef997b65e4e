import { describe, expect, it } from 'vitest';
import type { KeukentafelDb } from '../data/db';
import { openHouseholdRepository } from '../data/repositories/household-repository';
import { fakeClock, fakeOnline, freshDb, householdInput, manualScheduler, worker } from '../data/testing/fakes';
import { BACKOFF_CAP_MS, backoffDelay } from './backoff';
import { createSyncEngine, MAX_ATTEMPTS } from './engine';
import { createHubClient, messages } from './hub-client';

interface Sent {
  key: string | null;
  caseId: string;
}

type Answer = { status: number; body?: unknown } | 'network';

/** A hub as a fetch function: answers come from `respond`; every POST is recorded. */
function fakeHub(respond: (sent: Sent) => Answer = () => ({ status: 201 })) {
  const sent: Sent[] = [];
  let changes: { caseId: string; status: 'received'; changedAt: string }[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input);
    if (init?.method === 'GET') {
      const since = Number(url.searchParams.get('since'));
      const page = since === 0 ? changes : [];
      return Response.json({ checkpoint: since === 0 ? changes.length : since, changes: page });
    }
    inFlight++;
    mostInFlight = Math.max(mostInFlight, inFlight);
    await Promise.resolve();
    inFlight--;
    const headers = new Headers(init?.headers);
    const body = JSON.parse(typeof init?.body === 'string' ? init.body : '{}') as { caseId: string };
    const record = { key: headers.get('idempotency-key'), caseId: body.caseId };
    sent.push(record);
    const answer = respond(record);
    if (answer === 'network') throw new TypeError('fetch failed');
    const ok = answer.status >= 200 && answer.status < 300;
    return Response.json(ok ? { caseId: body.caseId, status: 'received', receivedAt: '2026-03-02T09:00:05.000Z' } : answer.body ?? {}, {
      status: answer.status,
    });
  };
  return {
    fetch,
    sent,
    mostInFlight: () => mostInFlight,
    setChanges(list: typeof changes) {
      changes = list;
    },
  };
}

const apiError = (message: string) => ({ error: 'x', message });

async function setup(respond?: (sent: Sent) => Answer, db: KeukentafelDb = freshDb(), shared?: { key: CryptoKey; clock: ReturnType<typeof fakeClock> }) {
  const key = shared?.key ?? (await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']));
  const clock = shared?.clock ?? fakeClock();
  const hub = fakeHub(respond);
  const online = fakeOnline(true);
  const scheduler = manualScheduler();
  const client = createHubClient({ baseUrl: 'http://hub.test', fetch: hub.fetch });
  const engine = createSyncEngine({ db, key, hub: client.withToken('t'.repeat(40)), clock, random: () => 0.5, scheduler, onlineSignal: online });
  const repo = await openHouseholdRepository({ db, key, clock, worker: { id: worker.id, name: worker.displayName } });
  engine.onEntity((id, state) => repo.setSyncState(id, state));
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
    expect(await db.sync.get(first.id)).toMatchObject({ state: 'received' });
    expect(repo.list().map((s) => s.sync)).toEqual(['received', 'received']);
    expect(engine.status()).toMatchObject({ pending: 0, stuck: 0, lastError: null, lastSyncAt: clock.now() });
  });

  it('keeps the item and its Idempotency-Key when sending fails, and backs off', async () => {
    let fail = true;
    const { db, clock, hub, engine, repo } = await setup(() => (fail ? 'network' : { status: 201 }));
    const h = await repo.create(householdInput());
    await engine.syncNow();
    const [item] = await db.outbox.toArray();
    expect(item).toMatchObject({ status: 'pending', attempts: 1, lastError: messages.offline, nextAttemptAt: clock.now() + 1_000 });
    expect(engine.status().lastError).toBe(messages.offline);
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
      await engine.syncNow();
      clock.advance(BACKOFF_CAP_MS);
    }
    await engine.syncNow();
    expect(hub.sent).toHaveLength(MAX_ATTEMPTS);
    const [item] = await engine.items();
    expect(item).toMatchObject({ status: 'stuck', attempts: MAX_ATTEMPTS, lastError: messages.hubError });
    expect(engine.status()).toMatchObject({ pending: 0, stuck: 1 });
    expect(repo.list()[0]?.sync).toBe('stuck');
    await engine.retry(item!.id);
    expect(await db.outbox.get(item!.id)).toMatchObject({ status: 'pending', attempts: 0, lastError: null });
    expect(repo.list()[0]?.sync).not.toBe('stuck');
  });

  it.each([400, 403, 409, 422])('makes a %i stuck at once with the hub message, without dropping it', async (status) => {
    const { db, hub, engine, repo } = await setup(() => ({ status, body: apiError('Deze zaak bestaat al.') }));
    await repo.create(householdInput());
    await engine.syncNow();
    await engine.syncNow();
    expect(hub.sent).toHaveLength(1);
    expect(await db.outbox.toArray()).toMatchObject([{ status: 'stuck', attempts: 1, lastError: 'Deze zaak bestaat al.' }]);
  });

  it('keeps items pending on 401 and asks the worker to sign in again', async () => {
    const { db, engine, repo } = await setup(() => ({ status: 401, body: apiError('Uw sessie is verlopen.') }));
    await repo.create(householdInput());
    await engine.syncNow();
    expect(engine.status().lastError).toBe('Meld u opnieuw aan om te versturen.');
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
    hub.setChanges([{ caseId: h.id, status: 'received', changedAt: '2026-03-02T09:01:00.000Z' }]);
    // Network errors stop the push; the pull happens on the next run once a push is not failing.
    await db.outbox.toCollection().modify({ nextAttemptAt: Number.MAX_SAFE_INTEGER });
    await engine.syncNow();
    expect(repo.list()[0]?.sync).toBe('received');
    expect(await db.outbox.count()).toBe(0);
    expect(await db.checkpoints.get('case-changes')).toEqual({ id: 'case-changes', value: 1 });
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
});
