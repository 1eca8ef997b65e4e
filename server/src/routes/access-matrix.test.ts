import { randomUUID } from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountPaths } from '../../../shared/api/accounts';
import { apiPaths } from '../../../shared/api/cases';
import { changesPath } from '../../../shared/api/changes';
import type { HandoverAction } from '../../../shared/api/handover';
import { handoverPath, handoverPaths } from '../../../shared/api/handover';
import { reportPaths } from '../../../shared/api/reports';
import { signalEventsBatchPath } from '../../../shared/api/signal-events';
import { availableBackends } from '../test-support/backends';
import { newCase, password } from '../test-support/harness';
import { versionRequest } from '../test-support/handover';
import type { Actor, ConsentState, Outcome, Row, Tokenless } from './access-matrix-policy';
import { actors, cellFor, consentStates, isSuccess, outsideOpenApi, policy, tokenless } from './access-matrix-policy';
import type { HandedOver, World } from './access-matrix-world';
import { actionBodies, createWorld, preparation } from './access-matrix-world';

/** What one cell's request is about. */
interface Cell {
  w: World;
  headers: Record<string, string>;
  dossier: HandedOver;
}

interface Call {
  request: (c: Cell) => InjectOptions;
  /** A list: is the target on it? The answer must be the last page, or 'hides' could pass by paging. */
  lists?: (body: Record<string, unknown>, c: Cell) => boolean;
  /** A batch of one item: its status is part of the outcome. */
  item?: true;
}

const key = () => ({ 'idempotency-key': randomUUID() });
const lastPage = (body: Record<string, unknown>) => {
  if (body.nextCursor || body.more) throw new Error('the list has more pages than the matrix reads');
};
const has = (list: unknown, field: string, id: string) => (list as Record<string, string>[]).some((x) => x[field] === id);
const action = (name: HandoverAction): Call => ({
  request: (c) => ({ method: 'POST', url: handoverPath(handoverPaths[name], { dossierId: c.dossier.dossierId }), headers: c.headers, payload: actionBodies[name] }),
});
const nextVersion = (c: Cell) => versionRequest(c.dossier.dossier, { dossierId: c.dossier.dossierId, version: 2 });

/** How to call each route of the table. */
const calls: Record<keyof typeof policy, Call> = {
  'GET /health': { request: (c) => ({ method: 'GET', url: apiPaths.health, headers: c.headers }) },
  'POST /api/v1/auth/login': { request: (c) => ({ method: 'POST', url: apiPaths.login, headers: c.headers, payload: { username: 'worker-b', password } }) },
  'GET /api/v1/auth/me': { request: (c) => ({ method: 'GET', url: apiPaths.me, headers: c.headers }) },
  'POST /api/v1/auth/logout': { request: (c) => ({ method: 'POST', url: accountPaths.logout, headers: c.headers }) },
  'POST /api/v1/devices': { request: (c) => ({ method: 'POST', url: accountPaths.devices, headers: c.headers, payload: { deviceId: randomUUID() } }) },
  'GET /api/v1/devices': {
    request: (c) => ({ method: 'GET', url: `${accountPaths.devices}?limit=200`, headers: c.headers }),
    lists: (b, c) => (lastPage(b), has(b.devices, 'deviceId', c.w.device)),
  },
  'POST /api/v1/devices/{deviceId}/revoke': { request: (c) => ({ method: 'POST', url: handoverPath(accountPaths.revokeDevice, { deviceId: c.w.device }), headers: c.headers }) },
  'GET /api/v1/users': {
    request: (c) => ({ method: 'GET', url: `${accountPaths.users}?limit=200`, headers: c.headers }),
    lists: (b, c) => (lastPage(b), has(b.users, 'id', c.w.user)),
  },
  'POST /api/v1/users/{userId}/disable': { request: (c) => ({ method: 'POST', url: handoverPath(accountPaths.disableUser, { userId: c.w.user }), headers: c.headers }) },
  'POST /api/v1/users/{userId}/enable': { request: (c) => ({ method: 'POST', url: handoverPath(accountPaths.enableUser, { userId: c.w.user }), headers: c.headers }) },
  'POST /api/v1/cases': { request: (c) => ({ method: 'POST', url: apiPaths.cases, headers: { ...c.headers, ...key() }, payload: newCase() }) },
  'POST /api/v1/cases/batch': {
    request: (c) => ({ method: 'POST', url: apiPaths.caseBatch, headers: c.headers, payload: { items: [{ idempotencyKey: randomUUID(), case: newCase() }] } }),
    item: true,
  },
  'GET /api/v1/cases': {
    request: (c) => ({ method: 'GET', url: `${apiPaths.cases}?limit=500`, headers: c.headers }),
    lists: (b, c) => (lastPage(b), has(b.cases, 'caseId', c.dossier.caseId)),
  },
  'GET /api/v1/cases/changes': {
    request: (c) => ({ method: 'GET', url: `${apiPaths.caseChanges}?since=0`, headers: c.headers }),
    lists: (b, c) => {
      if ((b.changes as unknown[]).length >= 500) throw new Error('the case feed is fuller than one page');
      return has(b.changes, 'caseId', c.dossier.caseId);
    },
  },
  'GET /api/v1/changes': {
    request: (c) => ({ method: 'GET', url: `${changesPath}?since=0&limit=1000`, headers: c.headers }),
    lists: (b, c) => (lastPage(b), has(b.changes, 'caseId', c.dossier.caseId)),
  },
  'POST /api/v1/signal-events/batch': {
    request: (c) => ({
      method: 'POST',
      url: signalEventsBatchPath,
      headers: c.headers,
      payload: {
        events: [
          { type: 'recorded', eventId: randomUUID(), signalId: 'huurachterstand', domainId: 'financien', crisis: true, postcodeArea: '6411', week: '2026-W10', householdType: 'single', teamId: c.w.teamA },
        ],
      },
    }),
    item: true,
  },
  'POST /api/v1/dossiers': { request: (c) => ({ method: 'POST', url: handoverPaths.dossiers, headers: { ...c.headers, ...key() }, payload: nextVersion(c) }) },
  'POST /api/v1/dossiers/batch': {
    request: (c) => ({ method: 'POST', url: handoverPaths.dossierBatch, headers: c.headers, payload: { items: [{ idempotencyKey: randomUUID(), request: nextVersion(c) }] } }),
    item: true,
  },
  'POST /api/v1/consent-withdrawals': {
    request: (c) => ({
      method: 'POST',
      url: handoverPaths.consentWithdrawals,
      headers: { ...c.headers, ...key() },
      payload: { caseId: c.dossier.caseId, consentId: c.dossier.dossier.consent.consentId, withdrawnOn: '2026-03-03' },
    }),
  },
  'GET /api/v1/handovers': {
    request: (c) => ({ method: 'GET', url: `${handoverPaths.handovers}?view=all&limit=100`, headers: c.headers }),
    lists: (b, c) => (lastPage(b), has(b.handovers, 'dossierId', c.dossier.dossierId)),
  },
  'GET /api/v1/handovers/{dossierId}': { request: (c) => ({ method: 'GET', url: handoverPath(handoverPaths.handover, { dossierId: c.dossier.dossierId }), headers: c.headers }) },
  'GET /api/v1/handovers/{dossierId}/versions/{version}': {
    request: (c) => ({ method: 'GET', url: handoverPath(handoverPaths.handoverVersion, { dossierId: c.dossier.dossierId, version: 1 }), headers: c.headers }),
  },
  'POST /api/v1/handovers/{dossierId}/versions/{version}/exports': {
    request: (c) => ({ method: 'POST', url: handoverPath(handoverPaths.versionExport, { dossierId: c.dossier.dossierId, version: 1 }), headers: c.headers, payload: {} }),
  },
  'POST /api/v1/handovers/{dossierId}/accept': action('accept'),
  'POST /api/v1/handovers/{dossierId}/return': action('return'),
  'POST /api/v1/handovers/{dossierId}/plan': action('plan'),
  'POST /api/v1/handovers/{dossierId}/decision': action('decision'),
  'POST /api/v1/handovers/{dossierId}/close': action('close'),
  'GET /api/v1/reports/filters': { request: (c) => ({ method: 'GET', url: reportPaths.filters, headers: c.headers }) },
  'GET /api/v1/reports/signals': { request: (c) => ({ method: 'GET', url: `${reportPaths.signals}?from=2026-03-01&to=2026-03-31`, headers: c.headers }) },
  'GET /api/v1/reports/handover-funnel': { request: (c) => ({ method: 'GET', url: `${reportPaths.funnel}?from=2026-03-01&to=2026-03-31`, headers: c.headers }) },
  'GET /api/v1/reports/wgs-terms': { request: (c) => ({ method: 'GET', url: `${reportPaths.wgs}?from=2026-03-01&to=2026-03-31`, headers: c.headers }) },
  'GET /api/v1/reports/overdue': { request: (c) => ({ method: 'GET', url: reportPaths.overdue, headers: c.headers }) },
};

/** What the caller saw, in the table's notation. */
function observe(call: Call, res: LightMyRequestResponse, c: Cell): string {
  if (res.statusCode !== 200) return String(res.statusCode);
  if (call.lists) return call.lists(res.json(), c) ? '200 lists' : '200 hides';
  if (call.item) return `200 item ${res.json<{ results: { status: number }[] }>().results[0]?.status}`;
  return '200';
}

/** The route table of the running hub (Fastify's printRoutes tree), as 'METHOD /path' with OpenAPI's {param}. */
function answeredRoutes(tree: string): string[] {
  const stack: string[] = [];
  const out: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^([│ ]*)[├└]── (\S+)(?: \(([^)]+)\))?/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    stack.push(m[2]!);
    const path = stack.join('').replace(/:([A-Za-z]+)/g, '{$1}');
    for (const method of (m[3] ?? '').split(', ').filter(Boolean)) out.push(`${method} ${path}`);
  }
  return out;
}

describe.each(availableBackends())('access matrix on $name', (backend) => {
  let w: World;
  let openapi: { paths: Record<string, Record<string, { security?: unknown[] }>> };
  let cells = 0;
  beforeAll(async () => {
    w = await createWorld(backend);
    openapi = w.h.app.swagger() as typeof openapi;
  });
  afterAll(async () => {
    await w.close();
    console.info(`access matrix on ${backend.name}: ${cells} cells asserted`);
  });

  const lastAuditId = async () => Number((await w.h.db.query<{ id: string }>('SELECT coalesce(max(id), 0)::text AS id FROM audit_log')).rows[0]?.id ?? 0);
  const auditedSince = async (id: number) => (await w.h.db.query<{ outcome: string }>('SELECT outcome FROM audit_log WHERE id > $1', [id])).rows.map((r) => r.outcome);

  const operations = () => Object.entries(openapi.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));

  it('has a row for every route of the OpenAPI document, and no row for a route the hub does not have', () => {
    const ops = operations();
    expect(ops.filter((op) => !(op in policy)), 'routes without a row in access-matrix-policy.ts').toEqual([]);
    expect(Object.keys(policy).filter((row) => !ops.includes(row)), 'rows for routes the hub does not have').toEqual([]);
  });

  it('answers no route that its OpenAPI document leaves out, but the document itself', () => {
    const answered = answeredRoutes(w.h.app.printRoutes({ commonPrefix: false }));
    const documented = new Set([...operations(), ...Object.keys(outsideOpenApi)]);
    // HEAD follows its GET; OPTIONS * is the CORS preflight.
    expect(answered.filter((r) => !documented.has(r) && !r.startsWith('HEAD ') && r !== 'OPTIONS *')).toEqual([]);
    expect(answered.length).toBeGreaterThan(operations().length);
  });

  it('declares bearer security in OpenAPI exactly on the rows that need a token', () => {
    for (const [path, ops] of Object.entries(openapi.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const row = policy[`${method.toUpperCase()} ${path}`];
        expect({ route: `${method} ${path}`, bearer: (op.security ?? []).length > 0 }).toEqual({ route: `${method} ${path}`, bearer: row?.auth === 'bearer' });
      }
    }
  });

  it('knows dossier text when it sees it: the recipient counsellor’s read of the shared dossier holds every line the leak check looks for', async () => {
    const res = await w.h.app.inject(calls['GET /api/v1/handovers/{dossierId}']!.request({ w, headers: w.headers.counsellorS, dossier: w.shared.valid }));
    expect(res.statusCode).toBe(200);
    const own = [w.shared.valid.dossier.client.name, w.shared.valid.dossier.hulpvraag, w.shared.valid.dossier.client.contact.bestTime];
    expect(own.filter((text) => w.secrets.includes(text) && res.body.includes(text))).toHaveLength(own.length);
  });

  it('serves its OpenAPI document to anyone', async () => {
    expect((await w.h.app.inject({ method: 'GET', url: '/openapi.json' })).statusCode).toBe(outsideOpenApi['GET /openapi.json']);
  });

  it.each(Object.keys(policy))('%s', async (route) => {
    const row: Row = policy[route]!;
    const call = calls[route]!;
    const isGet = route.startsWith('GET ');
    const wrong: string[] = [];
    const states: readonly ConsentState[] = row.target === 'dossier' ? consentStates : ['valid'];

    const run = async (caller: Actor | Tokenless, state: ConsentState, expected: Outcome) => {
      const ownSession = route === 'POST /api/v1/auth/logout' && (actors as readonly string[]).includes(caller);
      const headers = ownSession ? await w.freshHeaders(caller as Actor) : w.headers[caller];
      // A cell that changes what it touches gets a dossier of its own, so no cell depends on another's order.
      const changes = !isGet && row.target === 'dossier' && isSuccess(expected) && (actors as readonly string[]).includes(caller);
      const dossier = changes ? w.fresh(state) : w.shared[state];
      const step = /\/(accept|return|plan|decision|close)$/.exec(route)?.[1] as HandoverAction | undefined;
      if (changes && step) await w.prepare(dossier.dossierId, preparation[step] ?? []);
      const c: Cell = { w, headers, dossier };
      const auditedBefore = await lastAuditId();
      const res = await w.h.app.inject(call.request(c));
      const seen = observe(call, res, c);
      cells++;
      const where = `${caller}${row.target === 'dossier' ? ` (consent ${state})` : ''}`;
      if (seen !== String(expected)) wrong.push(`${where}: expected ${expected}, got ${seen} ${res.statusCode >= 400 ? res.body.slice(0, 120) : ''}`.trim());
      // Every refusal on a signed-in route leaves an audit row that says so; every answer with a dossier's text, an 'ok' row.
      const outcomes = await auditedSince(auditedBefore);
      if (row.auth === 'bearer' && res.statusCode >= 400 && !outcomes.some((o) => o === 'denied' || o === 'rejected')) wrong.push(`${where}: ${res.statusCode} left no audit row of the refusal`);
      if (w.secrets.some((text) => res.body.includes(text)) && !outcomes.includes('ok')) wrong.push(`${where}: dossier text was read without an audit row`);
      // Whatever the status, no one but the recipient team's counsellor gets a line of a dossier in an answer.
      const leaked = caller === 'counsellorS' ? [] : w.secrets.filter((text) => res.body.includes(text));
      if (leaked.length > 0) wrong.push(`${where}: the answer holds dossier text (${leaked.length} of ${w.secrets.length})`);
      // HEAD of a GET route is guarded as the GET is.
      if (isGet) {
        const head = await w.h.app.inject({ ...call.request(c), method: 'HEAD' });
        cells++;
        const want = Number(String(expected).slice(0, 3));
        if (head.statusCode !== want) wrong.push(`HEAD ${where}: expected ${want}, got ${head.statusCode}`);
      }
    };

    for (const state of states) {
      if (row.auth === 'public') {
        for (const caller of [...actors, ...tokenless]) await run(caller, state, row.anyone);
        continue;
      }
      for (const caller of tokenless) await run(caller, state, 401);
      for (const actor of actors) await run(actor, state, cellFor(row.expect[actor], state));
    }
    expect(wrong).toEqual([]);
  });
});
