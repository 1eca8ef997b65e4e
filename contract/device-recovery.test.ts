import { afterEach, describe, expect, it } from 'vitest';
import { accountPaths } from '../shared/api/accounts';
import type { LoginResponse } from '../shared/api/auth';
import { createDeviceAccount } from '../renderer/src/data/account';
import { KeukentafelDb } from '../renderer/src/data/db';
import type { DeviceSession } from '../renderer/src/app/session';
import { sessionOpener } from '../renderer/src/app/session';
import { FAST_KDF } from '../renderer/src/testing/device';
import { fakeClock, fakeOnline, freshDb, householdInput, identityHost, manualScheduler } from '../renderer/src/testing/fakes';
import { errorText } from '../renderer/src/i18n/errors';
import { openOfficeSession } from '../renderer/src/data/office-session';
import { createHubCaller, createHubClient } from '../renderer/src/sync/hub-client';
import { availableBackends } from '../server/src/test-support/backends';
import type { Harness } from '../server/src/test-support/harness';
import { createHarness, password } from '../server/src/test-support/harness';
import { injectFetch } from './hub-fetch';

/**
 * A worker's device against the real hub (in process): enrolment registers the device and wraps the data key
 * with the hub's recovery key; a forgotten PIN is a password sign-in and a new PIN, with nothing lost; a device
 * the team lead revoked wipes itself at its next contact; after too many days without a password sign-in the
 * PIN alone no longer opens the device.
 */

const PIN = '246813';
const NEW_PIN = '975318';

let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

describe.each(availableBackends())('device recovery and revocation against the hub on $name', (backend) => {
  async function device() {
    harness = await createHarness(backend, { loginLimitPerMinute: 50 });
    const hub = createHubClient({ baseUrl: 'https://hub.test', fetch: injectFetch(harness.app) });
    const db = freshDb();
    const clock = fakeClock();
    const account = createDeviceAccount({
      db,
      host: identityHost,
      clock,
      kdf: FAST_KDF,
      registerDevice: (token, deviceId) => hub.registerDevice(token, deviceId),
      passwordAfterDays: 14,
      openSession: sessionOpener({ db, hub, clock, random: () => 0.5, scheduler: manualScheduler(), onlineSignal: fakeOnline(true), autoStart: false }),
    });
    const signIn = async (username: string, deviceId?: string): Promise<LoginResponse> => {
      const login = await hub.login({ username, password, ...(deviceId ? { deviceId } : {}) });
      if (!login.ok) throw new Error(login.error.code);
      return login.value;
    };
    return { h: harness, hub, db, clock, account, signIn };
  }

  it('recovers a forgotten PIN with the password: a new PIN, the same households, the old PIN gone', async () => {
    const { account, signIn, h } = await device();
    const enrolled = await account.enroll(await signIn('worker'), PIN);
    if (!enrolled.ok) throw new Error(enrolled.error.code);
    await (enrolled.value as DeviceSession).households.create(householdInput('Familie Özdemir'));
    enrolled.value.lock();
    const status = await account.status();
    expect(status).toMatchObject({ state: 'locked', canRecover: true });
    const deviceId = status.state === 'locked' ? status.deviceId : undefined;
    expect(deviceId).toBeDefined();
    // The hub keeps the key; the device keeps only the data key wrapped with it.
    const { rows } = await h.db.query<{ recovery_key: string }>('SELECT recovery_key FROM devices WHERE device_id = $1', [deviceId]);
    expect(rows[0]?.recovery_key).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // A sign-in that does not name the device brings no key, so it cannot recover.
    const withoutKey = await account.recover(await signIn('worker'), NEW_PIN);
    expect(withoutKey.ok ? 'opened' : errorText(withoutKey.error)).toBe('Dit apparaat kan de gegevens niet herstellen met het wachtwoord. Vraag de beheerder om hulp.');
    // Another worker's sign-in, even naming the device, gets no key and is refused.
    expect(await account.recover(await signIn('worker-b', deviceId), NEW_PIN)).toMatchObject({ ok: false, error: { code: 'account.other-worker' } });

    const recovered = await account.recover(await signIn('worker', deviceId), NEW_PIN);
    if (!recovered.ok) throw new Error(recovered.error.code);
    expect((recovered.value as DeviceSession).households.list().map((x) => x.name)).toEqual(['Familie Özdemir']);
    recovered.value.lock();
    expect(await account.unlock(PIN)).toMatchObject({ ok: false, error: { code: 'pin.wrong' } });
    const again = await account.unlock(NEW_PIN);
    expect(again.ok && (again.value as DeviceSession).households.list().map((x) => x.name)).toEqual(['Familie Özdemir']);
  });

  it('wipes a device the team lead revoked at its next contact with the hub', async () => {
    const { account, signIn, h, db } = await device();
    const enrolled = await account.enroll(await signIn('worker'), PIN);
    if (!enrolled.ok) throw new Error(enrolled.error.code);
    const session = enrolled.value as DeviceSession;
    await session.households.create(householdInput('Familie Jansen'));
    const status = await account.status();
    const deviceId = status.state === 'locked' ? status.deviceId! : '';
    const lead = await h.login('teamlead');
    const revoke = await h.app.inject({ method: 'POST', url: accountPaths.revokeDevice.replace(':deviceId', deviceId), headers: { authorization: `Bearer ${lead.token}` } });
    expect(revoke.statusCode).toBe(200);

    await session.sync.syncNow();
    expect(await account.status()).toEqual({ state: 'new' });
    // Nothing of the household or the account is left in the device's store.
    const reopened = new KeukentafelDb(db.name);
    expect(await reopened.households.count()).toBe(0);
    expect(await reopened.meta.get('account')).toBeUndefined();
    reopened.close();
  });

  it('asks for the password after too many days without a password sign-in, and lets the PIN work again after it', async () => {
    const { account, signIn, clock } = await device();
    const enrolled = await account.enroll(await signIn('worker'), PIN);
    if (!enrolled.ok) throw new Error(enrolled.error.code);
    enrolled.value.lock();
    clock.advance(14 * 86_400_000);
    const withinLimit = await account.unlock(PIN);
    expect(withinLimit.ok).toBe(true);
    if (withinLimit.ok) withinLimit.value.lock();
    clock.advance(60_000);
    const refused = await account.unlock(PIN);
    expect(refused.ok ? 'opened' : errorText(refused.error)).toBe(
      'Al meer dan 14 dagen geen aanmelding met het wachtwoord op dit apparaat. Meld aan met het wachtwoord. Daarna werkt de pincode weer.',
    );
    // Signing in with the password and the PIN (the sign-in screen's path for a known worker) opens it again.
    const signedIn = await account.enroll(await signIn('worker'), PIN);
    expect(signedIn.ok).toBe(true);
    if (signedIn.ok) signedIn.value.lock();
    expect((await account.unlock(PIN)).ok).toBe(true);
  });

  it('ends an office session at the hub when the team lead signs out', async () => {
    const { signIn, h } = await device();
    const login = await signIn('teamlead');
    const office = openOfficeSession(createHubCaller({ baseUrl: 'https://hub.test', fetch: injectFetch(h.app) }), login);
    const me = () => h.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${login.token}` } });
    expect((await me()).statusCode).toBe(200);
    await office.signOut();
    expect((await me()).statusCode).toBe(401);
  });

  it('wipes only with the PIN or a sign-in of the same worker', async () => {
    const { account, signIn } = await device();
    const enrolled = await account.enroll(await signIn('worker'), PIN);
    if (!enrolled.ok) throw new Error(enrolled.error.code);
    enrolled.value.lock();
    expect(await account.wipe({ pin: '135792' })).toMatchObject({ ok: false, error: { code: 'account.wipe-refused' } });
    expect(await account.wipe({ login: await signIn('worker-b') })).toMatchObject({ ok: false, error: { code: 'account.wipe-refused' } });
    expect(await account.status()).toMatchObject({ state: 'locked' });
    expect(await account.wipe({ login: await signIn('worker') })).toEqual({ ok: true, value: undefined });
    expect(await account.status()).toEqual({ state: 'new' });
  });
});
