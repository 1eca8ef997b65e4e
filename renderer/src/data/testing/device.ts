import { createHubClient } from '../../sync/hub-client';
import { createDeviceAccount } from '../account';
import type { KeyHost } from '../crypto/keys';
import type { KeukentafelDb } from '../db';
import { sessionOpener } from '../session';
import { fakeClock, fakeOnline, freshDb, identityHost, manualScheduler } from './fakes';

export interface TestDeviceOptions {
  db?: KeukentafelDb;
  clock?: ReturnType<typeof fakeClock>;
  host?: KeyHost;
  /** The hub as seen by the device; offline (every request fails) by default. */
  fetch?: typeof fetch;
  online?: boolean;
}

/** A device account over fake-indexeddb with a fast KDF, fake clock and scheduler, and no automatic sync. */
export function testDevice(options: TestDeviceOptions = {}) {
  const db = options.db ?? freshDb();
  const clock = options.clock ?? fakeClock();
  const offline: typeof fetch = () => Promise.reject(new TypeError('fetch failed'));
  const account = createDeviceAccount({
    db,
    host: options.host ?? identityHost,
    clock,
    iterations: 1_000,
    openSession: sessionOpener({
      db,
      hub: createHubClient({ baseUrl: 'http://hub.test', fetch: options.fetch ?? offline }),
      clock,
      random: () => 0.5,
      scheduler: manualScheduler(),
      onlineSignal: fakeOnline(options.online ?? false),
      autoStart: false,
    }),
  });
  return { db, clock, account };
}
