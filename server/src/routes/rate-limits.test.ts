import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths } from '../../../shared/api/cases';
import { buildApp } from '../app';
import { availableBackends } from '../test-support/backends';
import type { Harness } from '../test-support/harness';
import { count, createHarness, password } from '../test-support/harness';

const attacker = '203.0.113.9';
const office = '198.51.100.7';

describe.each(availableBackends())('rate limits on $name', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(backend, { loginLimitPerMinute: 3, loginIpLimitPerMinute: 6, unauthenticatedLimitPerMinute: 4 });
  });
  afterAll(async () => {
    await h.close();
  });

  const login = (username: string, pass: string, remoteAddress: string, headers: Record<string, string> = {}) =>
    h.app.inject({ method: 'POST', url: apiPaths.login, payload: { username, password: pass }, remoteAddress, headers });
  const me = (remoteAddress: string, token = 'x'.repeat(43)) =>
    h.app.inject({ method: 'GET', url: apiPaths.me, remoteAddress, headers: { authorization: `Bearer ${token}` } });
  const deniedRows = () => count(h.db, "audit_log WHERE outcome = 'denied'");

  it('turns an address with too many refused tokens away with 429 and writes one audit row for it, not one per request', async () => {
    const before = await deniedRows();
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) codes.push((await me(attacker)).statusCode);
    expect(codes).toEqual([401, 401, 401, 401]);
    expect(await deniedRows()).toBe(before + 4);
    const flood: number[] = [];
    for (let i = 0; i < 50; i++) flood.push((await me(attacker)).statusCode);
    expect(new Set(flood)).toEqual(new Set([429]));
    const limited = await me(attacker);
    expect(limited.json()).toMatchObject({ error: 'rate_limited' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // 55 refused requests, 5 audit rows: four 401s and the first 429.
    expect(await deniedRows()).toBe(before + 5);
    // Another address, and a valid token from the same address, are not affected.
    expect((await me(office)).statusCode).toBe(401);
    const { token } = await h.login('worker');
    expect((await me(attacker, token)).statusCode).toBe(200);
    // The window ends: the address gets 401 again.
    h.clock.advance(60_000);
    expect((await me(attacker)).statusCode).toBe(401);
  });

  it('keys the sign-in limit per address and username: an attacker elsewhere cannot lock out the user', async () => {
    h.clock.advance(60_000);
    const attempts: number[] = [];
    for (let i = 0; i < 5; i++) attempts.push((await login('teamlead', 'fout', attacker)).statusCode);
    expect(attempts).toEqual([401, 401, 401, 429, 429]);
    expect((await login('teamlead', password, attacker)).statusCode).toBe(429);
    expect((await login('teamlead', password, office)).statusCode).toBe(200);
  });

  it('limits one address trying many usernames with the looser per-address limit', async () => {
    h.clock.advance(60_000);
    const names = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8'];
    const codes: number[] = [];
    for (const n of names) codes.push((await login(n, 'fout', attacker)).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 401, 401, 429, 429]);
    expect((await login('worker', password, office)).statusCode).toBe(200);
  });

  it('ignores X-Forwarded-For unless the proxy is trusted, and then limits the client behind it', async () => {
    h.clock.advance(60_000);
    // Without trustProxy a forged header does not get an attacker a fresh address.
    const forged: number[] = [];
    for (let i = 0; i < 4; i++) forged.push((await login('worker', 'fout', attacker, { 'x-forwarded-for': `192.0.2.${i}` })).statusCode);
    expect(forged).toEqual([401, 401, 401, 429]);

    const proxied = await buildApp({ db: h.db, clock: h.clock.now, loginLimitPerMinute: 3, trustProxy: ['127.0.0.1'] });
    try {
      const via = (client: string, pass: string) =>
        proxied.inject({ method: 'POST', url: apiPaths.login, payload: { username: 'counsellor', password: pass }, remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': client } });
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) codes.push((await via(attacker, 'fout')).statusCode);
      expect(codes).toEqual([401, 401, 401, 429]);
      // The real user behind the same proxy signs in: the key is the client's address, not the proxy's.
      expect((await via(office, password)).statusCode).toBe(200);
    } finally {
      await proxied.close();
    }
  });

  it('shares the limits between hubs on one database', async () => {
    h.clock.advance(60_000);
    const second = await buildApp({ db: h.db, clock: h.clock.now, loginLimitPerMinute: 3 });
    try {
      const hubs = [h.app, second, h.app, second];
      const codes: number[] = [];
      for (const hub of hubs) codes.push((await hub.inject({ method: 'POST', url: apiPaths.login, payload: { username: 'worker-b', password: 'fout' }, remoteAddress: office })).statusCode);
      expect(codes).toEqual([401, 401, 401, 429]);
      // The stored keys are hashes: no address or username in the table.
      const { rows } = await h.db.query<{ key: string }>('SELECT key FROM rate_limits');
      expect(rows.length).toBeGreaterThan(0);
      expect(JSON.stringify(rows)).not.toMatch(/worker|198\.51|203\.0/);
    } finally {
      await second.close();
    }
  });
});
