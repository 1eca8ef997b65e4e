import type { z } from 'zod';
import type { LoginRequest, LoginResponse } from '../../../shared/api/auth';
import { apiErrorSchema, loginResponseSchema } from '../../../shared/api/auth';
import type { CaseBatchItem, CaseBatchResponse, CaseChangesResponse, NewCaseRequest, NewCaseResponse } from '../../../shared/api/cases';
import { apiPaths, caseBatchResponseSchema, caseChangesResponseSchema, newCaseResponseSchema } from '../../../shared/api/cases';
import { checkHubUrl } from '../../../shared/hub-url';
import type { AppError, Result } from '../../../shared/result';
import { fail, failWith, ok } from '../../../shared/result';
import type { HubClient } from '../data/contracts';

/**
 * The hub over HTTP. Every answer is parsed with the shared zod schemas; errors come back as codes:
 * the hub's own `error` code as `hub.<code>` (its Dutch message in `params.message`), or one of the
 * device's own when the hub could not say (no network, an answer that does not parse).
 */

export const hubErrors = {
  offline: { code: 'net.offline' },
  insecure: { code: 'net.insecure-hub' },
  unauthorized: { code: 'hub.unauthorized' },
  badAnswer: { code: 'hub.bad_answer' },
  rateLimited: { code: 'hub.rate_limited' },
  internal: { code: 'hub.internal' },
  invalidCredentials: { code: 'hub.invalid_credentials' },
} as const satisfies Record<string, AppError>;

/** A hub call's outcome, detailed enough for the sync engine to choose retry, stuck or re-login. */
export type HubCall<T> =
  | { kind: 'ok'; value: T }
  | { kind: 'network'; error: AppError }
  | { kind: 'http'; status: number; error: AppError };

/** The calls the sync engine makes, already carrying the worker's token. */
export interface CaseHub {
  postCase(body: NewCaseRequest, idempotencyKey: string): Promise<HubCall<NewCaseResponse>>;
  /** Many new cases in one request; each result carries its item's key. An older hub answers 404. */
  postCases(items: readonly CaseBatchItem[]): Promise<HubCall<CaseBatchResponse>>;
  changes(since: number): Promise<HubCall<CaseChangesResponse>>;
}

export interface HubClientDeps {
  /** '' means same origin (the preview server proxies /api to the hub). */
  baseUrl: string;
  fetch: typeof fetch;
}

/** A token, or a getter read at every call so a renewed sign-in reaches a running engine. */
export type TokenSource = string | null | (() => string | null);

export interface FullHubClient extends HubClient {
  /** Binds a token; an absent token makes every call answer 401 without touching the network. */
  withToken(token: TokenSource): CaseHub;
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

export function createHubClient(deps: HubClientDeps): FullHubClient {
  const base = deps.baseUrl.replace(/\/+$/, '');
  // Personal data goes to the hub: never over plain http to another computer ('' is the preview's own origin).
  const insecure = base !== '' && !checkHubUrl(base).ok;
  // Called through a wrapper: browsers throw "Illegal invocation" on an unbound window.fetch.
  const doFetch = (url: string, init: RequestInit) => deps.fetch(url, init);

  async function call<S extends z.ZodType>(path: string, init: RequestInit, schema: S): Promise<HubCall<z.infer<S>>> {
    if (insecure) return { kind: 'network', error: hubErrors.insecure };
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, init);
    } catch {
      return { kind: 'network', error: hubErrors.offline };
    }
    let body: unknown = null;
    try {
      body = await response.json();
    } catch {
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

  function withToken(source: TokenSource): CaseHub {
    const current = typeof source === 'function' ? source : () => source;
    const noToken = { kind: 'http', status: 401, error: hubErrors.unauthorized } as const;
    /** Reads the token once per call, so one request never mixes two tokens. */
    function authorized<T>(send: (auth: Record<string, string>) => Promise<HubCall<T>>): Promise<HubCall<T>> {
      const token = current();
      return token === null ? Promise.resolve(noToken) : send({ authorization: `Bearer ${token}` });
    }
    return {
      postCase: (body, idempotencyKey) =>
        authorized((auth) =>
          call(
            apiPaths.cases,
            {
              method: 'POST',
              headers: { ...auth, 'content-type': 'application/json', 'Idempotency-Key': idempotencyKey },
              body: JSON.stringify(body),
            },
            newCaseResponseSchema,
          ),
        ),
      postCases: (items) =>
        authorized((auth) =>
          call(
            apiPaths.caseBatch,
            { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ items }) },
            caseBatchResponseSchema,
          ),
        ),
      changes: (since) => authorized((auth) => call(`${apiPaths.caseChanges}?since=${since}`, { method: 'GET', headers: auth }, caseChangesResponseSchema)),
    };
  }

  return { login, withToken };
}
