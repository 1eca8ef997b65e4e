import { describe, expect, it } from 'vitest';
import { demoHouseholds } from '../../../../resources/index';
import type { KeukentafelDb } from '../db';
import type { DeviceSession } from '../../app/session';
import { testDevice } from '../../testing/device';
import { fakeClock, freshDb, loginFor } from '../../testing/fakes';

function device(db: KeukentafelDb = freshDb()) {
  return testDevice({ db, clock: fakeClock(Date.parse('2026-11-23T09:00:00.000Z')) });
}

async function enroll(demo: boolean | undefined, db?: KeukentafelDb) {
  const { account, db: store } = device(db);
  const login = { ...loginFor(), ...(demo === undefined ? {} : { demo }) };
  const result = await account.enroll(login, '246813');
  if (!result.ok) throw new Error(result.error.code);
  return { db: store, account, session: result.value as DeviceSession };
}

describe('demo households', () => {
  it('are added at the first enrolment when the hub runs in demo mode, with their intakes, ready to send', async () => {
    // The device clock says 2026-11-23: the demo's dates are moved so its newest is that day.
    const demo = await demoHouseholds('2026-11-23', { recent: true });
    const { db, session } = await enroll(true);
    expect(session.households.list().map((h) => h.id).sort()).toEqual(demo.map((d) => d.id).sort());
    expect(session.households.list().every((h) => h.sync === 'waiting')).toBe(true);
    expect(await db.outbox.count()).toBe(demo.length);
    for (const d of demo) {
      const intake = await session.intakes.load(d.id);
      expect(intake.domains).toEqual(d.intake.domains);
      expect(intake.signals).toEqual(d.intake.signals);
      expect(intake.finances).toEqual(d.intake.finances);
      expect((await session.households.get(d.id))?.name).toBe(d.household.name);
    }
  });

  it.each([false, undefined])('are never added when the hub says demo: %s', async (demo) => {
    const { db, session } = await enroll(demo);
    expect(session.households.list()).toEqual([]);
    expect(await db.intakes.count()).toBe(0);
  });

  it('are not added twice when the same worker signs in again', async () => {
    const first = await enroll(true);
    first.session.lock();
    const again = await enroll(true, first.db);
    expect(again.session.households.list()).toHaveLength(first.session.households.list().length);
    expect(await first.db.households.count()).toBe(first.session.households.list().length);
  });
});
