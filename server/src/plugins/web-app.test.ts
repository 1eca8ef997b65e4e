import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgliteDb } from '../db/database';
import { createHarness, type Harness } from '../test-support/harness';
import { contentSecurityPolicy } from './web-app';

const indexHtml = '<!doctype html><html lang="nl"><body><div id="root"></div><script type="module" src="./assets/index-AbCd1234.js"></script></body></html>';

describe('the hub serves the office web app with security headers', () => {
  let h: Harness;
  let webRoot: string;
  beforeAll(async () => {
    webRoot = mkdtempSync(join(tmpdir(), 'kt-web-'));
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'index.html'), indexHtml);
    writeFileSync(join(webRoot, 'assets', 'index-AbCd1234.js'), 'console.log(1);');
    writeFileSync(join(webRoot, '.env'), 'SECRET=1');
    h = await createHarness({ name: 'pglite', open: () => createPgliteDb() }, { webRoot, trustProxy: true });
  });
  afterAll(async () => {
    await h.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('answers / with the built index.html, with a strict CSP, no framing, no referrer and no caching', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toBe(indexHtml);
    expect(res.headers['content-security-policy']).toBe(contentSecurityPolicy);
    expect(contentSecurityPolicy).toMatch(/^default-src 'none'/);
    expect(contentSecurityPolicy).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy).not.toMatch(/unsafe-inline|'unsafe-eval'/);
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
    // Plain http (a hub on this computer): no HSTS, a browser would pin the wrong thing.
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('lets the browser keep content-hashed assets, and serves no dotfiles', async () => {
    const asset = await h.app.inject({ method: 'GET', url: '/assets/index-AbCd1234.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-security-policy']).toBe(contentSecurityPolicy);
    expect((await h.app.inject({ method: 'GET', url: '/.env' })).statusCode).toBe(404);
  });

  it('sends HSTS once the request came over TLS (here through a trusted proxy)', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/', headers: { 'x-forwarded-proto': 'https' } });
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });

  it('puts the same headers on API answers, errors included, and keeps an unknown API path a JSON 404', async () => {
    const health = await h.app.inject({ method: 'GET', url: '/health' });
    expect(health.headers['content-security-policy']).toBe(contentSecurityPolicy);
    expect(health.headers['cache-control']).toBe('no-store');
    const refused = await h.app.inject({ method: 'GET', url: '/api/v1/handovers' });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['x-frame-options']).toBe('DENY');
    expect(refused.headers['cache-control']).toBe('no-store');
    const unknown = await h.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toMatch(/^application\/json/);
  });
});

describe('a hub without a built web app', () => {
  it('stays an API: / is a 404, the headers are there all the same', async () => {
    const h = await createHarness({ name: 'pglite', open: () => createPgliteDb() }, { webRoot: join(tmpdir(), 'kt-no-such-dir') });
    const res = await h.app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-security-policy']).toBe(contentSecurityPolicy);
    await h.close();
  });
});
