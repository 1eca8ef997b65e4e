import { describe, expect, it } from 'vitest';
import { FakeSession } from '../testing/fakes';
import { buildCsp } from './csp';
import { applySessionPolicy } from './session-policy';

const CSP = buildCsp('http://127.0.0.1:4319');

describe('content security policy', () => {
  it('denies by default and lets the page connect only to the hub', () => {
    expect(CSP).toBe(
      "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src http://127.0.0.1:4319; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'",
    );
    // WebAssembly for the PIN's Argon2id is the one exception; eval and inline scripts stay blocked.
    expect(CSP.replace("'wasm-unsafe-eval'", '')).not.toContain('unsafe');
  });

  it('lets the page connect to a hub over https, or over http only on this computer', () => {
    expect(buildCsp('https://hub.heerlen.nl')).toContain('connect-src https://hub.heerlen.nl;');
    expect(buildCsp('http://[::1]:4319')).toContain('connect-src http://[::1]:4319;');
    for (const insecure of ['http://hub.heerlen.nl', 'http://192.168.1.10:4319', "http://x 'unsafe-inline'", 'not a url']) {
      expect(buildCsp(insecure), insecure).toContain("connect-src 'none';");
    }
  });

  it('is put on every response of the session, replacing a weaker policy', () => {
    const session = new FakeSession();
    applySessionPolicy(session, CSP);
    const headers = session.headersFor({ 'content-security-policy': ["default-src *"], 'Content-Type': ['text/html'] });
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CSP] });
    expect(session.headersFor({})).toEqual({ 'Content-Security-Policy': [CSP] });
  });
});

describe('permissions', () => {
  it('denies camera, microphone, location, notifications and the rest; allows persistent storage', () => {
    const session = new FakeSession();
    applySessionPolicy(session, CSP);
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'hid', 'unknown']) {
      expect(session.request(permission), permission).toBe(false);
      expect(session.checkHandler!(null, permission), permission).toBe(false);
    }
    expect(session.request('persistent-storage')).toBe(true);
  });
});
