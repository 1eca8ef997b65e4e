import type { LoginResponse } from '../../../shared/api/auth';
import type { HouseholdInput } from '../../../shared/domain/household.schema';
import { fail, ok } from '../../../shared/result';
import type { KeyHost } from '../data/crypto/keys';
import { KeukentafelDb } from '../data/db';
import type { Clock, OnlineSignal, Scheduler } from '../data/ports';
import { createEmitter } from '../data/ports';

/** Test doubles for the data layer. Never imported by app code. */

/** A fresh database name per test, so tests sharing fake-indexeddb never see each other's rows. */
export function freshDb(): KeukentafelDb {
  return new KeukentafelDb(`test-${crypto.randomUUID()}`);
}

/** A host without a keychain: wrapping is the identity. */
export const identityHost: KeyHost = {
  wrapKey: (data) => Promise.resolve(ok(data)),
  unwrapKey: (data) => Promise.resolve(data.length > 0 ? ok(data) : fail('keys.unwrap-failed')),
};

export function fakeClock(start = Date.parse('2026-03-02T09:00:00.000Z')): Clock & { advance(ms: number): void; set(ms: number): void } {
  let now = start;
  return {
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
    set: (ms) => {
      now = ms;
    },
  };
}

export function manualScheduler(): Scheduler & { tick(): void; active(): number } {
  const tasks = new Set<() => void>();
  return {
    every(_ms, fn) {
      tasks.add(fn);
      return () => tasks.delete(fn);
    },
    tick: () => tasks.forEach((fn) => fn()),
    active: () => tasks.size,
  };
}

export function fakeOnline(initial = true): OnlineSignal & { set(online: boolean): void } {
  let online = initial;
  const emitter = createEmitter<[boolean]>();
  return {
    isOnline: () => online,
    subscribe: emitter.subscribe,
    set(value) {
      online = value;
      emitter.emit(value);
    },
  };
}

export const worker = {
  id: '6f1c1f7e-3b1a-4e8b-9d8e-2a6a1b7c0d01',
  username: 'sanne',
  displayName: 'Sanne de Vries',
  role: 'worker' as const,
  teamId: '0b8f3c2a-5d4e-4f6a-8b7c-9d0e1f2a3b4c',
};

export function loginFor(user = worker, expiresAt = '2026-12-31T00:00:00.000Z'): LoginResponse {
  return { token: 't'.repeat(40), expiresAt, user };
}

export function householdInput(name = 'Familie Jansen', postcode = '6411 AB', firstName = 'Bart'): HouseholdInput {
  return {
    name,
    postcode,
    street: 'Akerstraat',
    houseNumber: '12',
    town: 'Heerlen',
    members: [
      { id: crypto.randomUUID(), firstName, lastName: 'Jansen', role: 'adult', age: 41 },
      { id: crypto.randomUUID(), firstName: 'Mila', lastName: 'Jansen', role: 'child', age: 9 },
    ],
    contact: { channel: 'phone', phone: '0612345678', email: '', bestTime: '', note: '' },
  };
}

/** Everything readable in a value: strings, and byte arrays decoded as UTF-8 and Latin-1. */
export function readableText(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (value instanceof Uint8Array) {
    out.push(new TextDecoder().decode(value), String.fromCharCode(...value));
  } else if (value instanceof ArrayBuffer) readableText(new Uint8Array(value), out);
  else if (Array.isArray(value)) value.forEach((v) => readableText(v, out));
  else if (value !== null && typeof value === 'object') Object.values(value).forEach((v) => readableText(v, out));
  return out;
}

/** Reads every record of every store with the raw IndexedDB API, bypassing Dexie. */
export async function dumpIndexedDb(name: string): Promise<unknown[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(new Error(String(req.error)));
  });
  const stores = [...db.objectStoreNames];
  const tx = db.transaction(stores, 'readonly');
  const all = await Promise.all(
    stores.map(
      (store) =>
        new Promise<unknown[]>((resolve, reject) => {
          const req = tx.objectStore(store).getAll();
          req.onsuccess = () => resolve(req.result as unknown[]);
          req.onerror = () => reject(new Error(String(req.error)));
        }),
    ),
  );
  db.close();
  return all.flat();
}
