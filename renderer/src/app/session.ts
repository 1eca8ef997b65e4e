import { loginRequestSchema } from '../../../shared/api/auth';
import { isoDateOf } from '../../../shared/domain/intake.schema';
import type { Result } from '../../../shared/result';
import { fail, failWith, ok } from '../../../shared/result';
import type { FullHubClient, HubApi, HubCall } from '../sync/hub-client';
import type { DeviceSyncEngine } from '../sync/engine';
import { createSyncEngine } from '../sync/engine';
import { createOutbox } from '../sync/outbox';
import type { UnlockedContext } from '../data/account';
import type { Session } from '../data/contracts';
import type { KeukentafelDb } from '../data/db';
import type { Clock, OnlineSignal, Scheduler } from '../data/ports';
import { whenIdle } from '../data/ports';
import type { DeviceHouseholdRepository } from '../data/repositories/household-repository';
import { openHouseholdRepository } from '../data/repositories/household-repository';
import { openDraftRepository } from '../data/repositories/draft-repository';
import { openHandoverRepository } from '../data/repositories/handover-repository';
import { createHistoryLog } from '../data/repositories/history-log';
import type { DeviceIntakeRepository } from '../data/repositories/intake-repository';
import { openIntakeRepository } from '../data/repositories/intake-repository';
import { createSignalEventRecorder } from '../data/repositories/signal-events';
import { seedDemo } from '../data/demo/seed-demo';
import { purgeClosedHouseholds } from './retention';
import { settings } from '../../../resources/index';


/** What an open session holds beyond the UI contract: the concrete repository and engine. */
export interface DeviceSession extends Session {
  households: DeviceHouseholdRepository;
  intakes: DeviceIntakeRepository;
  sync: DeviceSyncEngine;
  /** Resolves when the session's background writes (the index snapshot) are done; await it before closing the database. */
  settled(): Promise<void>;
}

export interface SessionDeps {
  db: KeukentafelDb;
  hub: FullHubClient;
  clock: Clock;
  random: () => number;
  scheduler: Scheduler;
  onlineSignal: OnlineSignal;
  newId?: () => string;
  /** Tests open a session without the engine's timers and listeners. */
  autoStart?: boolean;
  /** Resolves at a quiet moment after unlock, when the background builds start; whenIdle (ports.ts) by default. */
  idle?: () => Promise<void>;
}

/** Builds the index, wires the repository to the engine and starts syncing; lock() undoes it all. */
export function sessionOpener(deps: SessionDeps): (context: UnlockedContext) => Promise<DeviceSession> {
  return async ({ user, key, token: unlockedToken, seedDemo: withDemo, saveLogin, deviceId, revoked }) => {
    // The engine's hub client reads this per call, so a renewed sign-in needs no new engine.
    let token = unlockedToken;
    let open = true;
    // A team lead revoked this device: the hub says so at its next contact, and the device wipes itself.
    const wipeWhenRevoked = <T>(call: Promise<HubCall<T>>): Promise<HubCall<T>> =>
      call.then(async (answer) => {
        if (answer.kind === 'http' && answer.error.code === 'hub.device_revoked') await revoked?.();
        return answer;
      });
    const bound = deps.hub.withToken(() => token);
    const hub: HubApi = {
      postCases: (items) => wipeWhenRevoked(bound.postCases(items)),
      postSignalEvents: (events) => wipeWhenRevoked(bound.postSignalEvents(events)),
      postDossiers: (items) => wipeWhenRevoked(bound.postDossiers(items)),
      postConsentWithdrawal: (key, body) => wipeWhenRevoked(bound.postConsentWithdrawal(key, body)),
      changes: (since) => wipeWhenRevoked(bound.changes(since)),
    };
    const sync = createSyncEngine({
      db: deps.db,
      key,
      hub,
      clock: deps.clock,
      random: deps.random,
      scheduler: deps.scheduler,
      onlineSignal: deps.onlineSignal,
    });
    const worker = { id: user.id, name: user.displayName };
    // One history log for both repositories, so household and intake edits coalesce in one order.
    const history = createHistoryLog({ db: deps.db, key, clock: deps.clock, worker });
    // Retention: a household whose case the hub closed retentionDaysClosedCases ago goes before the index is
    // built. A failure must not stop the unlock: the purge is tried again at the next one.
    await purgeClosedHouseholds({ db: deps.db, key, now: deps.clock.now(), days: settings.retentionDaysClosedCases }).catch(() => []);
    const households = await openHouseholdRepository({
      db: deps.db,
      key,
      clock: deps.clock,
      worker,
      history,
      ...(deps.newId ? { newId: deps.newId } : {}),
      outbox: createOutbox({ key, clock: deps.clock, ...(deps.newId ? { newId: deps.newId } : {}) }),
      afterWrite: () => void sync.syncNow(),
    });
    const signalEvents = createSignalEventRecorder({
      db: deps.db,
      key,
      clock: deps.clock,
      teamId: user.teamId,
      household: (id) => households.get(id),
      outbox: createOutbox({ key, clock: deps.clock }),
    });
    // The list's first screen needs only the household index; urgency and last changes follow once it is shown.
    const backgroundStart = (deps.idle ?? whenIdle)();
    const intakes = openIntakeRepository({ db: deps.db, key, clock: deps.clock, worker, history, signalEvents, backgroundStart });
    const drafts = openDraftRepository({ db: deps.db, key, clock: deps.clock });
    const handovers = openHandoverRepository({ db: deps.db, key, clock: deps.clock, outbox: createOutbox({ key, clock: deps.clock }) });
    if (withDemo === true) await seedDemo({ households, intakes }, isoDateOf(new Date(deps.clock.now())));
    // The household list shows where its new case is; other kinds (signal events) have no household to show.
    const offEntity = sync.onEntity((id, state, kind) => {
      if (kind === 'new-case') households.setSyncState(id, state);
    });
    // The snapshot is only a cache: failing to write it costs speed at the next unlock, nothing else.
    // One write at a time, chained, so settled() covers the write at unlock and the one at lock alike.
    let snapshotWrites: Promise<void> = Promise.resolve();
    const snapshot = () => {
      snapshotWrites = snapshotWrites.then(() => households.saveSnapshot()).catch(() => undefined);
    };
    if (!households.fromSnapshot) snapshot();
    if (deps.autoStart ?? true) sync.start();

    async function renewSignIn(password: string): Promise<Result<void>> {
      if (!open) return fail('session.locked');
      const request = loginRequestSchema.safeParse({ username: user.username, password, ...(deviceId ? { deviceId } : {}) });
      if (!request.success) return fail('input.invalid', { message: request.error.issues[0]?.message ?? '' });
      const login = await deps.hub.login(request.data);
      if (!login.ok && login.error.code === 'hub.device_revoked') await revoked?.();
      if (!login.ok) return login.error.code === 'hub.invalid_credentials' ? fail('session.wrong-password') : failWith(login.error);
      if (login.value.user.id !== user.id) return fail('session.other-account');
      // Locked while the hub answered: the key is gone from the worker's view, keep nothing.
      if (!open) return fail('session.locked');
      try {
        await saveLogin?.(login.value);
      } catch {
        return fail('session.not-saved');
      }
      token = login.value.token;
      void sync.signedIn();
      return ok(undefined);
    }

    return {
      user,
      households,
      intakes,
      drafts,
      handovers,
      sync,
      renewSignIn,
      settled: () => snapshotWrites,
      lock() {
        open = false;
        sync.stop();
        intakes.close();
        offEntity();
        snapshot();
      },
    };
  };
}
