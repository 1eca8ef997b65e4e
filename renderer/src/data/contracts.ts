import type { Change } from '../../../shared/api/changes';
import type { LoginRequest, LoginResponse, User } from '../../../shared/api/auth';
import type { HostApi, HostInfo } from '../../../shared/ipc/contract';
import type { Household, HouseholdInput, SyncState } from '../../../shared/domain/household.schema';
import type { Finances, Intake, DomainEntry, RecordedSignal } from '../../../shared/domain/intake.schema';
import type { AppError, Result } from '../../../shared/result';
import type { OfficeSession } from './office-session';
import type { StoreClaim } from './store-lock';
import type { HandoverRepository } from './repositories/handover-repository';

/**
 * What the data layer offers the UI. The UI depends on these interfaces only,
 * so screens can be built and tested against fakes.
 */

export type DeviceStatus =
  | { state: 'new' }
  | {
      state: 'locked';
      user: User;
      lockedUntil: number | null;
      /** This device's id at the hub: a password sign-in names it to get the recovery key. */
      deviceId?: string;
      /** The data key is also wrapped with the hub's recovery key: a forgotten PIN loses nothing. */
      canRecover?: boolean;
    };

export interface DeviceAccount {
  status(): Promise<DeviceStatus>;
  /** First sign-in on this device: the hub accepted the password; the worker chooses a PIN. */
  enroll(login: LoginResponse, pin: string): Promise<Result<Session>>;
  /**
   * Offline unlock. Errors are codes (wrong PIN with attempts left, wait N ms); i18n/errors.ts says them.
   * `onProgress` hears how far the one-time move of records after an update is, when there is one to do.
   */
  unlock(pin: string, options?: { onProgress?: (progress: { done: number; total: number }) => void }): Promise<Result<Session>>;
  /**
   * Forgotten PIN: the hub accepted the password of this device's worker (a sign-in naming `deviceId`, so the
   * answer carries the recovery key); the data key is opened with it and wrapped under the new PIN. Nothing is lost.
   */
  recover(login: LoginResponse, newPin: string): Promise<Result<Session>>;
  /** Erase the account and every record on this device, intakes included; only with its PIN or a sign-in of the same account. */
  wipe(proof: { pin: string } | { login: LoginResponse }): Promise<Result<void>>;
  /** The hub said this device is revoked: erase everything, no proof asked. */
  revoked(): Promise<void>;
  /**
   * A new PIN for the same data key; the current PIN is checked (and counted) first. For PINs chosen
   * before the 6-digit rule: the app asks for a new one right after such a PIN unlocked it.
   */
  changePin(currentPin: string, newPin: string): Promise<Result<void>>;
  /** Called after the device was wiped, also when an open session learnt from the hub that it is revoked. */
  onWiped(listener: () => void): () => void;
}

export interface HouseholdSummary {
  id: string;
  name: string;
  postcode: string;
  adults: number;
  children: number;
  updatedAt: string;
  sync: SyncState;
}

export interface HouseholdWriteOptions {
  /** The form's draft, deleted in the same transaction as the write: a crash can never bring back saved input. */
  draftId?: string;
}

export interface HouseholdRepository {
  /** All households, newest first, from the in-memory index built at unlock. */
  list(): HouseholdSummary[];
  /** Case- and accent-insensitive search over name, postcode and member names. */
  search(query: string): HouseholdSummary[];
  get(id: string): Promise<Household | undefined>;
  /** Stores the household and its "new case" outbox item in one transaction. */
  create(input: HouseholdInput, options?: HouseholdWriteOptions): Promise<Household>;
  update(id: string, input: HouseholdInput, options?: HouseholdWriteOptions): Promise<Household>;
  /** Called after every change to the list or to a sync state. */
  subscribe(listener: () => void): () => void;
}

export interface OutboxItemView {
  id: string;
  entityId: string;
  /** The message kind (sync/kinds), e.g. 'new-case' or 'signal-event'. */
  kind: string;
  attempts: number;
  status: 'pending' | 'stuck';
  lastError: AppError | null;
  nextAttemptAt: number;
  /** The engine keeps trying by itself (network or hub trouble); false when the hub refused it. */
  autoRetry: boolean;
}

export interface SyncStatusView {
  online: boolean;
  running: boolean;
  pending: number;
  stuck: number;
  lastSyncAt: number | null;
  lastError: AppError | null;
  /** The hub refused the token (expired): nothing is lost, but sending waits until `Session.renewSignIn`. */
  needsSignIn: boolean;
  /** While a run sends: how many items the hub confirmed of all it is trying; null between runs. */
  progress: { sent: number; total: number } | null;
}

export interface SyncEngine {
  start(): void;
  stop(): void;
  /** Push now (e.g. the worker pressed "Nu versturen" or the network came back). */
  syncNow(): Promise<void>;
  /** Put a stuck item back in the queue. */
  retry(itemId: string): Promise<void>;
  items(): Promise<OutboxItemView[]>;
  status(): SyncStatusView;
  subscribe(listener: () => void): () => void;
  /** Every handover status the hub reported for a case (received, accepted, returned …), oldest first; pulled from the change feed. */
  statuses(caseId: string): Promise<Change[]>;
}

/**
 * What changed, by name only: a section (`household`, `signals`, `finances`, `domain:<domain id>`,
 * or `legacy` for an old line that could not be read back) and its field names (e.g. `ownView`;
 * `created` or `details` for the household). The UI says it in Dutch (i18n/history-labels.ts).
 */
export interface HistoryChange {
  section: 'household' | 'signals' | 'finances' | 'legacy' | `domain:${string}`;
  fields: string[];
  /** Only for `legacy`: the Dutch line as it was stored before version 5. */
  text?: string;
}

/** One line of a household's edit history: who changed what, when (no values, only what). */
export interface HistoryEntry extends HistoryChange {
  at: string;
  by: string;
}

/** Why a household is urgent in the sense of the Wgs: the ids of its crisis types that count (settings order). */
export interface HouseholdUrgency {
  crisisTypes: string[];
  /** The last day for the first conversation with schuldhulp (`YYYY-MM-DD`); null when it cannot be counted. */
  deadline: string | null;
}

/**
 * The kitchen-table intake, autosaved: every save is committed to the encrypted store before it
 * resolves (no save button). Saves for one household are applied in call order.
 */
export interface IntakeRepository {
  /** The household's intake; an empty one when nothing was recorded yet. */
  load(householdId: string): Promise<Intake>;
  saveDomain(householdId: string, domainId: string, entry: DomainEntry): Promise<void>;
  saveSignals(householdId: string, signals: RecordedSignal[]): Promise<void>;
  saveFinances(householdId: string, finances: Finances): Promise<void>;
  /** Where the visit was (an app route), so reopening it resumes there. */
  saveCursor(householdId: string, route: string): Promise<void>;
  cursor(householdId: string): Promise<string | null>;
  /** Household and intake changes, newest first. */
  history(householdId: string): Promise<HistoryEntry[]>;
  /** Urgent households only, by household id; built in the background after unlock, current after every signals save. */
  urgency(): ReadonlyMap<string, HouseholdUrgency>;
  /** Called whenever `urgency()` changes. */
  subscribeUrgency(listener: () => void): () => void;
  /** Household id → when its intake last changed (ms since epoch); built in the background after unlock, current after every save. */
  lastChanges(): ReadonlyMap<string, number>;
  /** Called whenever `lastChanges()` changes. */
  subscribeLastChanges(listener: () => void): () => void;
}

/**
 * Half-typed forms, stored encrypted on every change so a lock or crash loses nothing.
 * Values are raw form state (not validated); the form checks their shape when it restores one.
 */
export interface DraftRepository {
  /** The stored draft, or null when there is none. */
  load(id: string): Promise<unknown>;
  save(id: string, value: unknown): Promise<void>;
  discard(id: string): Promise<void>;
}

export interface Session {
  user: User;
  households: HouseholdRepository;
  intakes: IntakeRepository;
  drafts: DraftRepository;
  /** The warm handover per household: consent, dossier versions, withdrawal. */
  handovers: HandoverRepository;
  sync: SyncEngine;
  /**
   * Signs in at the hub again as this session's own worker (the token expired), stores the new
   * token on the device and lets the running sync engine send with it. Errors are codes (i18n/errors.ts).
   */
  renewSignIn(password: string): Promise<Result<void>>;
  /** Forget the key from memory; the UI returns to the unlock screen. */
  lock(): void;
}

export interface HubClient {
  /** Online sign-in. Errors are codes, the hub's own as `hub.<code>` (wrong password, hub unreachable). */
  login(request: LoginRequest): Promise<Result<LoginResponse>>;
}

/** Everything the UI needs, made once at start-up by `createServices()` in data/create-services.ts. */
export interface AppServices {
  host: HostApi;
  hostInfo: HostInfo;
  account: DeviceAccount;
  hub: HubClient;
  /** Whether this tab owns the device store (one tab per store; data/store-lock.ts). */
  deviceStore: StoreClaim;
  /** Asks the browser to keep IndexedDB under storage pressure; false when it refused. */
  persistStorage(): Promise<boolean>;
  /** A counsellor's or team lead's online session after sign-in: token in memory, nothing stored. */
  openOffice(login: LoginResponse): OfficeSession;
}
