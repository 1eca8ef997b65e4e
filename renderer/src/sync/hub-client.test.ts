import { describe, expect, it } from 'vitest';
import { errorText } from '../i18n/errors';
import { createHubClient, hubErrors } from './hub-client';

const user = { id: crypto.randomUUID(), username: 'sanne', displayName: 'Sanne', role: 'worker', teamId: crypto.randomUUID() };

function client(answer: () => Promise<Response>) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const hub = createHubClient({
    baseUrl: 'https://hub.test/',
    fetch: (input, init) => {
      calls.push({ url: input instanceof Request ? input.url : input.toString(), init });
      return answer();
    },
  });
  return { hub, calls };
}

describe('hub client', () => {
  it('signs in and returns the parsed answer', async () => {
    const body = { token: 'x'.repeat(40), expiresAt: '2026-03-03T09:00:00.000Z', user };
    const { hub, calls } = client(() => Promise.resolve(Response.json(body)));
    expect(await hub.login({ username: 'sanne', password: 'geheim' })).toEqual({ ok: true, value: body });
    expect(calls[0]?.url).toBe('https://hub.test/api/v1/auth/login');
  });

  it("keeps the hub's error code on a wrong password, and its message for the screen", async () => {
    const { hub } = client(() => Promise.resolve(Response.json({ error: 'invalid_credentials', message: 'Gebruikersnaam of wachtwoord klopt niet.' }, { status: 401 })));
    const answer = await hub.login({ username: 'sanne', password: 'fout' });
    expect(answer).toEqual({ ok: false, error: { code: 'hub.invalid_credentials', params: { message: 'Gebruikersnaam of wachtwoord klopt niet.' } } });
    expect(!answer.ok && errorText(answer.error)).toBe('Gebruikersnaam of wachtwoord klopt niet.');
  });

  it('says plainly when the hub cannot be reached', async () => {
    const { hub } = client(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await hub.login({ username: 'sanne', password: 'x' })).toEqual({ ok: false, error: hubErrors.offline });
  });

  it('treats an answer of the wrong shape as a hub error, not as success', async () => {
    const { hub } = client(() => Promise.resolve(Response.json({ token: 'kort' })));
    const result = await hub.login({ username: 'sanne', password: 'x' });
    expect(result).toEqual({ ok: false, error: hubErrors.badAnswer });
  });

  it('sends many cases in one batch request and gives back each result by key', async () => {
    const caseId = crypto.randomUUID();
    const key = crypto.randomUUID();
    const results = [{ idempotencyKey: key, status: 201, body: { caseId, status: 'received', receivedAt: '2026-03-02T09:00:00.000Z' } }];
    const { hub, calls } = client(() => Promise.resolve(Response.json({ results })));
    const item = { idempotencyKey: key, case: { caseId, postcodeArea: '6411', adults: 1, children: 0, openedAt: '2026-03-02T09:00:00.000Z' } };
    expect(await hub.withToken('tok').postCases([item])).toEqual({ kind: 'ok', value: { results } });
    expect(calls[0]?.url).toBe('https://hub.test/api/v1/cases/batch');
    expect(JSON.parse(calls[0]?.init?.body as string)).toEqual({ items: [item] });
    expect(new Headers(calls[0]?.init?.headers).get('authorization')).toBe('Bearer tok');
  });

  it('gives up on a hub that never answers, and says so', async () => {
    const calls: (AbortSignal | null | undefined)[] = [];
    const hub = createHubClient({
      baseUrl: 'https://hub.test',
      timeoutMs: 20,
      // Like a hub that accepted the connection and then went silent: only the abort ends it.
      fetch: (_input, init) =>
        new Promise<Response>((_resolve, reject) => {
          calls.push(init?.signal);
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason as Error));
        }),
    });
    expect(await hub.withToken('tok').changes(0)).toEqual({ kind: 'network', error: hubErrors.timeout });
    expect(await hub.login({ username: 'sanne', password: 'x' })).toEqual({ ok: false, error: hubErrors.timeout });
    expect(calls).toHaveLength(2);
    expect(calls.every((signal) => signal?.aborted)).toBe(true);
  });

  it('times out an answer whose body never ends', async () => {
    const hub = createHubClient({
      baseUrl: 'https://hub.test',
      timeoutMs: 20,
      fetch: (_input, init) => {
        const body = new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"checkpoint":'));
            init?.signal?.addEventListener('abort', () => controller.error(init.signal?.reason));
          },
        });
        return Promise.resolve(new Response(body, { status: 200, headers: { 'content-type': 'application/json' } }));
      },
    });
    expect(await hub.withToken('tok').changes(0)).toEqual({ kind: 'network', error: hubErrors.timeout });
  });

  it('sends signal events in one batch to the signal-event route', async () => {
    const eventId = crypto.randomUUID();
    const { hub, calls } = client(() => Promise.resolve(Response.json({ results: [{ eventId, status: 201 }] })));
    const event = { type: 'retracted' as const, eventId, retracts: crypto.randomUUID(), week: '2026-W10', teamId: user.teamId };
    expect(await hub.withToken('tok').postSignalEvents([event])).toEqual({ kind: 'ok', value: { results: [{ eventId, status: 201 }] } });
    expect(calls[0]?.url).toBe('https://hub.test/api/v1/signal-events/batch');
    expect(JSON.parse(calls[0]?.init?.body as string)).toEqual({ events: [event] });
  });

  it('does not call the hub without a token', async () => {
    const { hub, calls } = client(() => Promise.reject(new Error('should not be called')));
    expect(await hub.withToken(null).changes(0)).toEqual({ kind: 'http', status: 401, error: hubErrors.unauthorized });
    expect(calls).toHaveLength(0);
  });

  it('reads a token getter at every call, so a renewed sign-in is used by the next request', async () => {
    const { hub, calls } = client(() => Promise.resolve(Response.json({ checkpoint: 0, more: false, changes: [] })));
    let token: string | null = null;
    const bound = hub.withToken(() => token);
    expect(await bound.changes(0)).toEqual({ kind: 'http', status: 401, error: hubErrors.unauthorized });
    token = 'nieuw';
    expect((await bound.changes(0)).kind).toBe('ok');
    expect(calls.map((c) => new Headers(c.init?.headers).get('authorization'))).toEqual(['Bearer nieuw']);
  });
});
