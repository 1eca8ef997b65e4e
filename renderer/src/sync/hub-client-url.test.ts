import { describe, expect, it } from 'vitest';
import { errorText } from '../i18n/errors';
import { createHubClient } from './hub-client';

function client(baseUrl: string) {
  const urls: string[] = [];
  const fetch: typeof globalThis.fetch = (input) => {
    urls.push(input instanceof Request ? input.url : input.toString());
    return Promise.resolve(new Response(JSON.stringify({ error: 'unauthorized', message: 'nee' }), { status: 401 }));
  };
  return { hub: createHubClient({ baseUrl, fetch }), urls };
}

describe('hub client and the hub address', () => {
  it('sends nothing, not even the password, to a hub on plain http on another computer', async () => {
    const { hub, urls } = client('http://hub.heerlen.nl');
    const login = await hub.login({ username: 'werker', password: 'geheim-wachtwoord' });
    expect(login).toEqual({ ok: false, error: { code: 'net.insecure-hub' } });
    expect(login.ok === false && errorText(login.error)).toContain('niet beveiligd (http in plaats van https)');
    const changes = await hub.withToken('t'.repeat(40)).changes(0);
    expect(changes).toEqual({ kind: 'network', error: { code: 'net.insecure-hub' } });
    expect(urls).toEqual([]);
  });

  it('talks to https hubs, to plain http on this computer, and to its own origin', async () => {
    for (const base of ['https://hub.heerlen.nl', 'http://127.0.0.1:4319', 'http://localhost:4319', 'http://[::1]:4319', '']) {
      const { hub, urls } = client(base);
      await hub.login({ username: 'werker', password: 'x' });
      expect(urls, base).toEqual([`${base}/api/v1/auth/login`]);
    }
  });
});
