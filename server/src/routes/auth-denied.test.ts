import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths } from '../../../shared/api/cases';
import { availableBackends } from '../test-support/backends';
import type { Harness } from '../test-support/harness';
import { createHarness, newCase } from '../test-support/harness';

interface AuditRow {
  user_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  outcome: string;
}

describe.each(availableBackends())('refused sign-ins and requests on $name', (backend) => {
  let h: Harness;
  const ids: Record<string, string> = {};
  let counsellorToken = '';
  beforeAll(async () => {
    // Two sign-ins per username per minute: the tests below stay within that, except where they hit it on purpose.
    h = await createHarness(backend, { loginLimitPerMinute: 2 });
    counsellorToken = (await h.login('counsellor')).token;
    const { rows } = await h.db.query<{ user_id: string; username: string }>('SELECT user_id::text AS user_id, username FROM users');
    for (const r of rows) ids[r.username] = r.user_id;
  });
  afterAll(async () => {
    await h.close();
  });

  const login = (username: string, password: string) => h.app.inject({ method: 'POST', url: apiPaths.login, payload: { username, password } });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  /** Runs one request and gives its status and the audit rows it added. */
  async function audited(send: () => Promise<LightMyRequestResponse>): Promise<{ status: number; rows: AuditRow[] }> {
    const last = (await h.db.query<{ id: string }>('SELECT coalesce(max(id), 0)::text AS id FROM audit_log')).rows[0]?.id ?? '0';
    const res = await send();
    const { rows } = await h.db.query<AuditRow>(
      'SELECT user_id::text AS user_id, action, entity_type, entity_id, outcome FROM audit_log WHERE id > $1 ORDER BY id',
      [last],
    );
    return { status: res.statusCode, rows };
  }

  it('audits a wrong password with the user id, and an unknown user without one, never the name or password', async () => {
    const wrong = await audited(() => login('Counsellor', 'geheim-fout-1'));
    expect(wrong.status).toBe(401);
    expect(wrong.rows).toEqual([{ user_id: ids.counsellor, action: 'auth.login', entity_type: 'session', entity_id: null, outcome: 'denied' }]);
    const unknown = await audited(() => login('niemand-hier', 'geheim-fout-2'));
    expect(unknown.status).toBe(401);
    expect(unknown.rows).toEqual([{ user_id: null, action: 'auth.login', entity_type: 'session', entity_id: null, outcome: 'denied' }]);
    expect(JSON.stringify([...wrong.rows, ...unknown.rows])).not.toMatch(/counsellor|niemand|geheim/i);
  });

  it('audits a throttled sign-in once, and a good sign-in not at all', async () => {
    const ok = await audited(() => login('worker', 'Test-wachtwoord-2026'));
    expect(ok).toEqual({ status: 200, rows: [] });
    for (let i = 0; i < 2; i++) expect((await login('teamlead', 'fout')).statusCode).toBe(401);
    const throttled = await audited(() => login('teamlead', 'fout'));
    expect(throttled.status).toBe(429);
    expect(throttled.rows).toEqual([{ user_id: ids.teamlead, action: 'auth.login', entity_type: 'session', entity_id: null, outcome: 'denied' }]);
  });

  it('audits a signed-in user without the role as a 403 with their user id', async () => {
    const res = await audited(() =>
      h.app.inject({ method: 'POST', url: apiPaths.cases, headers: { ...bearer(counsellorToken), 'idempotency-key': crypto.randomUUID() }, payload: newCase() }),
    );
    expect(res).toEqual({
      status: 403,
      rows: [{ user_id: ids.counsellor, action: `POST ${apiPaths.cases}`, entity_type: 'route', entity_id: null, outcome: 'denied' }],
    });
  });

  it('still answers 401 and 403 when the audit write fails', async () => {
    await h.db.query(`CREATE FUNCTION refuse_audit() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'audit down'; END; $$ LANGUAGE plpgsql`);
    await h.db.query('CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse_audit()');
    try {
      expect((await login('worker', 'fout-wachtwoord')).statusCode).toBe(401);
      expect((await h.app.inject({ method: 'GET', url: apiPaths.me })).statusCode).toBe(401);
      const forbidden = await h.app.inject({ method: 'GET', url: apiPaths.caseChanges, headers: bearer(counsellorToken) });
      expect(forbidden.statusCode).toBe(403);
      expect(forbidden.json()).toMatchObject({ error: 'forbidden' });
    } finally {
      await h.db.query('DROP TRIGGER refuse_audit ON audit_log');
      await h.db.query('DROP FUNCTION refuse_audit()');
    }
  });

  // Last: it moves the clock past every session's end.
  it('audits a missing, unknown or expired token as a 401 on that route', async () => {
    const denied = (userId: string | null, action = `GET ${apiPaths.me}`) => [{ user_id: userId, action, entity_type: 'route', entity_id: null, outcome: 'denied' }];
    const { token } = await h.login('worker-b');
    expect(await audited(() => h.app.inject({ method: 'GET', url: apiPaths.me }))).toEqual({ status: 401, rows: denied(null) });
    expect(await audited(() => h.app.inject({ method: 'GET', url: apiPaths.me, headers: bearer('x'.repeat(43)) }))).toEqual({ status: 401, rows: denied(null) });
    const caseList = await audited(() => h.app.inject({ method: 'GET', url: `${apiPaths.cases}?since=1`, headers: { authorization: 'Basic abc' } }));
    expect(caseList).toEqual({ status: 401, rows: denied(null, `GET ${apiPaths.cases}`) });
    h.clock.advance(12 * 3_600_000);
    // An expired session still names its user, so the row says whose token it was.
    expect(await audited(() => h.app.inject({ method: 'GET', url: apiPaths.me, headers: bearer(token) }))).toEqual({ status: 401, rows: denied(ids['worker-b']!) });
  });
});
