import { describe, expect, it } from 'vitest';
import { createHubClient } from '../sync/hub-client';
import { createDeviceAccount, lockoutDelay } from './account';
import type { KeukentafelDb } from './db';
import type { DeviceSession } from './session';
import { sessionOpener } from './session';
import { dumpIndexedDb, fakeClock, fakeOnline, freshDb, householdInput, identityHost, loginFor, manualScheduler, readableText, worker } from './testing/fakes';

function setup(db: KeukentafelDb = freshDb(), clock = fakeClock()) {
  const offlineFetch = () => Promise.reject(new TypeError('fetch failed'));
  const account = createDeviceAccount({
    db,
    host: identityHost,
    clock,
    iterations: 1_000,
    openSession: sessionOpener({
      db,
      hub: createHubClient({ baseUrl: 'http://hub.test', fetch: offlineFetch }),
      clock,
      random: () => 0.5,
      scheduler: manualScheduler(),
      onlineSignal: fakeOnline(false),
      autoStart: false,
    }),
  });
  return { db, clock, account };
}

async function enrolled(pin = '24680') {
  const ctx = setup();
  const session = await ctx.account.enroll(loginFor(), pin);
  if (!session.ok) throw new Error(session.error);
  return { ...ctx, session: session.value as DeviceSession };
}

describe('device account', () => {
  it('is new before enrolment and locked for the enrolled worker after', async () => {
    const { account, session } = await enrolled();
    expect(session.user.displayName).toBe(worker.displayName);
    session.lock();
    expect(await account.status()).toEqual({ state: 'locked', user: worker, lockedUntil: null });
    expect(await setup().account.status()).toEqual({ state: 'new' });
  });

  it.each(['1234', '1234567890123', '12a45', ''])('refuses PIN %j with a plain Dutch message', async (pin) => {
    const { account } = setup();
    expect(await account.enroll(loginFor(), pin)).toEqual({ ok: false, error: 'Kies een pincode van 5 tot 12 cijfers.' });
    expect(await account.status()).toEqual({ state: 'new' });
  });

  it('unlocks after lock with the same PIN and shows the same households', async () => {
    const { account, session } = await enrolled();
    await session.households.create(householdInput('Familie Özdemir'));
    session.lock();
    const again = await account.unlock('24680');
    expect(again.ok && again.value.households.list().map((h) => h.name)).toEqual(['Familie Özdemir']);
  });

  it('counts wrong PINs, then makes the worker wait 5, 10, 20 seconds … up to 5 minutes', async () => {
    const { account, clock, session } = await enrolled();
    session.lock();
    expect(await account.unlock('11111')).toEqual({ ok: false, error: 'Deze pincode klopt niet. U kunt het nog 2 keer proberen.' });
    expect(await account.unlock('11111')).toEqual({ ok: false, error: 'Deze pincode klopt niet. U kunt het nog 1 keer proberen.' });
    expect(await account.unlock('11111')).toEqual({ ok: false, error: 'Te vaak een verkeerde pincode. Probeer het over 5 seconden opnieuw.' });
    // Even the right PIN waits until the delay has passed.
    clock.advance(4_000);
    expect(await account.unlock('24680')).toEqual({ ok: false, error: 'Te vaak een verkeerde pincode. Probeer het over 1 seconde opnieuw.' });
    const status = await account.status();
    expect(status.state === 'locked' && status.lockedUntil).toBe(clock.now() + 1_000);
    clock.advance(1_000);
    expect(await account.unlock('11111')).toEqual({ ok: false, error: 'Te vaak een verkeerde pincode. Probeer het over 10 seconden opnieuw.' });
    clock.advance(10_000);
    expect(await account.unlock('11111')).toEqual({ ok: false, error: 'Te vaak een verkeerde pincode. Probeer het over 20 seconden opnieuw.' });
    clock.advance(20_000);
    const opened = await account.unlock('24680');
    expect(opened.ok).toBe(true);
    if (opened.ok) opened.value.lock();
    expect(await account.unlock('11111')).toEqual({ ok: false, error: 'Deze pincode klopt niet. U kunt het nog 2 keer proberen.' });
  });

  it('caps the delay at 5 minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 9, 10, 30].map(lockoutDelay)).toEqual([0, 0, 5_000, 10_000, 20_000, 40_000, 300_000, 300_000, 300_000]);
  });

  it('keeps the delay over a restart (new account object, same database)', async () => {
    const { db, clock, session, account } = await enrolled();
    session.lock();
    for (let i = 0; i < 3; i++) await account.unlock('99999');
    const restarted = setup(db, clock).account;
    expect(await restarted.unlock('24680')).toMatchObject({ ok: false, error: expect.stringContaining('5 seconden') as string });
  });

  it('lets the same worker sign in again with the PIN, and refuses another worker', async () => {
    const { account, session } = await enrolled();
    session.lock();
    expect((await account.enroll(loginFor(), '24680')).ok).toBe(true);
    const other = { ...worker, id: crypto.randomUUID(), username: 'rik' };
    expect(await account.enroll(loginFor(other), '24680')).toMatchObject({ ok: false, error: expect.stringContaining('andere medewerker') as string });
  });

  it('stores no name, postcode or token in readable form', async () => {
    const { db, session } = await enrolled();
    await session.households.create(householdInput('Familie Vermeulen', '6411 XY', 'Jeroen'));
    const text = readableText(await dumpIndexedDb(db.name)).join('\n');
    expect(text).toContain(worker.username);
    for (const secret of ['Vermeulen', 'Jeroen', '6411 XY', '6411XY', '0612345678', 't'.repeat(40)]) {
      expect(text).not.toContain(secret);
    }
  });

  it('reset forgets everything, and a new enrolment works after it', async () => {
    const { account, session } = await enrolled();
    await session.households.create(householdInput());
    await account.reset();
    expect(await account.status()).toEqual({ state: 'new' });
    const fresh = await account.enroll(loginFor(), '13579');
    expect(fresh.ok && fresh.value.households.list()).toEqual([]);
  });
});
