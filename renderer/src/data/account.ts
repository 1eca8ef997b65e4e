import type { LoginResponse, User } from '../../../shared/api/auth';
import { userSchema } from '../../../shared/api/auth';
import type { ErrorCode, Result } from '../../../shared/result';
import { fail, ok } from '../../../shared/result';
import type { DeviceAccount, DeviceStatus, Session } from './contracts';
import { places } from './crypto/places';
import { openRecord, sealRecord } from './crypto/record';
import type { KeyHost } from './crypto/keys';
import { generateDataKey, newSalt, toSessionKey, unwrapDataKey, wrapDataKey } from './crypto/keys';
import type { AccountRow, KeukentafelDb } from './db';
import type { UpgradeProgress } from './migrations/bind-records';
import { upgradeRecords } from './migrations/bind-records';
import type { PinKdf } from './pin-kdf';
import { PIN_KDF, derivePinKey, storedKdf, weakerThan } from './pin-kdf';
import { pinProblem } from './pin-policy';
import type { Clock } from './ports';

/**
 * The worker's account on this device: enrolment with a PIN, offline unlock with a growing
 * delay after wrong PINs, and reset. The delay lives in the account row, so a restart keeps it.
 *
 * Honestly: that delay stops only someone at the lock screen. Whoever copies the row (a stolen disk,
 * a browser profile) tries PINs offline without it; there the PIN rule and the KDF's cost per guess
 * (pin-kdf.ts, figures in `npm run bench`) are the protection, with safeStorage in Electron on top.
 */

export const FREE_ATTEMPTS = 3;
export const FIRST_DELAY_MS = 5_000;
export const MAX_DELAY_MS = 5 * 60_000;

export interface UnlockedContext {
  user: User;
  key: CryptoKey;
  /** The hub token, or null when it has expired or was never stored. */
  token: string | null;
  /** Set only at the first enrolment on a device when the hub runs in demo mode: add the demo households. */
  seedDemo?: boolean;
  /** Seals a renewed hub token with this key into the account row, so the next unlock uses it. */
  saveLogin?: (login: LoginResponse) => Promise<void>;
  /** This device's id at the hub: a renewed sign-in names it. */
  deviceId?: string;
  /** The hub answered device_revoked: wipe this device now. */
  revoked?: () => Promise<void>;
}

export interface DeviceAccountDeps {
  db: KeukentafelDb;
  host: KeyHost;
  clock: Clock;
  /** Builds the session (repository index, sync engine) once the data key is open. */
  openSession: (context: UnlockedContext) => Promise<Session>;
  /** The PIN KDF for new enrolments and re-wraps; lower only in tests. */
  kdf?: PinKdf;
  /** The browser (preview) host: its key store is not fit for real data, so it enrols only against a demo hub. */
  demoOnly?: boolean;
  /**
   * Registers this device at the hub at enrolment (POST /api/v1/devices) and gives its recovery key. Without it, or
   * when it fails, the device enrols without recovery: a forgotten PIN then still means wiping.
   */
  registerDevice?: (token: string, deviceId: string) => Promise<Result<{ recoveryKey: string }>>;
  newDeviceId?: () => string;
  /** Days without a password sign-in after which the PIN alone no longer opens the device (settings.json). */
  passwordAfterDays?: number;
}

/** Proof that the person wiping the device is its worker: the PIN, or a fresh password sign-in of the same account. */
export type WipeProof = { pin: string } | { login: LoginResponse };

const DAY_MS = 86_400_000;

/** The hub's recovery key (base64url of 32 bytes) as a key that wraps and unwraps the data key. */
async function recoveryCryptoKey(recoveryKey: string): Promise<CryptoKey> {
  const raw = Uint8Array.from(atob(recoveryKey.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
  try {
    return await crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, ['wrapKey', 'unwrapKey']);
  } finally {
    raw.fill(0);
  }
}

/** The code of what is wrong with a chosen PIN, or null when it may be used. */
export function validatePin(pin: string): ErrorCode | null {
  const problem = pinProblem(pin);
  if (problem === 'format') return 'pin.invalid';
  return problem === 'trivial' ? 'pin.too-easy' : null;
}

/** Null when this login may enrol here; otherwise why not (the browser host takes only a hub in demo mode). */
export function enrolRefusal(login: LoginResponse, demoOnly: boolean): ErrorCode | null {
  return demoOnly && login.demo !== true ? 'account.demo-only' : null;
}

/** Wait after the n-th wrong PIN: nothing for the first two, then 5 s, 10 s, 20 s … up to 5 minutes. */
export function lockoutDelay(failedAttempts: number): number {
  if (failedAttempts < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (failedAttempts - FREE_ATTEMPTS));
}

const tooOften = <T>(waitMs: number) => fail<T>('pin.too-often', { waitMs });

function userOf(row: AccountRow): User {
  return userSchema.parse({ id: row.userId, username: row.username, displayName: row.displayName, role: row.role, teamId: row.teamId, phone: row.phone, email: row.email });
}

/** The worker's contact as the hub gave it at sign-in; a field the hub no longer gives is removed. */
const contactOf = (user: User): Pick<AccountRow, 'phone' | 'email'> => ({ phone: user.phone, email: user.email });

export function createDeviceAccount(deps: DeviceAccountDeps): DeviceAccount {
  const { db, host, clock } = deps;
  const targetKdf = deps.kdf ?? PIN_KDF;
  // At most one open session per account object, so two sync engines never share the outbox.
  let active: Session | null = null;

  async function begin(context: UnlockedContext): Promise<Session> {
    active?.lock();
    const saveLogin = async (login: LoginResponse) => {
      await db.meta.update('account', { ...(await sealToken(context.key, login)), ...contactOf(login.user), lastSignInAt: clock.now() });
    };
    const deviceId = (await db.meta.get('account'))?.deviceId;
    const session = await deps.openSession({ ...context, saveLogin, ...(deviceId ? { deviceId } : {}), revoked: wipeAll });
    const wrapped: Session = {
      ...session,
      lock: () => {
        session.lock();
        if (active === wrapped) active = null;
      },
    };
    active = wrapped;
    return wrapped;
  }

  async function sealToken(key: CryptoKey, login: LoginResponse): Promise<Pick<AccountRow, 'tokenIv' | 'token' | 'tokenExpiresAt'>> {
    // Sealed to this worker's account row: a token copied from another device's row does not open here.
    const sealed = await sealRecord(key, places.hubToken(login.user.id), login.token);
    return { tokenIv: sealed.iv, token: sealed.data, tokenExpiresAt: Date.parse(login.expiresAt) };
  }

  async function openToken(row: AccountRow, key: CryptoKey): Promise<string | null> {
    if (!row.token || !row.tokenIv || (row.tokenExpiresAt ?? 0) <= clock.now()) return null;
    const value = await openRecord(key, places.hubToken(row.userId), row.tokenIv, row.token).catch(() => null);
    return typeof value === 'string' ? value : null;
  }

  // Unlock attempts run one at a time, so parallel wrong PINs cannot share one count.
  let attempts: Promise<unknown> = Promise.resolve();
  function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
    const next = attempts.then(task, task);
    attempts = next.catch(() => undefined);
    return next;
  }

  /** Reserves an attempt: counts it as wrong and sets its delay before the check, so a crash mid-check still counts. */
  function reserveAttempt(now: number): Promise<Result<{ row: AccountRow; failedAttempts: number; delay: number }>> {
    return db.transaction('rw', db.meta, async () => {
      const row = await db.meta.get('account');
      if (!row) return fail('account.none');
      if (row.lockedUntil > now) return tooOften(row.lockedUntil - now);
      const failedAttempts = row.failedAttempts + 1;
      const delay = lockoutDelay(failedAttempts);
      await db.meta.update('account', { failedAttempts, lockedUntil: delay > 0 ? now + delay : 0 });
      return ok({ row, failedAttempts, delay });
    });
  }

  /** Too long without a password sign-in: the PIN alone does not open the device (rows from before start counting now). */
  async function passwordNeeded(): Promise<boolean> {
    const days = deps.passwordAfterDays;
    if (days === undefined) return false;
    const row = await db.meta.get('account');
    if (!row) return false;
    if (row.lastSignInAt === undefined) {
      await db.meta.update('account', { lastSignInAt: clock.now() });
      return false;
    }
    return clock.now() - row.lastSignInAt > days * DAY_MS;
  }

  /**
   * Checks the PIN against the stored key; counts failures and sets the delay. With `newPin`, or when
   * the stored KDF is weaker than today's, the data key is wrapped anew (under `newPin` if given).
   */
  async function checkPin(pin: string, newPin?: string): Promise<Result<{ row: AccountRow; key: CryptoKey; rewrapped: boolean }>> {
    const reserved = await reserveAttempt(clock.now());
    if (!reserved.ok) return reserved;
    const { row, failedAttempts, delay } = reserved.value;
    const kdf = storedKdf(row);
    if (!kdf) {
      await db.meta.update('account', { failedAttempts: row.failedAttempts, lockedUntil: row.lockedUntil });
      return fail('account.key-problem');
    }
    const rewrapNeeded = newPin !== undefined || weakerThan(kdf, targetKdf);
    const opened = await unwrapDataKey(row.wrappedKey, await derivePinKey(pin, row.salt, kdf), host, { extractable: rewrapNeeded });
    if (opened.ok) {
      await db.meta.update('account', { failedAttempts: 0, lockedUntil: 0 });
      const checked = { ...row, failedAttempts: 0, lockedUntil: 0 };
      if (!rewrapNeeded) return ok({ row: checked, key: opened.value, rewrapped: false });
      const { key, rewrapped } = await rewrap(newPin ?? pin, opened.value);
      return ok({ row: checked, key, rewrapped });
    }
    if (opened.error === 'host') {
      // Not the worker's fault: give the attempt back.
      await db.meta.update('account', { failedAttempts: row.failedAttempts, lockedUntil: row.lockedUntil });
      return fail('account.key-problem');
    }
    if (delay > 0) return tooOften(delay);
    return fail('pin.wrong', { left: FREE_ATTEMPTS - failedAttempts });
  }

  /** Wraps the data key anew under the current KDF (one row update, so a crash keeps the old or the new wrap). */
  async function rewrap(pin: string, extractable: CryptoKey): Promise<{ key: CryptoKey; rewrapped: boolean }> {
    const salt = newSalt();
    const wrapped = await wrapDataKey(extractable, await derivePinKey(pin, salt, targetKdf), host);
    // A host that cannot wrap now keeps the old wrap; the next unlock tries again.
    if (wrapped.ok) await db.meta.update('account', { salt, kdf: targetKdf, iterations: undefined, wrappedKey: wrapped.value });
    return { key: await toSessionKey(extractable), rewrapped: wrapped.ok };
  }

  const openKey = (pin: string) => oneAtATime(() => checkPin(pin));

  const wipedListeners = new Set<() => void>();
  async function wipeAll(): Promise<void> {
    active?.lock();
    active = null;
    await db.delete({ disableAutoOpen: false });
    for (const listener of wipedListeners) listener();
  }

  /** Registers the device and wraps the (still extractable) data key with its recovery key; nothing when that fails. */
  async function registerRecovery(token: string, dataKey: CryptoKey): Promise<Pick<AccountRow, 'deviceId' | 'recoveryWrappedKey'>> {
    if (!deps.registerDevice) return {};
    const deviceId = (deps.newDeviceId ?? (() => crypto.randomUUID()))();
    const registered = await deps.registerDevice(token, deviceId);
    if (!registered.ok) return {};
    const wrapped = await wrapDataKey(dataKey, await recoveryCryptoKey(registered.value.recoveryKey), host);
    return wrapped.ok ? { deviceId, recoveryWrappedKey: wrapped.value } : { deviceId };
  }

  /** Brings records from before version 5 to the bound format, once, before anything reads them. */
  async function upgrade(key: CryptoKey, onProgress?: (progress: UpgradeProgress) => void): Promise<Result<AccountRow>> {
    try {
      await upgradeRecords(db, key, onProgress);
    } catch {
      return fail('account.upgrade-failed');
    }
    const row = await db.meta.get('account');
    return row ? ok(row) : fail('account.none');
  }

  return {
    async status(): Promise<DeviceStatus> {
      const row = await db.meta.get('account');
      if (!row) return { state: 'new' };
      const status: DeviceStatus = { state: 'locked', user: userOf(row), lockedUntil: row.lockedUntil > clock.now() ? row.lockedUntil : null };
      if (row.deviceId) status.deviceId = row.deviceId;
      if (row.recoveryWrappedKey) status.canRecover = true;
      return status;
    },

    async enroll(login, pin) {
      const refusal = enrolRefusal(login, deps.demoOnly === true);
      if (refusal) return fail(refusal);
      const existing = await db.meta.get('account');
      if (existing && existing.userId !== login.user.id) {
        return fail('account.other-worker');
      }
      if (existing) {
        // Same worker signing in again (e.g. the token expired): the PIN must open the existing key.
        const opened = await openKey(pin);
        if (!opened.ok) return opened;
        const upgraded = await upgrade(opened.value.key);
        if (!upgraded.ok) return upgraded;
        await db.meta.update('account', { ...(await sealToken(opened.value.key, login)), lastSignInAt: clock.now() });
        return ok(await begin({ user: login.user, key: opened.value.key, token: login.token }));
      }
      // Only a new PIN must follow the rule; the same worker signing in again types the PIN they have.
      const pinError = validatePin(pin);
      if (pinError) return fail(pinError);
      const salt = newSalt();
      const dataKey = await generateDataKey();
      const wrapped = await wrapDataKey(dataKey, await derivePinKey(pin, salt, targetKdf), host);
      if (!wrapped.ok) return fail('account.key-problem');
      const recovery = await registerRecovery(login.token, dataKey);
      const key = await toSessionKey(dataKey);
      const { user } = login;
      await db.meta.put({
        ...recovery,
        lastSignInAt: clock.now(),
        id: 'account',
        userId: user.id,
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        teamId: user.teamId,
        ...contactOf(user),
        salt,
        kdf: targetKdf,
        wrappedKey: wrapped.value,
        failedAttempts: 0,
        lockedUntil: 0,
        ...(await sealToken(key, login)),
      });
      // Nothing older to move on a new device: this only marks the store as current.
      const upgraded = await upgrade(key);
      if (!upgraded.ok) return upgraded;
      return ok(await begin({ user, key, token: login.token, seedDemo: login.demo === true }));
    },

    async unlock(pin, options) {
      if (await passwordNeeded()) return fail('account.password-needed', { days: deps.passwordAfterDays ?? 0 });
      const opened = await openKey(pin);
      if (!opened.ok) return opened;
      const { key } = opened.value;
      const upgraded = await upgrade(key, options?.onProgress);
      if (!upgraded.ok) return upgraded;
      const row = upgraded.value;
      return ok(await begin({ user: userOf(row), key, token: await openToken(row, key) }));
    },

    async recover(login, newPin) {
      const row = await db.meta.get('account');
      if (!row) return fail('account.none');
      if (row.userId !== login.user.id) return fail('account.other-worker');
      if (!row.recoveryWrappedKey || !login.recoveryKey) return fail('account.no-recovery');
      const pinError = validatePin(newPin);
      if (pinError) return fail(pinError);
      const opened = await unwrapDataKey(row.recoveryWrappedKey, await recoveryCryptoKey(login.recoveryKey), host, { extractable: true });
      if (!opened.ok) return fail(opened.error === 'host' ? 'account.key-problem' : 'account.no-recovery');
      const salt = newSalt();
      const wrapped = await wrapDataKey(opened.value, await derivePinKey(newPin, salt, targetKdf), host);
      if (!wrapped.ok) return fail('account.key-problem');
      const key = await toSessionKey(opened.value);
      // One row update: a crash leaves the old PIN's wrap or the new one, never neither.
      await db.meta.update('account', {
        salt,
        kdf: targetKdf,
        iterations: undefined,
        wrappedKey: wrapped.value,
        failedAttempts: 0,
        lockedUntil: 0,
        lastSignInAt: clock.now(),
        ...(await sealToken(key, login)),
      });
      const upgraded = await upgrade(key);
      if (!upgraded.ok) return upgraded;
      return ok(await begin({ user: userOf(upgraded.value), key, token: login.token }));
    },

    async changePin(currentPin, newPin) {
      const pinError = validatePin(newPin);
      if (pinError) return fail(pinError);
      const checked = await oneAtATime(() => checkPin(currentPin, newPin));
      if (!checked.ok) return checked;
      return checked.value.rewrapped ? ok(undefined) : fail('account.key-problem');
    },

    async wipe(proof) {
      const row = await db.meta.get('account');
      if (row) {
        const proven = 'pin' in proof ? (await openKey(proof.pin)).ok : proof.login.user.id === row.userId;
        if (!proven) return fail('account.wipe-refused');
      }
      await wipeAll();
      return ok(undefined);
    },

    async revoked() {
      await wipeAll();
    },

    onWiped(listener) {
      wipedListeners.add(listener);
      return () => wipedListeners.delete(listener);
    },

  };
}
