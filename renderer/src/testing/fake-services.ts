import type { Change } from '../../../shared/api/changes';
import type { z } from 'zod';
import type { Role, User } from '../../../shared/api/auth';
import type { HostApi, HostInfo } from '../../../shared/ipc/contract';
import { householdInputSchema } from '../../../shared/domain/household.schema';
import { fail, ok, type AppError } from '../../../shared/result';
import type {
  AppServices,
  DraftRepository,
  OutboxItemView,
  Session,
  SyncEngine,
  SyncStatusView,
} from '../data/contracts';
import { createDeviceAccount, type UnlockedContext } from '../data/account';
import { openDraftRepository } from '../data/repositories/draft-repository';
import { openHandoverRepository } from '../data/repositories/handover-repository';
import { createHistoryLog } from '../data/repositories/history-log';
import { openIntakeRepository } from '../data/repositories/intake-repository';
import { createSignalEventRecorder } from '../data/repositories/signal-events';
import { openHouseholdRepository, type DeviceHouseholdRepository } from '../data/repositories/household-repository';
import { createOutbox } from '../sync/outbox';
import { openOfficeSession } from '../data/office-session';
import type { HubCaller } from '../sync/hub-client';
import { FAST_KDF } from './device';
import { freshDb, identityHost } from './fakes';

/** In-memory AppServices for UI tests and for trying screens before the real data layer exists. */

export interface FakeOptions {
  now?: () => number;
  /** The password the fake hub accepts (username is free). */
  password?: string;
  /** Start with an enrolled account, locked, with this PIN. */
  enrolledPin?: string;
  households?: z.input<typeof householdInputSchema>[];
  persistGranted?: boolean;
  online?: boolean;
  /** The role the fake hub gives a username; 'worker' when not listed. */
  roles?: Record<string, Role>;
  /** The office session's hub; by default every call answers as an unreachable hub. */
  officeCall?: HubCaller;
}

const offlineCaller: HubCaller = () => Promise.resolve({ kind: 'network', error: { code: 'net.offline' } });

export const fakeUser: User = {
  id: '6f1c2a8e-9d2b-4c1e-8a55-0b7e2f3d4c5a',
  username: 'anouk',
  displayName: 'Anouk de Vries',
  role: 'worker',
  teamId: '1d2e3f40-5a6b-4c7d-8e9f-a0b1c2d3e4f5',
};

function createEmitter() {
  const listeners = new Set<() => void>();
  return {
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    emit() {
      listeners.forEach((l) => l());
    },
  };
}

/** Drafts in memory, copied in and out like the real store would, so tests see no shared objects. */
export function createFakeDrafts(): DraftRepository & { ids(): string[] } {
  const rows = new Map<string, unknown>();
  return {
    load: (id) => Promise.resolve(rows.has(id) ? structuredClone(rows.get(id)) : null),
    save(id, value) {
      rows.set(id, structuredClone(value));
      return Promise.resolve();
    },
    discard(id) {
      rows.delete(id);
      return Promise.resolve();
    },
    ids: () => [...rows.keys()],
  };
}

export function createFakeSync(now: () => number, online: boolean) {
  const items = new Map<string, OutboxItemView>();
  const statuses: Change[] = [];
  const changes = createEmitter();
  let status: SyncStatusView = { online, running: false, pending: 0, stuck: 0, lastSyncAt: null, lastError: null, needsSignIn: false, progress: null };
  const recount = () => {
    const all = [...items.values()];
    status = { ...status, pending: all.filter((i) => i.status === 'pending').length, stuck: all.filter((i) => i.status === 'stuck').length };
    changes.emit();
  };
  const engine: SyncEngine & {
    enqueue(entityId: string): void;
    markStuck(itemId: string, error: AppError): void;
    setOnline(v: boolean): void;
    /** A run is sending: `sent` of `total` confirmed so far (null: no run). */
    setProgress(progress: SyncStatusView['progress']): void;
    report(change: Change): void;
    /** The hub token expired: nothing is sent until `signedIn()`. */
    expireToken(): void;
    signedIn(): Promise<void>;
  } = {
    start() {},
    stop() {},
    syncNow() {
      if (status.online && !status.needsSignIn) {
        for (const item of items.values()) if (item.status === 'pending') items.delete(item.id);
        status = { ...status, lastSyncAt: now() };
      }
      recount();
      return Promise.resolve();
    },
    retry(itemId) {
      const item = items.get(itemId);
      if (item) items.set(itemId, { ...item, status: 'pending', attempts: 0, lastError: null });
      recount();
      return Promise.resolve();
    },
    items: () => Promise.resolve([...items.values()]),
    statuses: (caseId: string) => Promise.resolve(statuses.filter((c) => c.caseId === caseId)),
    /** The hub reported a status for a case (as the change feed would). */
    report(change: Change) {
      statuses.push(change);
      changes.emit();
    },
    status: () => status,
    subscribe: (listener) => changes.subscribe(listener),
    enqueue(entityId) {
      const id = crypto.randomUUID();
      items.set(id, { id, entityId, kind: 'new-case', attempts: 0, status: 'pending', lastError: null, nextAttemptAt: now(), autoRetry: true });
      recount();
    },
    markStuck(itemId, error) {
      const item = items.get(itemId);
      if (item) items.set(itemId, { ...item, status: 'stuck', attempts: 6, lastError: error, autoRetry: false });
      recount();
    },
    setOnline(v) {
      status = { ...status, online: v };
      changes.emit();
    },
    setProgress(progress) {
      status = { ...status, running: progress !== null, progress };
      changes.emit();
    },
    expireToken() {
      status = { ...status, needsSignIn: true, lastError: { code: 'hub.unauthorized' } };
      changes.emit();
    },
    signedIn() {
      status = { ...status, needsSignIn: false, lastError: null };
      return engine.syncNow();
    },
  };
  return engine;
}

export type FakeServices = AppServices & {
  /** The last session handed out, so tests can reach its fakes. */
  session(): FakeSession | null;
};
export type FakeSession = Session & {
  households: DeviceHouseholdRepository;
  sync: ReturnType<typeof createFakeSync>;
  drafts: DraftRepository;
  locked: boolean;
};

export async function createFakeServices(options: FakeOptions = {}): Promise<FakeServices> {
  const now = options.now ?? (() => Date.now());
  const password = options.password ?? 'demo';
  let current: FakeSession | null = null;
  const sync = createFakeSync(now, options.online ?? true);
  const db = freshDb();
  const clock = { now };
  let seeded = false;

  // The real repositories on the account's key: search, sorting, drafts, intakes with their urgency and history, and handovers are the product's own.
  const openSession = async ({ key }: UnlockedContext): Promise<FakeSession> => {
    const worker = { id: fakeUser.id, name: fakeUser.displayName };
    const history = createHistoryLog({ db, key, clock, worker });
    const drafts = openDraftRepository({ db, key, clock });
    const repository = await openHouseholdRepository({ db, key, clock, worker, history, outbox: createOutbox({ key, clock }) });
    const signalEvents = createSignalEventRecorder({ db, key, clock, teamId: fakeUser.teamId, household: (id) => repository.get(id), outbox: createOutbox({ key, clock }) });
    const intakes = openIntakeRepository({ db, key, clock, worker, history, signalEvents });
    const handovers = openHandoverRepository({ db, key, clock, outbox: createOutbox({ key, clock }) });
    // The fake engine lists a new-case item for each household created, as the real one would find it in the outbox.
    const households: DeviceHouseholdRepository = Object.assign(Object.create(repository) as DeviceHouseholdRepository, {
      async create(...args: Parameters<DeviceHouseholdRepository['create']>) {
        const household = await repository.create(...args);
        sync.enqueue(household.id);
        return household;
      },
    });
    if (!seeded) {
      seeded = true;
      for (const input of options.households ?? []) await households.create(householdInputSchema.parse(input));
    }
    const session: FakeSession = {
      user: fakeUser,
      households,
      intakes,
      drafts,
      handovers,
      sync,
      locked: false,
      // The fake hub's side of a renewal; the real checks and messages are tested in data/session-renew.test.ts.
      renewSignIn(tried) {
        if (tried !== password) return Promise.resolve(fail('session.wrong-password'));
        void sync.signedIn();
        return Promise.resolve(ok(undefined));
      },
      lock() {
        session.locked = true;
      },
    };
    current = session;
    return session;
  };

  // The real account on IndexedDB (fake-indexeddb in tests): PIN rules, lock-out and its messages are the product's own.
  const account = createDeviceAccount({ db, host: identityHost, clock, kdf: FAST_KDF, openSession });
  if (options.enrolledPin !== undefined) {
    const enrolled = await account.enroll({ token: 'f'.repeat(40), expiresAt: new Date(now() + 8 * 3600_000).toISOString(), user: fakeUser, demo: true }, options.enrolledPin);
    if (!enrolled.ok) throw new Error(enrolled.error.code);
    enrolled.value.lock();
  }

  const hostInfo: HostInfo = { kind: 'preview', version: '0.0.0-fake', platform: 'test', hubUrl: '' };
  const host: HostApi = {
    info: () => Promise.resolve(ok(hostInfo)),
    wrapKey: (data) => Promise.resolve(ok(data)),
    unwrapKey: (data) => Promise.resolve(ok(data)),
    onLock: () => () => undefined,
  };

  return {
    host,
    hostInfo,
    deviceStore: { state: 'mine' },
    account,
    hub: {
      login(request) {
        if (request.password !== password) return Promise.resolve(fail('hub.invalid_credentials'));
        const expiresAt = new Date(now() + 8 * 3600_000).toISOString();
        // A fake hub is a demo hub: the preview host enrols only against one.
        const role = options.roles?.[request.username] ?? 'worker';
        return Promise.resolve(ok({ token: 'f'.repeat(40), expiresAt, user: { ...fakeUser, username: request.username, role }, demo: true }));
      },
    },
    persistStorage: () => Promise.resolve(options.persistGranted ?? true),
    openOffice: (login) => openOfficeSession(options.officeCall ?? offlineCaller, login),
    session: () => current,
  };
}
