import { describe, expect, it } from 'vitest';
import { apiPaths } from '../../../shared/api/cases';
import type { DeviceSession } from '../app/session';
import { testDevice } from '../testing/device';
import { fakeClock, freshDb, householdInput, loginFor, worker } from '../testing/fakes';

const oldToken = 't'.repeat(40);
const newToken = 'n'.repeat(40);
const password = 'Werker-demo-2026';
const expired = { error: 'unauthorized', message: 'Uw sessie is verlopen. Meld u opnieuw aan.' };

/** A hub whose first token has expired: it accepts only tokens it handed out at a later login. */
function fakeHub() {
  const valid = new Set<string>();
  const bearers: string[] = [];
  const received: string[] = [];
  const logins: string[] = [];
  const options = { loginUser: worker };
  let gate: ((release: () => void) => void) | null = null;
  /** Holds the next authorised request at the hub; resolves with its release once it has arrived. */
  const holdNext = () => new Promise<() => void>((arrived) => (gate = arrived));

  async function handle(url: URL, init: RequestInit | undefined): Promise<Response> {
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : null;
    if (url.pathname === apiPaths.login) {
      const request = body as { username: string; password: string };
      logins.push(request.username);
      if (request.password !== password) return Response.json({ error: 'invalid_credentials', message: 'Gebruikersnaam of wachtwoord klopt niet.' }, { status: 401 });
      valid.add(newToken);
      return Response.json({ ...loginFor(options.loginUser, '2026-03-03T09:00:00.000Z'), token: newToken });
    }
    const bearer = new Headers(init?.headers).get('authorization')?.replace('Bearer ', '') ?? '';
    bearers.push(bearer);
    const held = gate;
    gate = null;
    if (held) await new Promise<void>((release) => held(release));
    if (!valid.has(bearer)) return Response.json(expired, { status: 401 });
    if (url.pathname === apiPaths.caseBatch) {
      const { items } = body as { items: { idempotencyKey: string; case: { caseId: string } }[] };
      received.push(...items.map((i) => i.case.caseId));
      const receivedAt = '2026-03-02T10:00:00.000Z';
      return Response.json({ results: items.map((i) => ({ idempotencyKey: i.idempotencyKey, status: 201, body: { caseId: i.case.caseId, status: 'received', receivedAt } })) });
    }
    return Response.json({ checkpoint: Number(url.searchParams.get('since')), more: false, changes: [] });
  }

  const fetch = (input: RequestInfo | URL, init?: RequestInit) => handle(new URL(input instanceof Request ? input.url : input), init);
  return { fetch, bearers, received, logins, options, holdNext };
}

/** An enrolled worker whose token the hub no longer accepts, with one household waiting to be sent. */
async function expiredSession() {
  const db = freshDb();
  const clock = fakeClock();
  const hub = fakeHub();
  const { account } = testDevice({ db, clock, fetch: hub.fetch, online: true });
  const enrolled = await account.enroll(loginFor(), '246813');
  if (!enrolled.ok) throw new Error(enrolled.error.code);
  const session = enrolled.value as DeviceSession;
  const household = await session.households.create(householdInput('Familie Bakker'));
  await session.sync.syncNow();
  return { db, hub, account, session, household };
}

describe('renewing the hub sign-in', () => {
  it('asks for a new sign-in after a 401, then sends the waiting household with the new token', async () => {
    const { hub, session, household } = await expiredSession();
    expect(session.sync.status()).toMatchObject({ needsSignIn: true, pending: 1 });
    expect(hub.received).toEqual([]);

    expect(await session.renewSignIn(password)).toEqual({ ok: true, value: undefined });
    expect(session.sync.status().needsSignIn).toBe(false);
    await session.sync.syncNow();

    expect(hub.logins).toEqual([worker.username]);
    expect(hub.received).toEqual([household.id]);
    expect(hub.bearers.at(-1)).toBe(newToken);
    expect(session.sync.status()).toMatchObject({ needsSignIn: false, pending: 0, lastError: null });
    expect(session.households.list()[0]?.sync).toBe('received');
  });

  it('stores the new token on the device, so the next unlock sends with it', async () => {
    const { hub, account, session } = await expiredSession();
    expect((await session.renewSignIn(password)).ok).toBe(true);
    await session.sync.syncNow();
    session.lock();

    const again = await account.unlock('246813');
    if (!again.ok) throw new Error(again.error.code);
    hub.bearers.length = 0;
    await again.value.households.create(householdInput('Familie Smit'));
    await again.value.sync.syncNow();
    expect(hub.bearers.length).toBeGreaterThan(0);
    expect(new Set(hub.bearers)).toEqual(new Set([newToken]));
    expect(again.value.sync.status()).toMatchObject({ needsSignIn: false, pending: 0 });
  });

  it('says plainly when the password is wrong or empty, and keeps waiting for a sign-in', async () => {
    const { hub, session } = await expiredSession();
    expect(await session.renewSignIn('fout')).toEqual({ ok: false, error: { code: 'session.wrong-password' } });
    expect(await session.renewSignIn('')).toEqual({ ok: false, error: { code: 'input.invalid', params: { message: 'Vul het wachtwoord in.' } } });
    await session.sync.syncNow();
    expect(session.sync.status()).toMatchObject({ needsSignIn: true, pending: 1 });
    expect(hub.received).toEqual([]);
  });

  it('refuses a login that the hub gives for another worker and keeps the old token', async () => {
    const { db, hub, session } = await expiredSession();
    const before = await db.meta.get('account');
    hub.options.loginUser = { ...worker, id: crypto.randomUUID(), displayName: 'Iemand anders' };
    expect(await session.renewSignIn(password)).toEqual({ ok: false, error: { code: 'session.other-account' } });
    expect(await db.meta.get('account')).toEqual(before);
    await session.sync.syncNow();
    expect(hub.bearers.at(-1)).toBe(oldToken);
    expect(session.sync.status().needsSignIn).toBe(true);
  });

  it('ignores a 401 for the old token that arrives after the renewal', async () => {
    const { hub, session } = await expiredSession();
    const held = hub.holdNext();
    const oldRun = session.sync.syncNow();
    const release = await held;
    expect(hub.bearers.at(-1)).toBe(oldToken);
    expect((await session.renewSignIn(password)).ok).toBe(true);
    release();
    await oldRun;
    expect(session.sync.status().needsSignIn).toBe(false);
    await session.sync.syncNow();
    expect(session.sync.status()).toMatchObject({ needsSignIn: false, pending: 0 });
  });

  it('refuses once the session is locked', async () => {
    const { hub, session } = await expiredSession();
    session.lock();
    expect(await session.renewSignIn(password)).toEqual({ ok: false, error: { code: 'session.locked' } });
    expect(hub.logins).toEqual([]);
  });
});
