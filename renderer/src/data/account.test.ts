import { describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/result';
import { fail } from '../../../shared/result';
import { errorText } from '../i18n/errors';
import { lockoutDelay } from './account';
import type { KeyHost } from './crypto/keys';
import type { KeukentafelDb } from './db';
import type { DeviceSession } from '../app/session';
import { testDevice } from '../testing/device';
import { dumpIndexedDb, fakeClock, freshDb, householdInput, identityHost, loginFor, readableText, worker } from '../testing/fakes';

/** What the worker reads for a result: the catalogue's Dutch, or 'opened'. */
const said = (r: Result<unknown>): string => (r.ok ? 'opened' : errorText(r.error));

function setup(db: KeukentafelDb = freshDb(), clock = fakeClock(), host: KeyHost = identityHost) {
  return testDevice({ db, clock, host });
}

async function enrolled(pin = '246813') {
  const ctx = setup();
  const session = await ctx.account.enroll(loginFor(), pin);
  if (!session.ok) throw new Error(session.error.code);
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

  it.each(['24681', '1234567890123', '12a456', ''])('refuses PIN %j with a plain Dutch message', async (pin) => {
    const { account } = setup();
    expect(said(await account.enroll(loginFor(), pin))).toBe('Kies een pincode van 6 tot 12 cijfers.');
    expect(await account.status()).toEqual({ state: 'new' });
  });

  it.each(['000000', '123456', '987654', '123123', '010190', '19900101'])('refuses the easy-to-guess PIN %j', async (pin) => {
    const { account } = setup();
    expect(said(await account.enroll(loginFor(), pin))).toBe('Deze pincode is te makkelijk te raden. Kies cijfers zonder herhaling, reeks of datum.');
    expect(await account.status()).toEqual({ state: 'new' });
  });

  it('unlocks after lock with the same PIN and shows the same households', async () => {
    const { account, session } = await enrolled();
    await session.households.create(householdInput('Familie Özdemir'));
    session.lock();
    const again = await account.unlock('246813');
    expect(again.ok && again.value.households.list().map((h) => h.name)).toEqual(['Familie Özdemir']);
  });

  it('counts wrong PINs, then makes the worker wait 5, 10, 20 seconds … up to 5 minutes', async () => {
    const { account, clock, session } = await enrolled();
    session.lock();
    expect(said(await account.unlock('111111'))).toBe('Deze pincode klopt niet. Er zijn nog 2 pogingen over.');
    expect(said(await account.unlock('111111'))).toBe('Deze pincode klopt niet. Er is nog 1 poging over.');
    expect(said(await account.unlock('111111'))).toBe('Te vaak een verkeerde pincode. Probeer het over 5 seconden opnieuw.');
    // Even the right PIN waits until the delay has passed.
    clock.advance(4_000);
    expect(said(await account.unlock('246813'))).toBe('Te vaak een verkeerde pincode. Probeer het over 1 seconde opnieuw.');
    const status = await account.status();
    expect(status.state === 'locked' && status.lockedUntil).toBe(clock.now() + 1_000);
    clock.advance(1_000);
    expect(said(await account.unlock('111111'))).toBe('Te vaak een verkeerde pincode. Probeer het over 10 seconden opnieuw.');
    clock.advance(10_000);
    expect(said(await account.unlock('111111'))).toBe('Te vaak een verkeerde pincode. Probeer het over 20 seconden opnieuw.');
    clock.advance(20_000);
    const opened = await account.unlock('246813');
    expect(opened.ok).toBe(true);
    if (opened.ok) opened.value.lock();
    expect(said(await account.unlock('111111'))).toBe('Deze pincode klopt niet. Er zijn nog 2 pogingen over.');
  });

  it('counts 50 wrong PINs tried at the same time one by one, and refuses the rest with the delay', async () => {
    const { account, clock, db, session } = await enrolled();
    session.lock();
    const results = await Promise.all(Array.from({ length: 50 }, () => account.unlock('111111')));
    const errors = results.map((r) => (r.ok ? 'opened' : r.error));
    expect(errors.slice(0, 3)).toEqual([
      { code: 'pin.wrong', params: { left: 2 } },
      { code: 'pin.wrong', params: { left: 1 } },
      { code: 'pin.too-often', params: { waitMs: 5_000 } },
    ]);
    expect(errors.slice(3).every((e) => e !== 'opened' && e.code === 'pin.too-often')).toBe(true);
    expect(await db.meta.get('account')).toMatchObject({ failedAttempts: 3, lockedUntil: clock.now() + 5_000 });
  });

  it('does not let the right PIN, fired along with wrong ones, skip the delay', async () => {
    const { account, session } = await enrolled();
    session.lock();
    const pins = ['111111', '222222', '333333', '246813', '444444', '246813'];
    const results = await Promise.all(pins.map((pin) => account.unlock(pin)));
    expect(results.some((r) => r.ok)).toBe(false);
    expect(results.slice(2).map((r) => !r.ok && r.error.code === 'pin.too-often')).toEqual([true, true, true, true]);
  });

  it('counts an attempt before the PIN is checked, so a crash during the check still counts it', async () => {
    const db = freshDb();
    const clock = fakeClock();
    const first = setup(db, clock);
    const enrolledSession = await first.account.enroll(loginFor(), '246813');
    if (enrolledSession.ok) enrolledSession.value.lock();
    let checking!: () => void;
    const checkStarted = new Promise<void>((resolve) => (checking = resolve));
    // A host that never answers: the app "crashes" while the key is being opened.
    const hangingHost: KeyHost = {
      ...identityHost,
      unwrapKey: () => {
        checking();
        return new Promise<Result<string>>(() => undefined);
      },
    };
    void setup(db, clock, hangingHost).account.unlock('111111');
    await checkStarted;
    expect(await db.meta.get('account')).toMatchObject({ failedAttempts: 1 });
    const restarted = setup(db, clock).account;
    expect(await restarted.unlock('111111')).toEqual({ ok: false, error: { code: 'pin.wrong', params: { left: 1 } } });
    expect((await restarted.unlock('246813')).ok).toBe(true);
    expect(await db.meta.get('account')).toMatchObject({ failedAttempts: 0, lockedUntil: 0 });
  });

  it('does not count an attempt when the device key store fails', async () => {
    const { db, clock, session } = await enrolled();
    session.lock();
    const brokenHost: KeyHost = { ...identityHost, unwrapKey: () => Promise.resolve(fail<string>('keys.unavailable')) };
    const result = await setup(db, clock, brokenHost).account.unlock('246813');
    expect(result).toEqual({ ok: false, error: { code: 'account.key-problem' } });
    expect(await db.meta.get('account')).toMatchObject({ failedAttempts: 0, lockedUntil: 0 });
  });

  it('caps the delay at 5 minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 9, 10, 30].map(lockoutDelay)).toEqual([0, 0, 5_000, 10_000, 20_000, 40_000, 300_000, 300_000, 300_000]);
  });

  it('keeps the delay over a restart (new account object, same database)', async () => {
    const { db, clock, session, account } = await enrolled();
    session.lock();
    for (let i = 0; i < 3; i++) await account.unlock('999999');
    const restarted = setup(db, clock).account;
    expect(said(await restarted.unlock('246813'))).toContain('5 seconden');
  });

  it('lets the same worker sign in again with the PIN, and refuses another worker', async () => {
    const { account, session } = await enrolled();
    session.lock();
    expect((await account.enroll(loginFor(), '246813')).ok).toBe(true);
    const other = { ...worker, id: crypto.randomUUID(), username: 'rik' };
    expect(said(await account.enroll(loginFor(other), '246813'))).toContain('andere medewerker');
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

  it('wiping with the PIN forgets everything, and a new enrolment works after it', async () => {
    const { account, session } = await enrolled();
    await session.households.create(householdInput());
    expect(await account.wipe({ pin: '111111' })).toMatchObject({ ok: false, error: { code: 'account.wipe-refused' } });
    expect(await account.status()).toMatchObject({ state: 'locked' });
    expect(await account.wipe({ pin: '246813' })).toEqual({ ok: true, value: undefined });
    expect(await account.status()).toEqual({ state: 'new' });
    const fresh = await account.enroll(loginFor(), '813579');
    expect(fresh.ok && fresh.value.households.list()).toEqual([]);
  });
});
