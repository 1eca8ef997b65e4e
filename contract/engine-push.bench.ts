import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import type { RecordedSignal } from '../shared/domain/intake.schema';
import { openHouseholdRepository } from '../renderer/src/data/repositories/household-repository';
import { openIntakeRepository } from '../renderer/src/data/repositories/intake-repository';
import { createSignalEventRecorder } from '../renderer/src/data/repositories/signal-events';
import { fakeClock, fakeOnline, freshDb, householdInput, manualScheduler } from '../renderer/src/testing/fakes';
import { createSyncEngine } from '../renderer/src/sync/engine';
import { createHubClient } from '../renderer/src/sync/hub-client';
import { availableBackends } from '../server/src/test-support/backends';
import { createHarness } from '../server/src/test-support/harness';
import { injectFetch } from './hub-fetch';
import { createOutbox } from '../renderer/src/sync/outbox';

export interface EnginePushResult {
  n: number;
  backend: 'pglite' | 'postgres';
  /** The device's engine sends n new cases and n signal events (one ticked signal per household) until its outbox is empty. */
  ms: number;
  requests: number;
}

/**
 * End to end on one machine: the device's real sync engine (on fake-indexeddb, so the device side is
 * slower than in Chromium's IndexedDB) pushing to the real hub in process, through app.inject.
 */
export async function benchEnginePush(n: number, databaseUrl?: string): Promise<EnginePushResult> {
  const backend = availableBackends({ DATABASE_URL: databaseUrl }).at(databaseUrl ? 1 : 0)!;
  const hub = await createHarness(backend);
  try {
    const login = await hub.login('worker');
    const db = freshDb();
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    const clock = fakeClock();
    const worker = { id: login.user.id, name: login.user.displayName };
    let requests = 0;
    const real = injectFetch(hub.app);
    const counting: typeof fetch = (input, init) => {
      requests++;
      return real(input, init);
    };
    const client = createHubClient({ baseUrl: 'https://hub.test', fetch: counting });
    const engine = createSyncEngine({ db, key, hub: client.withToken(login.token), clock, random: Math.random, scheduler: manualScheduler(), onlineSignal: fakeOnline(true) });
    const households = await openHouseholdRepository({ db, key, clock, outbox: createOutbox({ key, clock }), worker });
    const signalEvents = createSignalEventRecorder({ db, key, clock, outbox: createOutbox({ key, clock }), teamId: login.user.teamId, household: (id) => households.get(id) });
    const intakes = openIntakeRepository({ db, key, clock, worker, signalEvents });
    const created = await households.importMany(Array.from({ length: n }, (_, i) => householdInput(`H${i}`, `64${10 + (i % 80)} AB`)));
    for (const h of created) {
      const signal: RecordedSignal = { id: crypto.randomUUID(), catalogueId: 'huurachterstand', freeText: '', note: '', observedOn: '2026-02-20', recordedAt: '2026-03-02T08:00:00.000Z' };
      await intakes.saveSignals(h.id, [signal]);
    }
    const start = performance.now();
    await engine.syncNow();
    const ms = performance.now() - start;
    if ((await db.outbox.count()) !== 0) throw new Error('the engine left items in the outbox');
    db.close();
    return { n, backend: backend.name, ms, requests };
  } finally {
    await hub.close();
  }
}
