import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorSchema, loginResponseSchema, userSchema } from '../../../shared/api/auth';
import { apiPaths } from '../../../shared/api/cases';
import { hashToken } from '../services/auth-service';
import { availableBackends } from '../test-support/backends';
import type { Harness } from '../test-support/harness';
import { count, createHarness, password } from '../test-support/harness';

describe.each(availableBackends())('auth routes on $name', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(backend, { loginLimitPerMinute: 3 });
  });
  afterAll(async () => {
    await h.close();
  });

  const login = (username: string, pass: string) =>
    h.app.inject({ method: 'POST', url: apiPaths.login, payload: { username, password: pass } });
  const me = (token?: string) =>
    h.app.inject({ method: 'GET', url: apiPaths.me, headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('signs in with the right pair and stores only a hash of the token', async () => {
    const res = await login('worker', password);
    expect(res.statusCode).toBe(200);
    const body = loginResponseSchema.parse(res.json());
    expect(body.user).toMatchObject({ username: 'worker', role: 'worker', teamId: h.teamA });
    expect(body.expiresAt).toBe(new Date(h.clock.now().getTime() + 12 * 3_600_000).toISOString());
    expect(await count(h.db, 'sessions WHERE token_hash = $1', [hashToken(body.token)])).toBe(1);
    expect(await count(h.db, 'sessions WHERE token_hash = $1', [body.token])).toBe(0);
    const who = await me(body.token);
    expect(who.statusCode).toBe(200);
    expect(userSchema.parse(who.json())).toEqual(body.user);
  });

  it('stores passwords as argon2id hashes', async () => {
    const { rows } = await h.db.query<{ password_hash: string }>("SELECT password_hash FROM users WHERE username = 'worker'");
    expect(rows[0]?.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('answers a wrong password and an unknown user with the same Dutch 401', async () => {
    for (const res of [await login('counsellor', 'fout-wachtwoord'), await login('niemand', password)]) {
      expect(res.statusCode).toBe(401);
      expect(apiErrorSchema.parse(res.json()).message).toBe('Gebruikersnaam of wachtwoord klopt niet.');
    }
  });

  it('rate-limits repeated attempts for one username, not for another', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) codes.push((await login('teamlead', 'fout')).statusCode);
    expect(codes).toEqual([401, 401, 401, 429]);
    const limited = await login('teamlead', password);
    expect(limited.statusCode).toBe(429);
    expect(apiErrorSchema.parse(limited.json()).message).toMatch(/Te veel pogingen/);
    expect((await login('worker-b', password)).statusCode).toBe(200);
  });

  it('turns away a missing, unknown or expired token with 401', async () => {
    const { token } = await h.login('worker-b');
    for (const res of [await me(), await me('x'.repeat(43)), await h.app.inject({ method: 'GET', url: apiPaths.me, headers: { authorization: 'Basic abc' } })]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ message: 'Uw sessie is verlopen. Meld u opnieuw aan.' });
    }
    h.clock.advance(12 * 3_600_000 - 1000);
    expect((await me(token)).statusCode).toBe(200);
    h.clock.advance(1000);
    expect((await me(token)).statusCode).toBe(401);
    await h.login('worker-b');
    expect(await count(h.db, 'sessions WHERE token_hash = $1', [hashToken(token)])).toBe(0);
  });

  it('rejects bad login bodies with a Dutch 400 and issues', async () => {
    const shapes: unknown[] = [{}, { username: '', password: 'x' }, { username: 'worker', password: 42 }, { username: 'w', password: 'p', extra: 1 }, []];
    for (const payload of shapes) {
      const res = await h.app.inject({ method: 'POST', url: apiPaths.login, payload: payload as object });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      const body = apiErrorSchema.parse(res.json());
      expect(body.error).toBe('bad_request');
      expect(body.issues?.length).toBeGreaterThan(0);
    }
    const empty = await h.app.inject({ method: 'POST', url: apiPaths.login, payload: { username: '  ', password: 'x' } });
    expect(empty.json()).toMatchObject({ issues: [{ path: 'body.username', message: 'Vul de gebruikersnaam in.' }] });
    const notJson = await h.app.inject({ method: 'POST', url: apiPaths.login, headers: { 'content-type': 'application/json' }, payload: '{"username":' });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json()).toMatchObject({ message: 'De gegevens zijn geen geldige JSON.' });
  });
});
