import { describe, expect, it } from 'vitest';
import type { LoginResponse } from '../../../shared/api/auth';
import { createHubCaller } from '../sync/hub-client';
import { openOfficeSession, shellFor } from './office-session';

const login: LoginResponse = {
  token: 't'.repeat(43),
  expiresAt: '2026-11-26T20:00:00.000Z',
  user: { id: '6f1c2a8e-9d2b-4c1e-8a55-0b7e2f3d4c5a', username: 'schuldhulp', displayName: 'Sanne Schuldhulp', role: 'counsellor', teamId: '1d2e3f40-5a6b-4c7d-8e9f-a0b1c2d3e4f5' },
};
const dossierId = '0b7e2f3d-4c5a-4c1e-8a55-6f1c2a8e9d2b';

function recordingHub(answer: unknown = { handovers: [], total: 0, nextCursor: null, asOf: '2026-11-26T10:00:00.000Z', arrived: null, withdrawn: [], ended: [], areas: [], workers: [] }) {
  const requests: { url: string; init: RequestInit }[] = [];
  const fetch = (url: RequestInfo | URL, init?: RequestInit) => {
    requests.push({ url: url instanceof Request ? url.url : url.toString(), init: init ?? {} });
    return Promise.resolve(new Response(JSON.stringify(answer), { status: 200, headers: { 'content-type': 'application/json' } }));
  };
  return { requests, call: createHubCaller({ baseUrl: '', fetch }) };
}

describe('shellFor', () => {
  it('gives a worker the device shell and a counsellor or team lead the office shell', () => {
    expect(shellFor('worker')).toBe('device');
    expect(shellFor('counsellor')).toBe('office');
    expect(shellFor('teamlead')).toBe('office');
  });
});

describe('openOfficeSession', () => {
  it('sends the token from memory, keeps answers out of the HTTP cache and sends no cookies', async () => {
    const hub = recordingHub();
    const session = openOfficeSession(hub.call, login);
    const answer = await session.handovers({ view: 'all' });
    expect(answer.kind).toBe('ok');
    expect(hub.requests).toHaveLength(1);
    const [request] = hub.requests;
    expect(request?.url).toBe('/api/v1/handovers?view=all');
    expect(request?.init.headers).toMatchObject({ authorization: `Bearer ${login.token}` });
    expect(request?.init.cache).toBe('no-store');
    expect(request?.init.credentials).toBe('omit');
  });

  it('asks for a report with its filters in the query, leaving out the ones not chosen', async () => {
    const hub = recordingHub({});
    await openOfficeSession(hub.call, login).reports.signals({ from: '2026-09-01', to: '2026-11-30', granularity: 'week', crisis: 'crisis', domainId: undefined });
    expect(hub.requests[0]?.url).toBe('/api/v1/reports/signals?from=2026-09-01&to=2026-11-30&granularity=week&crisis=crisis');
    expect(hub.requests[0]?.init.method).toBe('GET');
  });

  it('posts the action with its revision to the handover’s own path', async () => {
    const hub = recordingHub({});
    await openOfficeSession(hub.call, login).accept(dossierId, 3);
    expect(hub.requests[0]?.url).toBe(`/api/v1/handovers/${dossierId}/accept`);
    expect(hub.requests[0]?.init.method).toBe('POST');
    expect(hub.requests[0]?.init.body).toBe('{"revision":3}');
  });

  it('puts an export on record with an empty body at the version’s own path, and reads the hub’s answer', async () => {
    const hub = recordingHub({ dossierId, version: 2, exportedAt: '2026-11-26T10:00:00.000Z' });
    const answer = await openOfficeSession(hub.call, login).recordExport(dossierId, 2);
    expect(answer).toEqual({ kind: 'ok', value: { dossierId, version: 2, exportedAt: '2026-11-26T10:00:00.000Z' } });
    expect([hub.requests[0]?.url, hub.requests[0]?.init.method, hub.requests[0]?.init.body]).toEqual([`/api/v1/handovers/${dossierId}/versions/2/exports`, 'POST', '{}']);
  });

  it('ends the session at the hub at sign-out and forgets the token: later calls answer 401 without reaching the hub', async () => {
    const hub = recordingHub(null);
    const session = openOfficeSession(hub.call, login);
    await session.signOut();
    expect(hub.requests.map((r) => [r.url, r.init.method, (r.init.headers as Record<string, string>).authorization])).toEqual([
      ['/api/v1/auth/logout', 'POST', `Bearer ${login.token}`],
    ]);
    expect(hub.requests[0]?.init.keepalive).toBe(true);
    const answer = await session.dossier(dossierId);
    expect(answer).toMatchObject({ kind: 'http', status: 401 });
    await session.signOut();
    expect(hub.requests).toHaveLength(1);
  });
});
