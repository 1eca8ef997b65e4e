import type { FastifyInstance } from 'fastify';

/**
 * The real hub (Fastify, in process) as a `fetch` for the device's hub client, through `app.inject`:
 * the engine's requests go through the hub's real routes, auth, validation and database.
 */
export function injectFetch(app: FastifyInstance): typeof fetch {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : input.toString());
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, name) => {
      headers[name] = value;
    });
    const res = await app.inject({
      method: (init?.method ?? 'GET') as 'GET' | 'POST',
      url: `${url.pathname}${url.search}`,
      headers,
      ...(typeof init?.body === 'string' ? { payload: init.body } : {}),
    });
    const out = new Headers();
    for (const [name, value] of Object.entries(res.headers)) if (value !== undefined) out.set(name, Array.isArray(value) ? value.join(', ') : String(value));
    return new Response(res.statusCode === 204 ? null : res.body, { status: res.statusCode, headers: out });
  };
}

/** What can go wrong between the device and the hub, one request at a time. */
export type Fault = 'drop-request' | 'drop-answer' | 'twice' | 'server-error' | 'unauthorized';

/**
 * Wraps a fetch so each request suffers the next fault the schedule gives (null: none). A dropped answer
 * reaches the hub and is lost on the way back; 'twice' delivers the request twice (a retrying proxy);
 * 'unauthorized' swaps the token, so the hub itself answers 401.
 */
export function faultyFetch(real: typeof fetch, next: (request: { method: string; path: string }) => Fault | null) {
  const log: { path: string; fault: Fault | null }[] = [];
  const fetchWithFaults: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : input.toString());
    const fault = next({ method: init?.method ?? 'GET', path: url.pathname });
    log.push({ path: url.pathname, fault });
    switch (fault) {
      case 'drop-request':
        throw new TypeError('fetch failed');
      case 'drop-answer':
        await real(input, init);
        throw new TypeError('fetch failed');
      case 'twice':
        await real(input, init);
        return real(input, init);
      case 'server-error':
        return Response.json({ error: 'unavailable', message: 'De gemeente is even niet bereikbaar.' }, { status: 503 });
      case 'unauthorized': {
        const headers = new Headers(init?.headers);
        headers.set('authorization', `Bearer ${'x'.repeat(40)}`);
        return real(input, { ...init, headers });
      }
      default:
        return real(input, init);
    }
  };
  return { fetch: fetchWithFaults, log };
}
