import type { HostApi } from '../../../shared/ipc/contract';
import { settings } from '../../../resources/index';
import { createHubCaller, createHubClient } from '../sync/hub-client';
import { createDeviceAccount } from '../data/account';
import type { AppServices } from '../data/contracts';
import { KeukentafelDb } from '../data/db';
import type { PinKdf } from '../data/pin-kdf';
import { claimDeviceStore, type LockManagerLike } from '../data/store-lock';
import { browserOnlineSignal, intervalScheduler, systemClock } from '../data/ports';
import { openOfficeSession } from '../data/office-session';
import { sessionOpener } from './session';

export interface ServiceOverrides {
  /** Chosen by the entry point: the preload's API in Electron, the preview host on the web. */
  host: HostApi;
  db?: KeukentafelDb;
  fetch?: typeof fetch;
  /** The PIN KDF for new enrolments; only tests should lower this. */
  kdf?: PinKdf;
  /** Web Locks; `navigator.locks` by default. */
  locks?: LockManagerLike;
}

/** Builds everything the UI needs, once at start-up. Sessions (and their sync engines) start at unlock. */
export async function createServices(overrides: ServiceOverrides): Promise<AppServices> {
  const { host } = overrides;
  const infoResult = await host.info();
  if (!infoResult.ok) throw new Error(infoResult.error.code);
  const hostInfo = infoResult.value;
  const db = overrides.db ?? new KeukentafelDb();
  const deviceStore = await claimDeviceStore(overrides.locks ?? globalThis.navigator?.locks, db.name);
  // A second tab leaves the store alone; it opens it only once the other tab has closed.
  if (deviceStore.state === 'mine') await db.open();
  const hubDeps = { baseUrl: hostInfo.hubUrl, fetch: overrides.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init)) };
  const hub = createHubClient(hubDeps);
  const officeCaller = createHubCaller(hubDeps);
  const account = createDeviceAccount({
    db,
    host,
    clock: systemClock,
    ...(overrides.kdf ? { kdf: overrides.kdf } : {}),
    // The browser host keeps its wrapping key where the browser profile can read it: demos only.
    demoOnly: hostInfo.kind === 'preview',
    registerDevice: (token, deviceId) => hub.registerDevice(token, deviceId),
    passwordAfterDays: settings.passwordAfterDays,
    openSession: sessionOpener({
      db,
      hub,
      clock: systemClock,
      random: Math.random,
      scheduler: intervalScheduler,
      onlineSignal: browserOnlineSignal(window),
    }),
  });
  return {
    host,
    hostInfo,
    account,
    hub,
    deviceStore,
    async persistStorage() {
      const storage = globalThis.navigator?.storage;
      if (!storage?.persist) return false;
      if (await storage.persisted()) return true;
      return storage.persist();
    },
    openOffice: (login) => openOfficeSession(officeCaller, login),
  };
}
