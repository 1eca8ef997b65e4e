import { createHubClient } from '../sync/hub-client';
import { createDeviceAccount } from '../data/account';
import type { KeyHost } from '../data/crypto/keys';
import type { KeukentafelDb } from '../data/db';
import type { PinKdf } from '../data/pin-kdf';
import { sessionOpener } from '../app/session';
import { fakeClock, fakeOnline, freshDb, identityHost, manualScheduler } from './fakes';

export interface TestDeviceOptions {
  db?: KeukentafelDb;
  clock?: ReturnType<typeof fakeClock>;
  host?: KeyHost;
  /** The hub as seen by the device; offline (every request fails) by default. */
  fetch?: typeof fetch;
  online?: boolean;
  /** The PIN KDF for enrolments and re-wraps; a fast Argon2id by default. */
  kdf?: PinKdf;
  /** As in the browser host: enrol only against a hub in demo mode. */
  demoOnly?: boolean;
}

/** Argon2id with the least memory and passes: the same code path as on a device, in milliseconds. */
export const FAST_KDF: PinKdf = { algorithm: 'argon2id', memoryKiB: 64, passes: 1, parallelism: 1 };

/** A device account over fake-indexeddb with a fast KDF, fake clock and scheduler, and no automatic sync. */
export function testDevice(options: TestDeviceOptions = {}) {
  const db = options.db ?? freshDb();
  const clock = options.clock ?? fakeClock();
  const offline: typeof fetch = () => Promise.reject(new TypeError('fetch failed'));
  const account = createDeviceAccount({
    db,
    host: options.host ?? identityHost,
    clock,
    kdf: options.kdf ?? FAST_KDF,
    demoOnly: options.demoOnly ?? false,
    openSession: sessionOpener({
      db,
      hub: createHubClient({ baseUrl: 'https://hub.test', fetch: options.fetch ?? offline }),
      clock,
      random: () => 0.5,
      scheduler: manualScheduler(),
      onlineSignal: fakeOnline(options.online ?? false),
      autoStart: false,
    }),
  });
  return { db, clock, account };
}
