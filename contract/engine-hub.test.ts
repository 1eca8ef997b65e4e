import { afterEach, describe, expect, it } from 'vitest';
import type { RecordedSignal } from '../shared/domain/intake.schema';
import { openHouseholdRepository } from '../renderer/src/data/repositories/household-repository';
import { openIntakeRepository } from '../renderer/src/data/repositories/intake-repository';
import { createSignalEventRecorder } from '../renderer/src/data/repositories/signal-events';
import { fakeClock, fakeOnline, freshDb, householdInput, manualScheduler } from '../renderer/src/testing/fakes';
import { BACKOFF_CAP_MS } from '../renderer/src/sync/backoff';
import { createSyncEngine } from '../renderer/src/sync/engine';
import { createHubClient } from '../renderer/src/sync/hub-client';
import { availableBackends } from '../server/src/test-support/backends';
import type { Harness } from '../server/src/test-support/harness';
import { count, createHarness } from '../server/src/test-support/harness';
import type { Fault } from './hub-fetch';
import { faultyFetch, injectFetch } from './hub-fetch';
import { createOutbox } from '../renderer/src/sync/outbox';
import { openHandoverRepository } from '../renderer/src/data/repositories/handover-repository';
import { holidays, lifeDomains, recipients, settings, signalCatalogue } from '../resources/index';
import { buildDossier } from '../shared/domain/dossier';
import { sanne } from '../shared/domain/fixtures/rik';

/**
 * The device's real sync engine against the real hub (buildApp in process, on PGlite; also on
 * PostgreSQL when DATABASE_URL is set), with faults between them: a dropped request, a dropped
 * answer, a request delivered twice, a 5xx and a 401. Whatever happens, every case, every signal
 * event and every dossier version (in order) ends on the hub exactly once and every household on the device says "received".
 */

const HOUSEHOLDS = 12;

const signal = (catalogueId: string): RecordedSignal => ({
  id: crypto.randomUUID(),
  catalogueId,
  freeText: '',
  note: 'Bart zegt dat de brief al weken op tafel ligt.',
  observedOn: '2026-02-20',
  recordedAt: '2026-03-02T08:00:00.000Z',
});

let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

/** A worker's device with households, ticked and unticked signals, syncing with the hub through `faults`. */
async function device(hub: Harness, faults: (request: { method: string; path: string }) => Fault | null) {
  const login = await hub.login('worker');
  const db = freshDb();
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const clock = fakeClock();
  const worker = { id: login.user.id, name: login.user.displayName };
  const wire = faultyFetch(injectFetch(hub.app), faults);
  const client = createHubClient({ baseUrl: 'https://hub.test', fetch: wire.fetch });
  const engine = createSyncEngine({ db, key, hub: client.withToken(login.token), clock, random: Math.random, scheduler: manualScheduler(), onlineSignal: fakeOnline(true) });
  const households = await openHouseholdRepository({ db, key, clock, outbox: createOutbox({ key, clock }), worker });
  engine.onEntity((id, state, kind) => kind === 'new-case' && households.setSyncState(id, state));
  const signalEvents = createSignalEventRecorder({ db, key, clock, outbox: createOutbox({ key, clock }), teamId: login.user.teamId, household: (id) => households.get(id) });
  const intakes = openIntakeRepository({ db, key, clock, worker, signalEvents });
  const handovers = openHandoverRepository({ db, key, clock, outbox: createOutbox({ key, clock }) });
  const today = new Date(clock.now()).toISOString().slice(0, 10);

  let events = 0;
  const handedOver: string[] = [];
  for (let i = 0; i < HOUSEHOLDS; i++) {
    const h = await households.create(householdInput(`Huishouden ${i}`, `64${10 + i} AB`));
    const rent = signal('huurachterstand');
    const eviction = signal('dreigende-huisuitzetting');
    await intakes.saveSignals(h.id, [rent, eviction]);
    events += 2;
    // Every third household: the eviction was a mistake and is unticked (a retraction).
    if (i % 3 === 0) {
      await intakes.saveSignals(h.id, [rent]);
      events += 1;
    }
    // Every other household is handed over, and changed after sending: two versions of one dossier wait.
    if (i % 2 === 0) {
      const record = await handovers.load(h.id);
      const consent = {
        id: record.consentId,
        householdId: h.id,
        scope: { domains: [], finances: false, signals: true, notes: true },
        recipients: ['schuldhulp-heerlen'],
        method: 'spoken' as const,
        givenOn: today,
        validUntil: '2099-12-31',
        withdrawnOn: null,
        recordedAt: new Date(clock.now()).toISOString(),
      };
      const built = buildDossier(h, await intakes.load(h.id), consent, sanne, today, { lifeDomains, signalCatalogue, settings, holidays, recipients });
      if (!built.ok) throw new Error(built.error.code);
      await handovers.send(h.id, consent, built.value);
      await handovers.send(h.id, consent, built.value);
      handedOver.push(h.id);
    }
  }

  /** Runs the engine like its ticks would, with time passing, until nothing waits (or gives up). */
  async function syncUntilDone(maxRuns = 60): Promise<number> {
    for (let run = 1; run <= maxRuns; run++) {
      await engine.syncNow();
      // A 401 asks the worker to sign in again; the token is fine again, so signing in clears it.
      if (engine.status().needsSignIn) await engine.signedIn();
      if ((await db.outbox.count()) === 0 && !engine.status().needsSignIn) {
        // One more run pulls the change feed up to date.
        await engine.syncNow();
        return run;
      }
      clock.advance(BACKOFF_CAP_MS);
    }
    throw new Error(`still waiting after ${maxRuns} runs: ${JSON.stringify(await engine.items())}`);
  }

  return { db, engine, households, handovers, handedOver, login, wire, events, syncUntilDone };
}

async function expectEverythingOnceOnTheHub(hub: Harness, d: Awaited<ReturnType<typeof device>>): Promise<void> {
  const ids = d.households.list().map((h) => h.id);
  expect(await count(hub.db, 'cases WHERE team_id = $1', [hub.teamA])).toBe(HOUSEHOLDS);
  expect(await count(hub.db, 'cases WHERE case_id = ANY($1::uuid[])', [ids])).toBe(HOUSEHOLDS);
  expect(await count(hub.db, 'signal_events WHERE team_id = $1', [hub.teamA])).toBe(d.events);
  expect(await count(hub.db, "signal_events WHERE type = 'retracted'")).toBe(Math.ceil(HOUSEHOLDS / 3));
  // Every retraction names an event the hub has.
  expect(await count(hub.db, 'signal_events r WHERE r.retracts IS NOT NULL AND NOT EXISTS (SELECT 1 FROM signal_events e WHERE e.event_id = r.retracts)')).toBe(0);
  expect(d.households.list().map((h) => h.sync)).toEqual(ids.map(() => 'received'));
  expect(await d.db.outbox.count()).toBe(0);
  expect(d.engine.status()).toMatchObject({ pending: 0, stuck: 0, needsSignIn: false });
  // Each handed-over household: one dossier on the hub with both versions, in order, confirmed on the device.
  expect(await count(hub.db, 'dossiers WHERE case_id = ANY($1::uuid[]) AND latest_version = 2', [d.handedOver])).toBe(d.handedOver.length);
  expect(await count(hub.db, 'dossiers')).toBe(d.handedOver.length);
  expect(await count(hub.db, 'dossier_versions')).toBe(2 * d.handedOver.length);
  for (const id of d.handedOver) {
    const delivery = await d.handovers.delivery(await d.handovers.load(id));
    expect(delivery).toMatchObject({ confirmedVersion: { version: 2 }, waiting: 0 });
  }
  // The change feed brought each case's status to the device.
  for (const id of ids) expect((await d.engine.statuses(id)).map((c) => c.status)).toContain('received');
}

const writes = new Set(['/api/v1/cases/batch', '/api/v1/signal-events/batch', '/api/v1/dossiers/batch']);

describe.each(availableBackends())('the sync engine against the real hub ($name)', (backend) => {
  it.each<[string, Fault]>([
    ['a dropped request', 'drop-request'],
    ['a dropped answer', 'drop-answer'],
    ['a request delivered twice', 'twice'],
    ['a 5xx', 'server-error'],
    ['a 401', 'unauthorized'],
  ])('sends every case, signal event and dossier version exactly once despite %s on the first try of every write', async (_, fault) => {
    harness = await createHarness(backend);
    const faulted = new Set<string>();
    const d = await device(harness, ({ method, path }) => {
      if (method !== 'POST' || !writes.has(path) || faulted.has(path)) return null;
      faulted.add(path);
      return fault;
    });
    const runs = await d.syncUntilDone();
    expect(d.wire.log.filter((r) => r.fault === fault).map((r) => r.path).sort()).toEqual([...writes].sort());
    // A request delivered twice is answered from the hub's idempotency record at once; the others need another run.
    if (fault !== 'twice') expect(runs).toBeGreaterThan(1);
    await expectEverythingOnceOnTheHub(harness, d);
  });

  it('sends every case, signal event and dossier version exactly once when every fault strikes, then a random third of all requests', async () => {
    harness = await createHarness(backend);
    let seed = 20261126;
    // A small deterministic PRNG, so a failure can be replayed.
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const faults: Fault[] = ['drop-request', 'drop-answer', 'twice', 'server-error', 'unauthorized'];
    // Each fault twice first, in a shuffled order, then at random.
    const opening = [...faults, ...faults].sort(() => random() - 0.5);
    const d = await device(harness, () => opening.shift() ?? (random() < 1 / 3 ? faults[Math.floor(random() * faults.length)]! : null));
    await d.syncUntilDone(200);
    expect(new Set(d.wire.log.flatMap((r) => (r.fault ? [r.fault] : [])))).toEqual(new Set(faults));
    await expectEverythingOnceOnTheHub(harness, d);
  });
});
