import { describe, expect, it, vi } from 'vitest';
import type { RecordedSignal } from '../../../../shared/domain/intake.schema';
import { emptyDomainEntry, emptyFinances } from '../../../../shared/domain/intake.schema';
import { createHubClient } from '../../sync/hub-client';
import type { KeukentafelDb } from '../db';
import { sessionOpener } from '../../app/session';
import { fakeClock, fakeOnline, freshDb, householdInput, manualScheduler, worker } from '../../testing/fakes';
import { openHouseholdRepository } from './household-repository';
import { intakeSections, openIntakeRepository } from './intake-repository';
import { createOutbox } from '../../sync/outbox';

const newKey = () => crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
const me = { id: worker.id, name: worker.displayName };

const signal = (catalogueId: string | null): RecordedSignal => ({
  id: crypto.randomUUID(), catalogueId, freeText: catalogueId ? '' : 'Kinderen eten bij oma', note: '', observedOn: '2026-02-20', recordedAt: '2026-03-02T09:00:00.000Z',
});
const eviction = () => signal('dreigende-huisuitzetting');

async function setup() {
  const db = freshDb();
  const key = await newKey();
  const clock = fakeClock();
  const open = () => openIntakeRepository({ db, key, clock, worker: me });
  return { db, key, clock, open };
}

/** Households on the device: the urgency build looks for the signals of these. */
async function households(db: KeukentafelDb, key: CryptoKey, ...ids: string[]): Promise<void> {
  const clock = fakeClock();
  const repo = await openHouseholdRepository({ db, key, clock, outbox: createOutbox({ key, clock }), worker: me });
  await repo.importMany(ids.map((id) => ({ ...householdInput(), id })), { outbox: false });
}

/** Opens a session like unlock does, without demo data or sync timers. */
function unlock(db: KeukentafelDb, key: CryptoKey) {
  const open = sessionOpener({
    db,
    hub: createHubClient({ baseUrl: 'https://hub.test', fetch: () => Promise.reject(new TypeError('fetch failed')) }),
    clock: fakeClock(),
    random: () => 0.5,
    scheduler: manualScheduler(),
    onlineSignal: fakeOnline(false),
    autoStart: false,
  });
  return open({ user: worker, key, token: null });
}

describe('urgency of households', () => {
  it('makes a household urgent when a crisis signal is saved and lets it go when it is unticked', async () => {
    const { open } = await setup();
    const repo = open();
    await repo.urgencyReady();
    const bart = crypto.randomUUID();
    const notified = vi.fn();
    repo.subscribeUrgency(notified);

    await repo.saveSignals(bart, [signal('lege-koelkast')]);
    expect(repo.urgency().has(bart)).toBe(false);
    await repo.saveSignals(bart, [signal('lege-koelkast'), eviction()]);
    expect(repo.urgency().get(bart)).toEqual({ crisisTypes: ['huisuitzetting'], deadline: '2026-03-05' });
    expect(notified).toHaveBeenCalledTimes(1);

    await repo.saveSignals(bart, [signal('lege-koelkast')]);
    expect(repo.urgency().has(bart)).toBe(false);
    expect(notified).toHaveBeenCalledTimes(2);
  });

  it('does not count a crisis type the municipality has switched off (loonbeslag)', async () => {
    const { open } = await setup();
    const repo = open();
    const id = crypto.randomUUID();
    await repo.saveSignals(id, [signal('loonbeslag')]);
    await repo.urgencyReady();
    expect(repo.urgency().size).toBe(0);
  });

  it('is rebuilt from the stored signals by a new repository on the same store', async () => {
    const { db, key, open } = await setup();
    const first = open();
    const [urgent, calm, energy] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    await households(db, key, urgent, calm, energy);
    await first.saveSignals(urgent, [eviction()]);
    await first.saveSignals(calm, [signal(null)]);
    await first.saveSignals(energy, [signal('afsluiting-gas-stroom'), eviction()]);
    await first.saveDomain(calm, 'geld', { ...emptyDomainEntry(), score: 2 });

    const restarted = open();
    // Opening returns at once; the build fills the map afterwards.
    expect(restarted.urgency().size).toBe(0);
    const notified = new Promise<void>((resolve) => restarted.subscribeUrgency(resolve));
    await restarted.urgencyReady();
    await notified;
    expect(Object.fromEntries(restarted.urgency())).toEqual({
      [urgent]: { crisisTypes: ['huisuitzetting'], deadline: '2026-03-05' },
      [energy]: { crisisTypes: ['huisuitzetting', 'afsluiting-energie'], deadline: '2026-03-05' },
    });
  });

  it('reads no intake row before its background start, then builds urgency and last changes', async () => {
    const { db, key, clock, open } = await setup();
    const urgent = crypto.randomUUID();
    await households(db, key, urgent);
    await open().saveSignals(urgent, [eviction()]);

    let begin = () => undefined as void;
    const backgroundStart = new Promise<void>((resolve) => (begin = resolve));
    const reads = vi.spyOn(db.intakes, 'bulkGet');
    const restarted = openIntakeRepository({ db, key, clock, worker: me, backgroundStart });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(reads).not.toHaveBeenCalled();
    expect(restarted.urgency().size).toBe(0);

    const changesBuilt = new Promise<void>((resolve) => restarted.subscribeLastChanges(resolve));
    begin();
    await Promise.all([restarted.urgencyReady(), changesBuilt]);
    expect(reads).toHaveBeenCalled();
    expect([...restarted.urgency().keys()]).toEqual([urgent]);
    expect([...restarted.lastChanges().keys()]).toEqual([urgent]);
  });

  it('counts demo intakes written by import', async () => {
    const { open } = await setup();
    const repo = open();
    const id = crypto.randomUUID();
    await repo.importIntakes([{ householdId: id, updatedAt: '2026-03-01T09:00:00.000Z', domains: {}, signals: [eviction()], finances: emptyFinances() }]);
    expect(repo.urgency().has(id)).toBe(true);
  });

  it('never holds up unlock, and a save made while the build runs wins over what the build read', async () => {
    const { db, key, open } = await setup();
    const seed = open();
    const [unticked, ticked] = [crypto.randomUUID(), crypto.randomUUID()];
    await households(db, key, unticked, ticked);
    await seed.saveSignals(unticked, [eviction()]);

    // The build reads the stored signals rows, then stalls until the test lets it go (opening one
    // household's intake reads all its sections at once and is let through).
    let release = () => undefined as void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const realBulkGet = db.intakes.bulkGet.bind(db.intakes);
    const stalled = async (ids: string[]) => {
      const rows = await realBulkGet(ids);
      if (ids.length !== intakeSections().length) await gate;
      return rows;
    };
    const spy = vi.spyOn(db.intakes, 'bulkGet').mockImplementation(stalled as unknown as typeof realBulkGet);

    const session = await unlock(db, key);
    expect(session.intakes.urgency().size).toBe(0);
    await session.intakes.saveSignals(unticked, []);
    await session.intakes.saveSignals(ticked, [eviction()]);
    expect([...session.intakes.urgency().keys()]).toEqual([ticked]);

    release();
    await session.intakes.urgencyReady();
    expect(spy).toHaveBeenCalled();
    // The stale read still said "urgent" for the unticked household; the newer save decides.
    expect([...session.intakes.urgency().keys()]).toEqual([ticked]);
    session.lock();
  });
});

describe('when each intake last changed', () => {
  it('follows every save but not the visit cursor, and is rebuilt from the keys by a new repository', async () => {
    const { db, clock, open } = await setup();
    const repo = open();
    const bart = crypto.randomUUID();
    const rik = crypto.randomUUID();
    // The build starts from the household keys; only the keys matter here.
    await db.households.bulkPut([bart, rik].map((id) => ({ id, updatedAt: 0, iv: new Uint8Array(12), data: new Uint8Array(0) })));
    await repo.saveDomain(bart, 'geld', { ...emptyDomainEntry(), ownView: 'Veel brieven.' });
    const bartAt = clock.now();
    clock.advance(60_000);
    await repo.saveFinances(rik, { ...emptyFinances(), selfEmployed: true });
    const rikAt = clock.now();
    clock.advance(60_000);
    await repo.saveCursor(bart, '/huishoudens/x/gesprek/geld');
    expect(Object.fromEntries(repo.lastChanges())).toEqual({ [bart]: bartAt, [rik]: rikAt });

    const restarted = open();
    const notified = new Promise<void>((resolve) => restarted.subscribeLastChanges(resolve));
    await notified;
    expect(Object.fromEntries(restarted.lastChanges())).toEqual({ [bart]: bartAt, [rik]: rikAt });
  });
});
