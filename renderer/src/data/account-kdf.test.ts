import { describe, expect, it } from 'vitest';
import { fail } from '../../../shared/result';
import { errorText } from '../i18n/errors';
import { newSalt, unwrapDataKey, wrapDataKey } from './crypto/keys';
import type { KeukentafelDb } from './db';
import type { PinKdf } from './pin-kdf';
import { PIN_KDF, derivePinKey, storedKdf } from './pin-kdf';
import { FAST_KDF, testDevice } from '../testing/device';
import { fakeClock, freshDb, householdInput, identityHost, loginFor } from '../testing/fakes';

const PIN = '246813';
const PBKDF2: PinKdf = { algorithm: 'pbkdf2-sha256', iterations: 1_000 };

async function enrolWith(kdf: PinKdf, db: KeukentafelDb = freshDb()) {
  const clock = fakeClock();
  const { account } = testDevice({ db, clock, kdf });
  const enrolled = await account.enroll(loginFor(), PIN);
  if (!enrolled.ok) throw new Error(enrolled.error.code);
  await enrolled.value.households.create(householdInput('Familie Özdemir'));
  enrolled.value.lock();
  return { db, clock };
}

const names = (session: { households: { list(): { name: string }[] } }) => session.households.list().map((h) => h.name);

describe('PIN key derivation', () => {
  it('uses Argon2id by default, tuned to a memory-hard cost, and stores its parameters in the account row', async () => {
    expect(PIN_KDF).toEqual({ algorithm: 'argon2id', memoryKiB: 131_072, passes: 4, parallelism: 1 });
    const { db } = await enrolWith(FAST_KDF);
    const row = await db.meta.get('account');
    expect(row?.kdf).toEqual(FAST_KDF);
    expect(row?.iterations).toBeUndefined();
  });

  it('re-wraps an account from before Argon2id (PBKDF2, iterations only) at its next unlock, and loses nothing', async () => {
    const { db, clock } = await enrolWith(PBKDF2);
    // Exactly the shape of an old row: no kdf, the iteration count beside the salt.
    await db.meta.update('account', { kdf: undefined, iterations: 1_000 });
    const before = await db.meta.get('account');
    const device = testDevice({ db, clock, kdf: FAST_KDF });

    const wrong = await device.account.unlock('111111');
    expect(wrong.ok).toBe(false);
    expect(await db.meta.get('account')).toMatchObject({ iterations: 1_000, wrappedKey: before?.wrappedKey });

    const opened = await device.account.unlock(PIN);
    expect(opened.ok && names(opened.value)).toEqual(['Familie Özdemir']);
    if (opened.ok) opened.value.lock();
    const after = await db.meta.get('account');
    expect(after?.kdf).toEqual(FAST_KDF);
    expect(after?.iterations).toBeUndefined();
    expect(after?.wrappedKey).not.toBe(before?.wrappedKey);
    expect(after?.salt).not.toEqual(before?.salt);

    // The new wrap opens with the same PIN, refuses a wrong one, and is not re-wrapped again.
    expect((await device.account.unlock('111111')).ok).toBe(false);
    const again = await device.account.unlock(PIN);
    expect(again.ok && names(again.value)).toEqual(['Familie Özdemir']);
    expect((await db.meta.get('account'))?.wrappedKey).toBe(after?.wrappedKey);
  });

  it('re-wraps when the parameters are raised later, and keeps the session key non-extractable', async () => {
    const { db, clock } = await enrolWith(FAST_KDF);
    const raised: PinKdf = { algorithm: 'argon2id', memoryKiB: 128, passes: 2, parallelism: 1 };
    const opened = await testDevice({ db, clock, kdf: raised }).account.unlock(PIN);
    expect(opened.ok && names(opened.value)).toEqual(['Familie Özdemir']);
    expect(storedKdf((await db.meta.get('account'))!)).toEqual(raised);
    // A device that still runs the lower setting opens the stronger row as stored, without lowering it.
    if (opened.ok) opened.value.lock();
    expect((await testDevice({ db, clock, kdf: FAST_KDF }).account.unlock(PIN)).ok).toBe(true);
    expect(storedKdf((await db.meta.get('account'))!)).toEqual(raised);
  });

  it('says the key cannot be opened, without counting a try, when the stored parameters are unreadable', async () => {
    const { db, clock } = await enrolWith(FAST_KDF);
    await db.meta.update('account', { kdf: { algorithm: 'argon2id', memoryKiB: 'veel' } });
    const result = await testDevice({ db, clock }).account.unlock(PIN);
    expect(result).toEqual({ ok: false, error: { code: 'account.key-problem' } });
    expect(await db.meta.get('account')).toMatchObject({ failedAttempts: 0 });
  });
});

/** A device from before the 6-digit rule: the same data key, wrapped under `pin` with PBKDF2 and no `kdf`. */
async function legacyWeakPin(pin: string) {
  const { db, clock } = await enrolWith(PBKDF2);
  const row = (await db.meta.get('account'))!;
  const opened = await unwrapDataKey(row.wrappedKey, await derivePinKey(PIN, row.salt, PBKDF2), identityHost, { extractable: true });
  if (!opened.ok) throw new Error(opened.message);
  const salt = newSalt();
  const wrapped = await wrapDataKey(opened.value, await derivePinKey(pin, salt, PBKDF2), identityHost);
  if (!wrapped.ok) throw new Error(wrapped.error.code);
  await db.meta.update('account', { salt, wrappedKey: wrapped.value, kdf: undefined, iterations: 1_000 });
  return { db, clock };
}

describe('changing the PIN (for PINs from before the 6-digit rule)', () => {
  it('keeps the data, takes only a PIN that follows the rule, and checks and counts the current PIN', async () => {
    const { db, clock } = await legacyWeakPin('12345');
    const { account } = testDevice({ db, clock });
    const opened = await account.unlock('12345');
    expect(opened.ok && names(opened.value)).toEqual(['Familie Özdemir']);
    if (opened.ok) opened.value.lock();

    expect(await account.changePin('12345', '123456')).toEqual({ ok: false, error: { code: 'pin.too-easy' } });
    expect(await account.changePin('12345', '58203')).toEqual({ ok: false, error: { code: 'pin.invalid' } });
    expect(await account.changePin('54321', '582039')).toEqual({ ok: false, error: { code: 'pin.wrong', params: { left: 2 } } });
    expect(await db.meta.get('account')).toMatchObject({ failedAttempts: 1 });

    expect(await account.changePin('12345', '582039')).toEqual({ ok: true, value: undefined });
    expect(await db.meta.get('account')).toMatchObject({ failedAttempts: 0, kdf: FAST_KDF });
    expect((await account.unlock('12345')).ok).toBe(false);
    const reopened = await account.unlock('582039');
    expect(reopened.ok && names(reopened.value)).toEqual(['Familie Özdemir']);
  });

  it('keeps the old PIN when the device key store cannot wrap the new one', async () => {
    const { db, clock } = await legacyWeakPin('12345');
    const broken = { ...identityHost, wrapKey: () => Promise.resolve(fail<string>('keys.wrap-failed')) };
    expect(await testDevice({ db, clock, host: broken }).account.changePin('12345', '582039')).toEqual({ ok: false, error: { code: 'account.key-problem' } });
    expect((await testDevice({ db, clock }).account.unlock('12345')).ok).toBe(true);
  });
});

describe('browser host (demos only)', () => {
  it('refuses to enrol against a hub that is not in demo mode, and says why', async () => {
    const { account } = testDevice({ demoOnly: true });
    const refused = await account.enroll(loginFor(), PIN);
    expect(refused).toEqual({ ok: false, error: { code: 'account.demo-only' } });
    expect(refused.ok === false && errorText(refused.error)).toBe(
      'Deze versie in de browser is alleen om te oefenen. De browser beschermt echte gegevens niet goed genoeg. ' +
        'Gebruik voor echte huishoudens de Keukentafel-app op de laptop.',
    );
    expect(await account.status()).toEqual({ state: 'new' });
  });

  it('enrols against a demo hub', async () => {
    const { account } = testDevice({ demoOnly: true });
    const enrolled = await account.enroll({ ...loginFor(), demo: true }, PIN);
    expect(enrolled.ok).toBe(true);
  });
});
