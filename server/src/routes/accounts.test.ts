import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountPaths, deviceListResponseSchema, registerDeviceResponseSchema, teamUserSchema, userListResponseSchema } from '../../../shared/api/accounts';
import { loginResponseSchema } from '../../../shared/api/auth';
import { apiPaths } from '../../../shared/api/cases';
import { availableBackends } from '../test-support/backends';
import type { Harness } from '../test-support/harness';
import { count, createHarness, password } from '../test-support/harness';

describe.each(availableBackends())('sessions, devices and users on $name', (backend) => {
  let h: Harness;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    h = await createHarness(backend, { loginLimitPerMinute: 50 });
    const { rows } = await h.db.query<{ user_id: string; username: string }>('SELECT user_id::text AS user_id, username FROM users');
    for (const r of rows) ids[r.username] = r.user_id;
  });
  afterAll(async () => {
    await h.close();
  });

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const me = (token: string) => h.app.inject({ method: 'GET', url: apiPaths.me, headers: bearer(token) });
  const login = (username: string, extra: Record<string, unknown> = {}) =>
    h.app.inject({ method: 'POST', url: apiPaths.login, payload: { username, password, ...extra } });
  const post = (url: string, token: string, payload?: object) =>
    h.app.inject({ method: 'POST', url, headers: bearer(token), ...(payload ? { payload } : {}) });
  const register = (token: string, deviceId: string) => post(accountPaths.devices, token, { deviceId });
  const revokeUrl = (deviceId: string) => accountPaths.revokeDevice.replace(':deviceId', deviceId);
  const disableUrl = (userId: string) => accountPaths.disableUser.replace(':userId', userId);
  const enableUrl = (userId: string) => accountPaths.enableUser.replace(':userId', userId);

  it('ends a session at once on logout, and only that session', async () => {
    const first = (await h.login('worker')).token;
    const second = (await h.login('worker')).token;
    const out = await post(accountPaths.logout, first);
    expect(out.statusCode).toBe(204);
    expect((await me(first)).statusCode).toBe(401);
    expect((await me(second)).statusCode).toBe(200);
    expect((await post(accountPaths.logout, first)).statusCode).toBe(401);
    const { rows } = await h.db.query<{ action: string; user_id: string }>("SELECT action, user_id::text AS user_id FROM audit_log WHERE action = 'session.end'");
    expect(rows).toEqual([{ action: 'session.end', user_id: ids.worker }]);
  });

  it('registers a device once and releases its recovery key only to a password sign-in of its own user', async () => {
    const { token } = await h.login('worker');
    const deviceId = randomUUID();
    const res = await register(token, deviceId);
    expect(res.statusCode).toBe(201);
    const { recoveryKey } = registerDeviceResponseSchema.parse(res.json());
    // A second registration never hands the key out again, not even to the same user.
    const again = await register(token, deviceId);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: 'device_exists' });
    expect(JSON.stringify(again.json())).not.toContain(recoveryKey);
    // A sign-in naming the device brings the key; one without it, or by another user, does not.
    const named = loginResponseSchema.parse((await login('worker', { deviceId })).json());
    expect(named.recoveryKey).toBe(recoveryKey);
    expect(loginResponseSchema.parse((await login('worker')).json()).recoveryKey).toBeUndefined();
    expect(loginResponseSchema.parse((await login('worker-b', { deviceId })).json()).recoveryKey).toBeUndefined();
    expect((await login('worker', { deviceId, password: 'fout' })).statusCode).toBe(401);
    // The sessions that registered or named the device are bound to it.
    expect(await count(h.db, 'sessions WHERE device_id = $1', [deviceId])).toBe(2);
  });

  it('lets a team lead revoke a device of their team: its token is refused, its key deleted, its sign-in refused', async () => {
    const worker = (await h.login('worker')).token;
    const deviceId = randomUUID();
    expect((await register(worker, deviceId)).statusCode).toBe(201);
    const deviceToken = loginResponseSchema.parse((await login('worker', { deviceId })).json()).token;
    const otherToken = (await h.login('worker')).token;
    const lead = (await h.login('teamlead')).token;
    const workerB = (await h.app.inject({ method: 'POST', url: apiPaths.login, payload: { username: 'worker-b', password } })).json<{ token: string }>().token;

    // Not a team lead, or a worker of another team: refused, and nothing changes.
    expect((await post(revokeUrl(deviceId), worker)).statusCode).toBe(403);
    expect((await post(revokeUrl(deviceId), workerB)).statusCode).toBe(403);
    expect((await post(revokeUrl(randomUUID()), lead)).json()).toMatchObject({ error: 'device_not_found' });
    expect((await me(deviceToken)).statusCode).toBe(200);

    const revoked = await post(revokeUrl(deviceId), lead);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ deviceId, userId: ids.worker, revokedAt: h.clock.now().toISOString() });
    // Both of the device's sessions (registration and named sign-in) tell it to wipe; the worker's other session goes on.
    const refused = await me(deviceToken);
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject({ error: 'device_revoked' });
    expect((await me(worker)).json()).toMatchObject({ error: 'device_revoked' });
    expect((await me(otherToken)).statusCode).toBe(200);
    expect((await h.db.query<{ recovery_key: string | null }>('SELECT recovery_key FROM devices WHERE device_id = $1', [deviceId])).rows).toEqual([{ recovery_key: null }]);
    const signIn = await login('worker', { deviceId });
    expect(signIn.statusCode).toBe(403);
    expect(signIn.json()).toMatchObject({ error: 'device_revoked' });
    // Revoking again keeps the first moment.
    h.clock.advance(1000);
    expect((await post(revokeUrl(deviceId), lead)).json()).toMatchObject({ revokedAt: revoked.json<{ revokedAt: string }>().revokedAt });

    const list = deviceListResponseSchema.parse((await h.app.inject({ method: 'GET', url: accountPaths.devices, headers: bearer(lead) })).json());
    const listed = list.devices.find((d) => d.deviceId === deviceId);
    expect(listed).toMatchObject({ userId: ids.worker, displayName: 'Test worker' });
    expect(listed?.revokedAt).not.toBeNull();
    expect(list.devices.every((d) => d.userId !== ids['worker-b'])).toBe(true);
    const { rows } = await h.db.query<{ outcome: string }>("SELECT outcome FROM audit_log WHERE action = 'device.revoke' AND entity_id = $1", [deviceId]);
    expect(rows.map((r) => r.outcome)).toEqual(['ok', 'ok']);
  });

  it('lets a team lead disable a user of their team: every token stops at once and sign-in says so; enabling lets them in again', async () => {
    const tokens = [(await h.login('counsellor')).token, (await h.login('counsellor')).token];
    const lead = (await h.login('teamlead')).token;
    expect((await post(disableUrl(ids['worker-b']!), lead)).json()).toMatchObject({ error: 'user_not_found' });
    expect((await post(disableUrl(ids.teamlead!), lead)).json()).toMatchObject({ error: 'cannot_disable_self' });
    expect((await post(disableUrl(ids.counsellor!), tokens[0]!)).statusCode).toBe(403);

    const disabled = await post(disableUrl(ids.counsellor!), lead);
    expect(disabled.statusCode).toBe(200);
    expect(teamUserSchema.parse(disabled.json())).toMatchObject({ id: ids.counsellor, disabledAt: h.clock.now().toISOString() });
    for (const t of tokens) expect((await me(t)).statusCode).toBe(401);
    expect(await count(h.db, 'sessions WHERE user_id = $1', [ids.counsellor])).toBe(0);
    const refused = await login('counsellor');
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: 'account_disabled', message: 'Uw account is uitgezet. Neem contact op met uw teamleider.' });
    // A wrong password still says only that the pair is wrong.
    expect((await login('counsellor', { password: 'fout' })).json()).toMatchObject({ error: 'invalid_credentials' });

    const users = userListResponseSchema.parse((await h.app.inject({ method: 'GET', url: accountPaths.users, headers: bearer(lead) })).json());
    expect(users.users.map((u) => u.username).sort()).toEqual(['counsellor', 'teamlead', 'worker']);
    expect(users.users.find((u) => u.username === 'counsellor')?.disabledAt).not.toBeNull();

    expect((await post(enableUrl(ids.counsellor!), lead)).json()).toMatchObject({ disabledAt: null });
    expect((await login('counsellor')).statusCode).toBe(200);
  });

  it('pages the lists of a team', async () => {
    const lead = (await h.login('teamlead')).token;
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await h.app.inject({ method: 'GET', url: `${accountPaths.users}?limit=1${cursor ? `&cursor=${cursor}` : ''}`, headers: bearer(lead) });
      const page = userListResponseSchema.parse(res.json());
      expect(page.users.length).toBeLessThanOrEqual(1);
      seen.push(...page.users.map((u) => u.username));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual(['counsellor', 'teamlead', 'worker']);
    expect((await h.app.inject({ method: 'GET', url: `${accountPaths.devices}?limit=0`, headers: bearer(lead) })).statusCode).toBe(400);
  });

  it('refuses a bad device id with a Dutch 400 and stores nothing', async () => {
    const { token } = await h.login('worker');
    const before = await count(h.db, 'devices');
    for (const payload of [{}, { deviceId: 'abc' }, { deviceId: randomUUID(), extra: 1 }]) {
      const res = await post(accountPaths.devices, token, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json()).toMatchObject({ error: 'bad_request', message: 'De gegevens kloppen niet. Kijk de velden na en probeer het opnieuw.' });
    }
    expect((await post(revokeUrl('abc'), (await h.login('teamlead')).token)).statusCode).toBe(400);
    expect(await count(h.db, 'devices')).toBe(before);
  });
});
