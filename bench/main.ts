import Dexie from 'dexie';
import type { LoginResponse } from '../shared/api/auth';
import { emptyDomainEntry, emptyIntake } from '../shared/domain/intake.schema';
import { createDeviceAccount } from '../renderer/src/data/account';
import { encryptJson } from '../renderer/src/data/crypto/cipher';
import { generateDataKey } from '../renderer/src/data/crypto/keys';
import { upgradeRecords } from '../renderer/src/data/migrations/bind-records';
import { KeukentafelDb } from '../renderer/src/data/db';
import { LEGACY_PBKDF2_ITERATIONS, PIN_KDF, derivePinKey } from '../renderer/src/data/pin-kdf';
import { intervalScheduler, systemClock } from '../renderer/src/data/ports';
import type { DeviceSession } from '../renderer/src/app/session';
import { sessionOpener } from '../renderer/src/app/session';
import { createPreviewHost } from '../renderer/src/host/preview-host';
import { createHubClient } from '../renderer/src/sync/hub-client';
import { schemaV4 } from '../renderer/src/testing/released-schemas';
import { makeHouseholds, percentile } from './fixtures';

/** Runs inside Chromium; bench/run.ts drives it through `window.bench`. Everything uses the app's own code. */

export const BENCH_PIN = '2468013';

const login: LoginResponse = {
  token: 'bench-token-'.padEnd(48, 'x'),
  expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
  user: { id: crypto.randomUUID(), username: 'werker', displayName: 'Bench Werker', role: 'worker', teamId: crypto.randomUUID() },
};

function services(dbName?: string) {
  const db = new KeukentafelDb(dbName);
  const host = createPreviewHost();
  const hub = createHubClient({ baseUrl: '', fetch: (input, init) => fetch(input, init) });
  const account = createDeviceAccount({
    db,
    host,
    clock: systemClock,
    openSession: sessionOpener({
      db,
      hub,
      clock: systemClock,
      random: Math.random,
      scheduler: intervalScheduler,
      onlineSignal: { isOnline: () => false, subscribe: () => () => undefined },
      autoStart: false,
    }),
  });
  return { db, account };
}

function rawDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    indexedDB.deleteDatabase('bench-raw');
    const open = indexedDB.open('bench-raw', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('households', { keyPath: 'id' });
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error ?? new Error('raw open failed'));
  });
}

function rawPut(db: IDBDatabase, rows: object[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction('households', 'readwrite');
    const store = tx.objectStore('households');
    for (const row of rows) store.put(row);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('raw put failed'));
  });
}

function rawScan(db: IDBDatabase, needle: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = db.transaction('households').objectStore('households').getAll();
    request.onsuccess = () => {
      const all = request.result as { name: string }[];
      resolve(all.filter((h) => h.name.toLowerCase().includes(needle)).length);
    };
    request.onerror = () => reject(request.error ?? new Error('raw scan failed'));
  });
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
}

const QUERIES = ['jansen', 'ozlem', 'vries-1', '6411', 'familie bakker-20', 'zoe', 'celik', 'léon', 'ramdin-77', 'smeets-4'];

async function households(n: number) {
  await new KeukentafelDb().delete();
  const { account } = services();
  const inputs = makeHouseholds(n);
  const enrolled = await account.enroll(login, BENCH_PIN);
  if (!enrolled.ok) throw new Error(enrolled.error.code);
  const session = enrolled.value as DeviceSession;
  const [, insertMs] = await timed(() => session.households.importMany(inputs, { outbox: false }));

  const raw = await rawDb();
  const plain = inputs.map((h, i) => ({ id: String(i), ...h }));
  const [, rawInsertMs] = await timed(async () => {
    for (let i = 0; i < plain.length; i += 1000) await rawPut(raw, plain.slice(i, i + 1000));
  });

  const searchTimes: number[] = [];
  for (let round = 0; round < 20; round++) {
    for (const q of QUERIES) {
      const start = performance.now();
      session.households.search(q);
      searchTimes.push(performance.now() - start);
    }
  }
  const rawSearchTimes: number[] = [];
  for (const q of QUERIES) rawSearchTimes.push((await timed(() => rawScan(raw, q)))[1]);
  raw.close();

  await session.households.saveSnapshot();
  session.lock();
  const [warm, unlockMs] = await timed(() => account.unlock(BENCH_PIN));
  if (!warm.ok) throw new Error(warm.error.code);
  const warmSession = warm.value;
  warmSession.lock();
  return {
    n,
    insertMs,
    rawInsertMs,
    searchP50: percentile(searchTimes, 50),
    searchP95: percentile(searchTimes, 95),
    rawSearchP95: percentile(rawSearchTimes, 95),
    unlockMs,
  };
}

/**
 * Unlock when the encrypted index snapshot is missing: every row is decrypted. The session writes a new snapshot
 * in the background; it is awaited before the database closes, so the app's unlock after this finds it, as a
 * worker's next unlock would.
 */
async function coldUnlock() {
  const { db, account } = services();
  await db.open();
  await db.snapshots.clear();
  const [result, ms] = await timed(() => account.unlock(BENCH_PIN));
  if (!result.ok) throw new Error(result.error.code);
  const session = result.value as DeviceSession;
  session.lock();
  await session.settled();
  const snapshots = await db.snapshots.count();
  db.close();
  if (snapshots === 0) throw new Error('the snapshot was not written after a cold unlock');
  return { coldUnlockMs: ms };
}

const KEYSTROKE_TEXT = 'Ik ben heel zuinig, maar de schulden van het huwelijk blijven komen. De bewindvoerder betaalt de huur, ' +
  'maar voor de kinderen is er vaak geen geld voor sport of een verjaardag. Ik wil graag weer rust in mijn hoofd.';

/** One IndexedDB transaction per keystroke with the plaintext entry: the floor any encrypted autosave stands on. */
function rawKeystrokeDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    indexedDB.deleteDatabase('bench-raw-keystroke');
    const open = indexedDB.open('bench-raw-keystroke', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('intakes', { keyPath: 'id' }).createIndex('householdId', 'householdId');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error ?? new Error('raw open failed'));
  });
}

function rawPutOne(db: IDBDatabase, row: object): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction('intakes', 'readwrite');
    tx.objectStore('intakes').put(row);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('raw put failed'));
  });
}

/** A fresh device in its own database, enrolled, with n households (no outbox items). */
async function deviceWith(dbName: string, n: number) {
  const { db, account } = services(dbName);
  await db.delete({ disableAutoOpen: false });
  const enrolled = await account.enroll(login, BENCH_PIN);
  if (!enrolled.ok) throw new Error(enrolled.error.code);
  const session = enrolled.value as DeviceSession;
  const added = await session.households.importMany(makeHouseholds(n), { outbox: false });
  return { db, account, session, added };
}

/** Autosave: a 200-character sentence typed into one domain, one awaited save per keystroke, with n households on the device. */
async function keystroke(n: number) {
  const { db, session, added } = await deviceWith('keukentafel-bench-keystroke', n);
  const householdId = added[Math.floor(added.length / 2)]!.id;
  await session.intakes.load(householdId);
  const text = KEYSTROKE_TEXT.slice(0, 200);

  const times: number[] = [];
  for (let i = 1; i <= text.length; i++) {
    const entry = { ...emptyDomainEntry(), ownView: text.slice(0, i), updatedAt: new Date().toISOString() };
    times.push((await timed(() => session.intakes.saveDomain(householdId, 'geld', entry)))[1]);
  }
  const history = await session.intakes.history(householdId);

  const raw = await rawKeystrokeDb();
  const rawTimes: number[] = [];
  for (let i = 1; i <= text.length; i++) {
    const row = { ...emptyDomainEntry(), id: `${householdId}:domain:geld`, householdId, ownView: text.slice(0, i), updatedAt: new Date().toISOString() };
    rawTimes.push((await timed(() => rawPutOne(raw, row)))[1]);
  }
  raw.close();
  session.lock();
  db.close();
  return {
    n,
    keystrokes: times.length,
    historyLines: history.length,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: Math.max(...times),
    rawP50: percentile(rawTimes, 50),
    rawP95: percentile(rawTimes, 95),
    rawMax: Math.max(...rawTimes),
  };
}

/**
 * Which households are urgent, rebuilt in the background after unlock from n encrypted signals rows
 * (every tenth household has a threatened eviction): time from unlock to the finished build.
 */
async function urgency(n: number) {
  const { db, account, session, added } = await deviceWith('keukentafel-bench-urgency', n);
  const now = new Date().toISOString();
  const today = now.slice(0, 10);
  await session.intakes.importIntakes(
    added.map((h, i) => ({
      ...emptyIntake(h.id, now),
      signals: [{ id: crypto.randomUUID(), catalogueId: i % 10 === 0 ? 'dreigende-huisuitzetting' : 'ongeopende-post', freeText: '', note: '', observedOn: today, recordedAt: now }],
    })),
  );
  await session.households.saveSnapshot();
  session.lock();
  const start = performance.now();
  const unlocked = await account.unlock(BENCH_PIN);
  if (!unlocked.ok) throw new Error(unlocked.error.code);
  const unlockMs = performance.now() - start;
  const reopened = unlocked.value as DeviceSession;
  await reopened.intakes.urgencyReady();
  const readyMs = performance.now() - start;
  const urgent = reopened.intakes.urgency().size;
  reopened.lock();
  db.close();
  return { n, unlockMs, readyMs, urgent };
}

/**
 * One PIN guess as the device makes it, in Chromium: the old KDF (PBKDF2-SHA256 600,000, WebCrypto)
 * and the new one (Argon2id in WebAssembly), median of `runs`, in the same run.
 */
async function pinKdf(runs: number) {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const median = async (guess: () => Promise<unknown>) => {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      await guess();
      times.push(performance.now() - start);
    }
    return percentile(times, 50);
  };
  const pbkdf2Ms = await median(() => derivePinKey('582039', salt, { algorithm: 'pbkdf2-sha256', iterations: LEGACY_PBKDF2_ITERATIONS }));
  const argon2Ms = await median(() => derivePinKey('582039', salt, PIN_KDF));
  return { pbkdf2Ms, argon2Ms, kdf: PIN_KDF };
}

/**
 * The one-time move at the first unlock after updating: n households written as before version 5
 * (unbound ciphertexts, readable row keys, Dutch history labels), each with five intake sections
 * and three history lines, then re-sealed, re-keyed and re-owned by upgradeRecords.
 */
async function upgrade(n: number) {
  const name = 'bench-upgrade';
  await Dexie.delete(name);
  const old = new Dexie(name);
  old.version(4).stores(schemaV4);
  const key = await generateDataKey();
  const at = new Date().toISOString();
  const inputs = makeHouseholds(n);
  let rows = 0;
  for (let i = 0; i < n; i += 500) {
    const chunk = inputs.slice(i, i + 500).map((input) => ({ id: crypto.randomUUID(), ...input, workerId: login.user.id, workerName: 'Bench Werker', createdAt: at, updatedAt: at }));
    const households = await Promise.all(chunk.map(async (h) => ({ id: h.id, updatedAt: 1, ...(await encryptJson(key, h)) })));
    const sections = ['domain:geld', 'domain:wonen', 'domain:verslaving', 'signals', 'finances'];
    const intakes = await Promise.all(
      chunk.flatMap((h) => sections.map(async (s) => ({ id: `${h.id}:${s}`, householdId: h.id, updatedAt: 1, ...(await encryptJson(key, s.startsWith('domain:') ? { ...emptyDomainEntry(), ownView: KEYSTROKE_TEXT } : s === 'signals' ? [] : emptyIntake(h.id, at).finances)) }))),
    );
    const history = await Promise.all(
      chunk.flatMap((h) => ['Huishouden — aangemaakt', 'Geld — Hoe ziet u het zelf?', 'Financiën — schulden'].map(async (what) => ({ id: crypto.randomUUID(), householdId: h.id, updatedAt: 1, ...(await encryptJson(key, { at, by: 'Bench Werker', what })) }))),
    );
    await old.table('households').bulkPut(households);
    await old.table('intakes').bulkPut(intakes);
    await old.table('history').bulkPut(history);
    rows += households.length + intakes.length + history.length;
  }
  old.close();
  const db = new KeukentafelDb(name);
  const [, openMs] = await timed(() => db.open());
  const [, upgradeMs] = await timed(() => upgradeRecords(db, key));
  db.close();
  await Dexie.delete(name);
  return { n, rows, openMs, upgradeMs };
}

declare global {
  interface Window {
    bench: {
      households: typeof households;
      coldUnlock: typeof coldUnlock;
      keystroke: typeof keystroke;
      urgency: typeof urgency;
      pinKdf: typeof pinKdf;
      upgrade: typeof upgrade;
      pin: string;
    };
  }
}
window.bench = { households, coldUnlock, keystroke, urgency, pinKdf, upgrade, pin: BENCH_PIN };
document.getElementById('status')!.textContent = 'ready';
