import type { z } from 'zod';
import type { LoginRequest, LoginResponse } from '../../../shared/api/auth';
import { apiErrorSchema, loginResponseSchema } from '../../../shared/api/auth';
import type { CaseBatchItem, CaseBatchResponse } from '../../../shared/api/cases';
import { apiPaths, caseBatchResponseSchema } from '../../../shared/api/cases';
import type { ChangesResponse } from '../../../shared/api/changes';
import { changesPath, changesResponseSchema } from '../../../shared/api/changes';
import type { SignalEvent, SignalEventBatchResponse } from '../../../shared/api/signal-events';
import { signalEventBatchResponseSchema, signalEventsBatchPath } from '../../../shared/api/signal-events';
import type { RegisterDeviceResponse } from '../../../shared/api/accounts';
import { accountPaths, registerDeviceResponseSchema } from '../../../shared/api/accounts';
import type { ConsentWithdrawalRequest, ConsentWithdrawalResponse, DossierBatchRequest, DossierBatchResponse } from '../../../shared/api/handover';
import { consentWithdrawalResponseSchema, dossierBatchResponseSchema, handoverPaths } from '../../../shared/api/handover';
import { idempotencyKeyHeader } from '../../../shared/api/cases';
import { checkHubUrl } from '../../../shared/hub-url';
import type { AppError, Result } from '../../../shared/result';
import { fail, failWith, ok } from '../../../shared/result';
import type { HubClient } from '../data/contracts';
import type { HubCall, HubCaller } from '../data/hub-call';

export type { HubCall, HubCaller } from '../data/hub-call';

/**
 * The hub over HTTP. Every answer is parsed with the shared zod schemas; errors come back as codes:
 * the hub's own `error` code as `hub.<code>` (its Dutch message in `params.message`), or one of the
 * device's own when the hub could not say (no network, an answer that does not parse).
 */

export const hubErrors = {
  offline: { code: 'net.offline' },
  insecure: { code: 'net.insecure-hub' },
  timeout: { code: 'net.timeout' },
  unauthorized: { code: 'hub.unauthorized' },
  badAnswer: { code: 'hub.bad_answer' },
  rateLimited: { code: 'hub.rate_limited' },
  internal: { code: 'hub.internal' },
  invalidCredentials: { code: 'hub.invalid_credentials' },
} as const satisfies Record<string, AppError>;

/** The calls the sync engine and its message kinds make, already carrying the worker's token. */
export interface HubApi {
  /** Many new cases in one request; each result carries its item's key. */
  postCases(items: readonly CaseBatchItem[]): Promise<HubCall<CaseBatchResponse>>;
  /** Signal events in one request; each event's own id is its idempotency key. */
  postSignalEvents(events: readonly SignalEvent[]): Promise<HubCall<SignalEventBatchResponse>>;
  /** Dossier versions in one request (POST /api/v1/dossiers/batch); each result carries its item's key. */
  postDossiers(items: DossierBatchRequest['items']): Promise<HubCall<DossierBatchResponse>>;
  /** A consent withdrawal (POST /api/v1/consent-withdrawals), idempotent on `key`. */
  postConsentWithdrawal(key: string, body: ConsentWithdrawalRequest): Promise<HubCall<ConsentWithdrawalResponse>>;
  /** The hub's change feed after checkpoint `since`. */
  changes(since: number): Promise<HubCall<ChangesResponse>>;
}

/** How long one request may take, answer included, before it counts as a network failure. */
export const REQUEST_TIMEOUT_MS = 30_000;

export interface HubClientDeps {
  /** '' means same origin (the preview server proxies /api to the hub). */
  baseUrl: string;
  fetch: typeof fetch;
  /** Per request; a hub that never answers must not hold up every later send. */
  timeoutMs?: number;
}

/** A token, or a getter read at every call so a renewed sign-in reaches a running engine. */
export type TokenSource = string | null | (() => string | null);

export interface FullHubClient extends HubClient {
  /** Binds a token; an absent token makes every call answer 401 without touching the network. */
  withToken(token: TokenSource): HubApi;
  /** Registers this device at enrolment; the answer's recovery key wraps the data key (POST /api/v1/devices). */
  registerDevice(token: string, deviceId: string): Promise<Result<RegisterDeviceResponse>>;
}

function fallbackError(status: number): AppError {
  if (status === 401) return hubErrors.unauthorized;
  if (status === 429) return hubErrors.rateLimited;
  if (status >= 500) return hubErrors.internal;
  return hubErrors.badAnswer;
}

/** The hub's code kept as `hub.<code>`; its Dutch message rides along for codes the catalogue does not know. */
export function hubError(body: { error: string; message: string }): AppError {
  return { code: `hub.${body.error}`, params: { message: body.message } };
}

export function createHubCaller(deps: HubClientDeps): HubCaller {
  const base = deps.baseUrl.replace(/\/+$/, '');
  // Personal data goes to the hub: never over plain http to another computer ('' is the preview's own origin).
  const insecure = base !== '' && !checkHubUrl(base).ok;
  // Called through a wrapper: browsers throw "Illegal invocation" on an unbound window.fetch.
  const doFetch = (url: string, init: RequestInit) => deps.fetch(url, init);
  const timeoutMs = deps.timeoutMs ?? REQUEST_TIMEOUT_MS;

  async function call<S extends z.ZodType>(path: string, init: RequestInit, schema: S): Promise<HubCall<z.infer<S>>> {
    if (insecure) return { kind: 'network', error: hubErrors.insecure };
    // One signal for the request and the answer's body: a hub that stops mid-answer times out too.
    const signal = AbortSignal.timeout(timeoutMs);
    const unreachable = (): HubCall<never> => ({ kind: 'network', error: signal.aborted ? hubErrors.timeout : hubErrors.offline });
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, { ...init, signal });
    } catch {
      return unreachable();
    }
    let body: unknown = null;
    try {
      body = await response.json();
    } catch {
      if (signal.aborted) return unreachable();
      body = null;
    }
    if (!response.ok) {
      const parsed = apiErrorSchema.safeParse(body);
      return { kind: 'http', status: response.status, error: parsed.success ? hubError(parsed.data) : fallbackError(response.status) };
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) return { kind: 'http', status: 502, error: hubErrors.badAnswer };
    return { kind: 'ok', value: parsed.data };
  }
  return call;
}

export function createHubClient(deps: HubClientDeps): FullHubClient {
  const call = createHubCaller(deps);

  async function login(request: LoginRequest): Promise<Result<LoginResponse>> {
    const answer = await call(
      apiPaths.login,
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) },
      loginResponseSchema,
    );
    if (answer.kind === 'ok') return ok(answer.value);
    // A 401 without a readable body can only mean the password was refused.
    if (answer.kind === 'http' && answer.status === 401 && answer.error === hubErrors.unauthorized) return fail(hubErrors.invalidCredentials.code);
    return failWith(answer.error);
  }

  function withToken(source: TokenSource): HubApi {
    const current = typeof source === 'function' ? source : () => source;
    const noToken = { kind: 'http', status: 401, error: hubErrors.unauthorized } as const;
    /** Reads the token once per call, so one request never mixes two tokens. */
    function authorized<T>(send: (auth: Record<string, string>) => Promise<HubCall<T>>): Promise<HubCall<T>> {
      const token = current();
      return token === null ? Promise.resolve(noToken) : send({ authorization: `Bearer ${token}` });
    }
    const postJson = <S extends z.ZodType>(path: string, body: unknown, schema: S, headers: Record<string, string> = {}) =>
      authorized((auth) => call(path, { method: 'POST', headers: { ...auth, ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) }, schema));
    const getJson = <S extends z.ZodType>(path: string, schema: S) => authorized((auth) => call(path, { method: 'GET', headers: auth }, schema));
    return {
      postCases: (items) => postJson(apiPaths.caseBatch, { items }, caseBatchResponseSchema),
      postSignalEvents: (events) => postJson(signalEventsBatchPath, { events }, signalEventBatchResponseSchema),
      postDossiers: (items) => postJson(handoverPaths.dossierBatch, { items }, dossierBatchResponseSchema),
      postConsentWithdrawal: (key, body) => postJson(handoverPaths.consentWithdrawals, body, consentWithdrawalResponseSchema, { [idempotencyKeyHeader]: key }),
      changes: (since) => getJson(`${changesPath}?since=${since}`, changesResponseSchema),
    };
  }

  async function registerDevice(token: string, deviceId: string): Promise<Result<RegisterDeviceResponse>> {
    const answer = await call(
      accountPaths.devices,
      { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ deviceId }) },
      registerDeviceResponseSchema,
    );
    return answer.kind === 'ok' ? ok(answer.value) : failWith(answer.error);
  }

  return { login, withToken, registerDevice };
}
