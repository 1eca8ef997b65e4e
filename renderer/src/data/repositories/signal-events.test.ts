import { describe, expect, it } from 'vitest';
import { signalEventSchema } from '../../../../shared/api/signal-events';
import type { SignalEvent } from '../../../../shared/api/signal-events';
import type { RecordedSignal } from '../../../../shared/domain/intake.schema';
import { signalEventKind } from '../../sync/kinds/signal-event';
import { createOutbox, openMessage } from '../../sync/outbox';
import type { DeviceSession } from '../../app/session';
import { testDevice } from '../../testing/device';
import { dumpIndexedDb, fakeClock, freshDb, householdInput, loginFor, readableText, worker } from '../../testing/fakes';
import { openHouseholdRepository } from './household-repository';
import { openIntakeRepository } from './intake-repository';
import { createSignalEventRecorder, householdTypeOf } from './signal-events';

const teamId = worker.teamId;

/** A device with one household: Bart and his daughter Mila (9), postcode 6411 AB. */
async function setup() {
  const db = freshDb();
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  // Thursday 26 November 2026, 10:00 in the Netherlands: ISO week 48.
  const clock = fakeClock(Date.parse('2026-11-26T09:00:00.000Z'));
  const me = { id: worker.id, name: worker.displayName };
  const households = await openHouseholdRepository({ db, key, clock, outbox: createOutbox({ key, clock }), worker: me });
  const signalEvents = createSignalEventRecorder({ db, key, clock, outbox: createOutbox({ key, clock }), teamId, household: (id) => households.get(id) });
  const intakes = openIntakeRepository({ db, key, clock, worker: me, signalEvents });
  const household = await households.create(householdInput('Familie Jansen', '6411 AB'));
  await db.outbox.clear();
  /** The signal events waiting in the outbox, oldest first, opened as the engine opens them. */
  const events = async (): Promise<SignalEvent[]> => {
    const rows = (await db.outbox.where('kind').equals('signal-event').toArray()).sort((a, b) => a.createdAt - b.createdAt);
    return Promise.all(rows.map(async (row) => signalEventSchema.parse(await openMessage(key, signalEventKind, row))));
  };
  return { db, key, clock, intakes, household, events };
}

const ticked = (catalogueId: string | null, recordedAt = '2026-11-24T10:00:00.000Z'): RecordedSignal => ({
  id: crypto.randomUUID(),
  catalogueId,
  freeText: catalogueId === null ? 'Geen geld voor de verjaardag van Mila' : '',
  note: 'Bart vertelt dat de brief van de verhuurder al drie weken op tafel ligt.',
  observedOn: '2026-11-20',
  recordedAt,
});

describe('signal events', () => {
  it('says what kind of household it is, without saying who', () => {
    const adult = { role: 'adult' as const, age: 40 };
    const child = { role: 'child' as const, age: 9 };
    expect(householdTypeOf([adult])).toBe('single');
    expect(householdTypeOf([adult, child])).toBe('single-with-children');
    expect(householdTypeOf([adult, adult])).toBe('couple');
    expect(householdTypeOf([adult, adult, child])).toBe('couple-with-children');
    expect(householdTypeOf([adult, adult, adult])).toBe('other');
  });

  it('records one identifier-free event per ticked catalogue signal, in the save of the signals', async () => {
    const { clock, intakes, household, events } = await setup();
    const eviction = ticked('dreigende-huisuitzetting');
    const garnishment = ticked('loonbeslag', '2026-11-16T10:00:00.000Z');
    const own = ticked(null);
    clock.advance(60_000);
    await intakes.saveSignals(household.id, [eviction, garnishment, own]);
    const sent = await events();
    expect(sent).toHaveLength(2);
    const first = sent.find((e) => e.type === 'recorded' && e.signalId === 'dreigende-huisuitzetting');
    const second = sent.find((e) => e.type === 'recorded' && e.signalId === 'loonbeslag');
    expect(first).toEqual({
      type: 'recorded',
      eventId: expect.any(String) as string,
      signalId: 'dreigende-huisuitzetting',
      domainId: 'wonen',
      crisis: true,
      postcodeArea: '6411',
      week: '2026-W48',
      householdType: 'single-with-children',
      teamId,
    });
    // Loonbeslag is a crisis type this municipality does not count; it was recorded the week before.
    expect(second).toMatchObject({ signalId: 'loonbeslag', domainId: 'geld', crisis: false, week: '2026-W47' });
    for (const event of sent) {
      const text = JSON.stringify(event);
      expect(text).not.toContain(household.id);
      expect(text).not.toContain(eviction.id);
      expect(text).not.toContain('Bart');
    }
    expect(new Set(sent.map((e) => e.eventId)).size).toBe(2);
  });

  it('sends nothing new when the same signals are saved again, e.g. after a note changed', async () => {
    const { intakes, household, events } = await setup();
    const eviction = ticked('dreigende-huisuitzetting');
    await intakes.saveSignals(household.id, [eviction]);
    await intakes.saveSignals(household.id, [{ ...eviction, note: 'Nu ook een brief van de deurwaarder.' }]);
    expect(await events()).toHaveLength(1);
  });

  it('takes an unticked signal back with a retraction that names its event, in this week', async () => {
    const { clock, intakes, household, events } = await setup();
    const eviction = ticked('dreigende-huisuitzetting');
    const water = ticked('afsluiting-water');
    await intakes.saveSignals(household.id, [eviction, water]);
    clock.advance(7 * 24 * 60 * 60_000);
    await intakes.saveSignals(household.id, [water]);
    const all0 = await events();
    const recordedEviction = all0.find((e) => e.type === 'recorded' && e.signalId === 'dreigende-huisuitzetting');
    const retraction = all0[2];
    expect(retraction).toEqual({ type: 'retracted', eventId: expect.any(String) as string, retracts: recordedEviction!.eventId, week: '2026-W49', teamId });
    expect(retraction!.eventId).not.toBe(recordedEviction!.eventId);
    // Ticking it again is a new event with a new id.
    clock.advance(1_000);
    await intakes.saveSignals(household.id, [water, eviction]);
    const all = await events();
    expect(all).toHaveLength(4);
    expect(all[3]).toMatchObject({ type: 'recorded', signalId: 'dreigende-huisuitzetting' });
    expect(new Set(all.map((e) => e.eventId)).size).toBe(4);
  });

  it('remembers which event each signal went out under across a restart, sealed and under an opaque key', async () => {
    const { db, key, clock, household, events } = await setup();
    const eviction = ticked('dreigende-huisuitzetting');
    const me = { id: worker.id, name: worker.displayName };
    const open = async () => {
      const households = await openHouseholdRepository({ db, key, clock, outbox: createOutbox({ key, clock }), worker: me });
      return openIntakeRepository({ db, key, clock, worker: me, signalEvents: createSignalEventRecorder({ db, key, clock, outbox: createOutbox({ key, clock }), teamId, household: (id) => households.get(id) }) });
    };
    await (await open()).saveSignals(household.id, [eviction]);
    clock.advance(1_000);
    await (await open()).saveSignals(household.id, []);
    const [recorded, retraction] = await events();
    expect(retraction).toMatchObject({ type: 'retracted', retracts: recorded!.eventId });
    // The link between the household and its event ids is only inside the sealed row.
    const rows = await db.signalEventIds.toArray();
    expect(rows).toHaveLength(1);
    const raw = readableText(rows).join('\n');
    expect(raw).not.toContain(household.id);
    expect(raw).not.toContain(recorded!.eventId);
    expect(raw).not.toContain('dreigende-huisuitzetting');
    expect(readableText(await dumpIndexedDb(db.name)).join('\n')).not.toContain('dreigende-huisuitzetting');
  });

  it('stores neither the signals nor their events when the outbox write fails', async () => {
    const { db, intakes, household } = await setup();
    const diskFull = () => {
      throw new Error('schijf vol');
    };
    db.outbox.hook('creating', diskFull);
    await expect(intakes.saveSignals(household.id, [ticked('afsluiting-water')])).rejects.toThrow('schijf vol');
    db.outbox.hook('creating').unsubscribe(diskFull);
    expect(await db.signalEventIds.count()).toBe(0);
    expect((await intakes.load(household.id)).signals).toEqual([]);
    // The next save reports it once.
    await intakes.saveSignals(household.id, [ticked('afsluiting-water')]);
    expect(await db.outbox.where('kind').equals('signal-event').count()).toBe(1);
  });

  it('is wired into every session: a ticked signal on the device waits in the outbox', async () => {
    const db = freshDb();
    const { account } = testDevice({ db, clock: fakeClock(Date.parse('2026-11-26T09:00:00.000Z')) });
    const enrolled = await account.enroll(loginFor(), '246813');
    if (!enrolled.ok) throw new Error(enrolled.error.code);
    const session = enrolled.value as DeviceSession;
    const household = await session.households.create(householdInput());
    await session.intakes.saveSignals(household.id, [ticked('huurachterstand')]);
    expect(await db.outbox.where('kind').equals('signal-event').count()).toBe(1);
    expect((await session.sync.items()).map((i) => i.kind).sort()).toEqual(['new-case', 'signal-event']);
    session.lock();
  });
});
