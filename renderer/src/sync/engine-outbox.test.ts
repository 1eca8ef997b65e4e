import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { apiPaths } from '../../../shared/api/cases';
import type { Change } from '../../../shared/api/changes';
import { changesPath } from '../../../shared/api/changes';
import { signalEventsBatchPath } from '../../../shared/api/signal-events';
import { openHouseholdRepository } from '../data/repositories/household-repository';
import { fakeClock, fakeOnline, freshDb, householdInput, manualScheduler, worker } from '../testing/fakes';
import { createSyncEngine } from './engine';
import { createHubClient, hubErrors } from './hub-client';
import type { OutboxKind, OutboxMessage } from './kinds';
import { confirmed, defaultKinds, defineKind, kindRegistry, outboxKinds } from './kinds';
import { createOutbox, enqueue, openMessage } from './outbox';
import { newCaseKind } from './kinds/new-case';
import { encryptJson } from '../data/crypto/cipher';
import { places } from '../data/crypto/places';
import { sealRecord } from '../data/crypto/record';
import { pushErrors } from './push';

/** A hub as a fetch function: cases go through `onBatch` (201 each by default), the feed serves `changes`. */
function fakeHub() {
  const sent: string[] = [];
  /** Signal event requests, each the list of its events' types. */
  const eventRequests: string[][] = [];
  const state = {
    changes: [] as Change[],
    pageSize: 1_000,
    onBatch: null as null | ((caseIds: string[]) => Promise<Response | null>),
  };
  const handle = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input);
    if (url.pathname === changesPath) {
      const since = Number(url.searchParams.get('since'));
      const after = state.changes.filter((c) => c.seq > since);
      const page = after.slice(0, state.pageSize);
      return Response.json({ checkpoint: page.at(-1)?.seq ?? since, more: after.length > page.length, changes: page });
    }
    if (url.pathname === signalEventsBatchPath) {
      const { events } = JSON.parse(init?.body as string) as { events: { type: string; eventId: string }[] };
      eventRequests.push(events.map((e) => e.type));
      return Response.json({ results: events.map((e) => ({ eventId: e.eventId, status: 201 })) });
    }
    if (url.pathname !== apiPaths.caseBatch) return Response.json({ error: 'not_found', message: 'Niet gevonden.' }, { status: 404 });
    const { items } = JSON.parse(init?.body as string) as { items: { idempotencyKey: string; case: { caseId: string } }[] };
    const special = await state.onBatch?.(items.map((i) => i.case.caseId));
    if (special) return special;
    sent.push(...items.map((i) => i.case.caseId));
    const receivedAt = '2026-03-02T09:00:05.000Z';
    return Response.json({
      results: items.map((i) => ({ idempotencyKey: i.idempotencyKey, status: 201, body: { caseId: i.case.caseId, status: 'received', receivedAt } })),
    });
  };
  // Like the real fetch, a request gives up when its signal aborts, even if the hub never answers.
  const fetch = (input: RequestInfo | URL, init?: RequestInit) =>
    new Promise<Response>((resolve, reject) => {
      init?.signal?.addEventListener('abort', () => reject(init.signal?.reason as Error));
      handle(input, init).then(resolve, reject);
    });
  return { fetch, sent, eventRequests, state };
}

/** A later kind's stand-in: a dossier that may only go once its case is confirmed. */
const dossierBody = z.object({ dossierId: z.uuid(), caseId: z.uuid() }).strict();
function fakeDossierKind(sent: string[]): OutboxKind<'test-dossier', z.infer<typeof dossierBody>> {
  return defineKind({
    name: 'test-dossier',
    body: dossierBody,
    batchSize: 1,
    entityOf: (body) => body.dossierId,
    waitsFor: (body) => ({ kind: 'new-case', entityId: body.caseId }),
    send(_hub, items) {
      sent.push(...items.map((i) => i.body.dossierId));
      return Promise.resolve({ kind: 'ok', value: new Map(items.map((i) => [i.key, confirmed()])) });
    },
  });
}

async function setup(options: { timeoutMs?: number; extraKinds?: OutboxKind[] } = {}) {
  const db = freshDb();
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const clock = fakeClock();
  const hub = fakeHub();
  const kinds = kindRegistry([...outboxKinds, ...(options.extraKinds ?? [])]);
  const client = createHubClient({ baseUrl: 'https://hub.test', fetch: hub.fetch, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) });
  const engine = createSyncEngine({ db, key, hub: client.withToken('t'.repeat(40)), clock, random: () => 0.5, scheduler: manualScheduler(), onlineSignal: fakeOnline(true), kinds });
  const repo = await openHouseholdRepository({ db, key, clock, outbox: createOutbox({ key, clock }), worker: { id: worker.id, name: worker.displayName } });
  engine.onEntity((id, state, kind) => kind === 'new-case' && repo.setSyncState(id, state));
  const outbox = createOutbox({ key, clock, kinds });
  /** Enqueues like a repository does: sealed first, written in a transaction. */
  const put = async (messages: readonly { kind: string; body: unknown }[]) => {
    const sealed = await outbox.seal(messages as OutboxMessage[]);
    await db.transaction('rw', db.outbox, () => enqueue(db, sealed));
  };
  return { db, key, clock, hub, engine, repo, put };
}

describe('outbox message kinds', () => {
  it('has one zod union that accepts exactly the registered kinds', () => {
    expect([...defaultKinds.keys()].sort()).toEqual(['consent-withdrawal', 'dossier', 'new-case', 'signal-event']);
  });

  it('enqueues only inside a transaction that covers the outbox', async () => {
    const { db, put } = await setup();
    const outbox = createOutbox({ key: await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt']), clock: fakeClock() });
    const sealed = await outbox.seal([{ kind: 'new-case', body: { caseId: crypto.randomUUID(), postcodeArea: '6411', adults: 1, children: 0, openedAt: '2026-03-01T10:00:00.000Z' } }]);
    await expect(enqueue(db, sealed)).rejects.toThrow('inside the transaction');
    await expect(db.transaction('rw', db.households, () => enqueue(db, sealed))).rejects.toThrow('inside the transaction');
    await expect(put([{ kind: 'new-case', body: { caseId: 'geen-uuid' } }])).rejects.toThrow();
    expect(await db.outbox.count()).toBe(0);
  });

  it('holds a message that waits for its case until the hub confirmed the case, then sends it in the same run', async () => {
    const dossiers: string[] = [];
    const { db, hub, engine, repo, put, clock } = await setup({ extraKinds: [fakeDossierKind(dossiers)] });
    const caseId = crypto.randomUUID();
    const dossierId = crypto.randomUUID();
    // Enqueued before the household exists, so it is the oldest item: it must still wait.
    await put([{ kind: 'test-dossier', body: { dossierId, caseId } }]);
    clock.advance(1);
    await repo.importMany([{ ...householdInput(), id: caseId }]);

    hub.state.onBatch = () => Promise.resolve(Response.json({ error: 'down', message: 'Storing' }, { status: 503 }));
    await engine.syncNow();
    expect(dossiers).toEqual([]);
    expect(await db.outbox.where('kind').equals('test-dossier').toArray()).toMatchObject([{ status: 'pending', attempts: 0, lastError: null }]);

    hub.state.onBatch = null;
    clock.advance(60_000);
    await engine.syncNow();
    expect(hub.sent).toEqual([caseId]);
    expect(dossiers).toEqual([dossierId]);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.syncStates.get(['test-dossier', dossierId])).toMatchObject({ state: 'received' });
  });

  it.each([
    ['sealed to their items', pushErrors.unreadable, false],
    // Version 6 resealed every readable item at unlock; one still unsealed is never opened.
    ['written before version 6 (not sealed)', pushErrors.unreadable, true],
  ])('never sends payloads swapped between two items %s: both are stuck with a clear reason, none is "received"', async (_, reason, legacy) => {
    const { db, key, hub, engine, repo } = await setup();
    const first = await repo.create(householdInput('Eerste'));
    const second = await repo.create(householdInput('Tweede'));
    if (legacy) {
      // How version 5 stored a new case: the body encrypted without a place.
      for (const row of await db.outbox.toArray()) {
        const body = await openMessage(key, newCaseKind, row);
        await db.outbox.update(row.id, { sealed: undefined, ...(await encryptJson(key, body)) });
      }
    }
    const [a, b] = await db.outbox.toArray();
    // Someone with write access to IndexedDB (and no key) swaps the two encrypted bodies.
    await db.outbox.update(a!.id, { iv: b!.iv, data: b!.data });
    await db.outbox.update(b!.id, { iv: a!.iv, data: a!.data });
    await engine.syncNow();
    expect(hub.sent).toEqual([]);
    const rows = await db.outbox.toArray();
    expect(rows.map((r) => r.entityId).sort()).toEqual([first.id, second.id].sort());
    expect(rows).toMatchObject([
      { status: 'stuck', failureKind: 'permanent', lastError: reason },
      { status: 'stuck', failureKind: 'permanent', lastError: reason },
    ]);
    expect(repo.list().map((h) => [h.name, h.sync]).sort()).toEqual([
      ['Eerste', 'stuck'],
      ['Tweede', 'stuck'],
    ]);
    expect(await db.syncStates.count()).toBe(0);
  });

  it('refuses a body that names another case than its item, even when it is sealed to that item', async () => {
    const { db, key, hub, engine, repo } = await setup();
    const victim = await repo.create(householdInput('Slachtoffer'));
    const [item] = await db.outbox.toArray();
    const other = { caseId: crypto.randomUUID(), postcodeArea: '6411', adults: 1, children: 0, openedAt: '2026-03-01T10:00:00.000Z' };
    // Only a fault in this app's own code could seal this; the engine's entity check is the last guard.
    await db.outbox.update(item!.id, await sealRecord(key, places.outbox(item!), other));
    await engine.syncNow();
    expect(hub.sent).toEqual([]);
    expect(await db.outbox.toArray()).toMatchObject([{ entityId: victim.id, status: 'stuck', lastError: pushErrors.wrongEntity }]);
    expect(await db.syncStates.count()).toBe(0);
  });

  it('makes an item of an unknown kind stuck instead of dropping it', async () => {
    const { db, hub, engine, put } = await setup({ extraKinds: [fakeDossierKind([])] });
    await put([{ kind: 'test-dossier', body: { dossierId: crypto.randomUUID(), caseId: crypto.randomUUID() } }]);
    const plain = await setup();
    await plain.db.outbox.bulkAdd(await db.outbox.toArray());
    await plain.engine.syncNow();
    expect(await plain.db.outbox.toArray()).toMatchObject([{ status: 'stuck', lastError: pushErrors.unknownKind }]);
    expect(hub.sent).toEqual([]);
    engine.stop();
  });
});

describe('signal events in the outbox', () => {
  it('sends events in batches, and a retraction only after the hub has the event it takes back', async () => {
    const { db, hub, engine, put, clock } = await setup();
    const teamId = crypto.randomUUID();
    const recorded = (eventId: string) => ({
      kind: 'signal-event',
      body: { type: 'recorded', eventId, signalId: 'huurachterstand', domainId: 'wonen', crisis: false, postcodeArea: '6411', week: '2026-W48', householdType: 'single', teamId },
    });
    const first = crypto.randomUUID();
    const second = crypto.randomUUID();
    await put([recorded(first), recorded(second)]);
    clock.advance(1);
    await put([{ kind: 'signal-event', body: { type: 'retracted', eventId: crypto.randomUUID(), retracts: first, week: '2026-W48', teamId } }]);
    await engine.syncNow();
    expect(hub.eventRequests).toEqual([['recorded', 'recorded'], ['retracted']]);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.syncStates.where('entityId').anyOf(first, second).count()).toBe(2);
  });
});

describe('sync runs the worker can follow', () => {
  it('gives up on a hub that never answers: the status shows it and "Nu versturen" works again', async () => {
    const { db, hub, engine, repo } = await setup({ timeoutMs: 30 });
    const h = await repo.create(householdInput());
    hub.state.onBatch = () => new Promise<Response>(() => undefined);
    await engine.syncNow();
    expect(engine.status()).toMatchObject({ running: false, lastError: hubErrors.timeout, pending: 1, progress: null });
    expect(await db.outbox.toArray()).toMatchObject([{ entityId: h.id, status: 'pending', attempts: 1, lastError: hubErrors.timeout }]);
    expect(repo.list()[0]?.sync).toBe('waiting');

    hub.state.onBatch = null;
    await db.outbox.toCollection().modify({ nextAttemptAt: 0 });
    await engine.syncNow();
    expect(hub.sent).toEqual([h.id]);
    expect(engine.status()).toMatchObject({ lastError: null, pending: 0 });
    expect(repo.list()[0]?.sync).toBe('received');
  });

  it('never leaves a household saying "Wordt verstuurd" when the device fails to store the answer', async () => {
    const { db, hub, engine, repo } = await setup();
    await repo.create(householdInput());
    const seen: string[] = [];
    engine.onEntity((_, state) => seen.push(state));
    const diskFull = () => {
      throw new Error('schijf vol');
    };
    db.outbox.hook('deleting', diskFull);
    await engine.syncNow();
    db.outbox.hook('deleting').unsubscribe(diskFull);
    expect(hub.sent).toHaveLength(1);
    expect(seen).toEqual(['sending', 'waiting']);
    expect(repo.list()[0]?.sync).toBe('waiting');
    expect(engine.status()).toMatchObject({ running: false, pending: 1, lastError: { code: 'sync.run-failed' } });
    // The next run sends it again under the same key (the real hub answers a repeat from its record: see contract/).
    await engine.syncNow();
    expect(repo.list()[0]?.sync).toBe('received');
    expect(await db.outbox.count()).toBe(0);
  });

  it('shows the run\'s progress and fresh counts while it sends, not only at the end', async () => {
    const { hub, engine, repo } = await setup();
    await repo.importMany(Array.from({ length: 250 }, (_, i) => householdInput(`H${i}`)));
    let release: () => void = () => undefined;
    const during: unknown[] = [];
    let batches = 0;
    hub.state.onBatch = async () => {
      batches++;
      if (batches === 2) {
        // Hold the second request; the status must already say what the first one did.
        await new Promise<void>((resolve) => {
          release = resolve;
          queueMicrotask(() => during.push({ ...engine.status() }));
        });
      }
      return null;
    };
    const run = engine.syncNow();
    await vi.waitFor(() => expect(during).toHaveLength(1));
    release();
    await run;
    expect(during[0]).toMatchObject({ running: true, progress: { sent: 100, total: 250 }, pending: 150 });
    expect(engine.status()).toMatchObject({ running: false, progress: null, pending: 0 });
  });
});

describe('change feed', () => {
  const at = (minute: number) => `2026-03-0${2 + Math.floor(minute / 60)}T10:${String(minute % 60).padStart(2, '0')}:00.000Z`;

  it('stores every status of a case on the device, pages through the feed from its checkpoint, and ignores cases it does not hold', async () => {
    const { db, hub, engine, repo } = await setup();
    const h = await repo.create(householdInput());
    await engine.syncNow();
    const stranger = crypto.randomUUID();
    const feed: Change[] = [
      { seq: 1, entity: 'case', caseId: h.id, status: 'received', changedAt: at(1) },
      { seq: 2, entity: 'case', caseId: stranger, status: 'received', changedAt: at(2) },
      { seq: 3, entity: 'case', caseId: h.id, status: 'returned', reason: 'incomplete', changedAt: at(3) },
      { seq: 4, entity: 'case', caseId: h.id, status: 'accepted', changedAt: at(4) },
      { seq: 5, entity: 'case', caseId: h.id, status: 'first-conversation-planned', plannedAt: '2026-03-05T09:30:00.000Z', changedAt: at(5) },
      { seq: 6, entity: 'case', caseId: h.id, status: 'closed', changedAt: at(6) },
      { seq: 7, entity: 'case', caseId: h.id, status: 'withdrawn', changedAt: at(7) },
    ];
    hub.state.changes = feed;
    hub.state.pageSize = 2;
    await engine.syncNow();
    expect(await engine.statuses(h.id)).toEqual(feed.filter((c) => c.caseId === h.id));
    expect(await engine.statuses(stranger)).toEqual([]);
    expect(await db.checkpoints.get('changes')).toEqual({ id: 'changes', value: 7 });
    // Status details are personal: nothing readable in the stored rows.
    const raw = JSON.stringify(await db.caseStatuses.toArray());
    expect(raw).not.toContain('incomplete');
    expect(raw).not.toContain('withdrawn');

    hub.state.changes = [...feed, { seq: 8, entity: 'case', caseId: h.id, status: 'accepted', changedAt: at(8) }];
    await engine.syncNow();
    expect((await engine.statuses(h.id)).map((c) => c.seq)).toEqual([1, 3, 4, 5, 6, 7, 8]);
  });
});
