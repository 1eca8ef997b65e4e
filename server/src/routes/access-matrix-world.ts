import { randomBytes, randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { accountPaths } from '../../../shared/api/accounts';
import { apiPaths } from '../../../shared/api/cases';
import type { Dossier } from '../../../shared/api/dossier';
import type { DossierBatchResponse, HandoverAction } from '../../../shared/api/handover';
import { handoverPath, handoverPaths } from '../../../shared/api/handover';
import type { Backend } from '../test-support/backends';
import type { Harness } from '../test-support/harness';
import { createHarness, password } from '../test-support/harness';
import { addSchuldhulpTeam, bearer, dossierFor, versionRequest } from '../test-support/handover';
import { argon2Hasher } from '../services/passwords';
import type { Actor, ConsentState, Tokenless } from './access-matrix-policy';
import { actors, cellFor, consentStates, isSuccess, policy } from './access-matrix-policy';

/**
 * The hub the access matrix runs against, seeded once: teams A, B and S (see access-matrix-policy.ts), a signed-in
 * session per actor, one caller per kind of dead token, a shared dossier per consent state and a pool of fresh
 * ones for the cells that change what they touch.
 */

const usernames: Record<Actor, string> = {
  workerA: 'worker',
  workerB: 'worker-b',
  counsellorS: 'sh-1',
  counsellorA: 'counsellor',
  leadA: 'teamlead',
  leadS: 'sh-lead',
};

/** Workers of team A that exist only to be a dead token or a target. */
const extraUsers = ['late', 'dev', 'gone', 'victim'] as const;

export interface HandedOver {
  dossierId: string;
  caseId: string;
  dossier: Dossier;
}

export interface World {
  h: Harness;
  teamA: string;
  /** The authorization header of each caller (none for 'none'). */
  headers: Record<Actor | Tokenless, Record<string, string>>;
  /** One dossier per consent state that the read-only cells share. */
  shared: Record<ConsentState, HandedOver>;
  /** A dossier of that state nobody else touches. */
  fresh(state: ConsentState): HandedOver;
  /** Texts of the dossiers (names, the resident's words, contact times): only the recipient team's counsellor may read them. */
  secrets: string[];
  /** A device and a user of team A, the targets of the account routes. */
  device: string;
  user: string;
  /** A second session of an actor, for a cell that ends its own session. */
  freshHeaders(actor: Actor): Promise<Record<string, string>>;
  /** Moves a handover to where the action can start from, as the recipient team's counsellor. */
  prepare(dossierId: string, steps: readonly HandoverAction[]): Promise<void>;
  close(): Promise<void>;
}

/** Where each handover action must start from, as the counsellor would have moved it. */
export const preparation: Partial<Record<HandoverAction, HandoverAction[]>> = { plan: ['accept'], decision: ['accept', 'plan'], close: ['accept'] };

export const actionBodies: Record<HandoverAction, object> = {
  accept: {},
  return: { reason: 'incomplete', note: 'De inkomsten ontbreken.' },
  // The hub's clock stands on 2 March (10:00 in Heerlen), the day the dossiers arrive: a decision is taken by today, not after it.
  plan: { firstConversation: { plannedAt: '2026-03-02T09:00:00+01:00', how: 'phone', phone: '045 123 45 67' } },
  decision: { decidedOn: '2026-03-02', note: 'Toegelaten tot de schuldregeling.' },
  close: {},
};

/** How many dossiers of each state the cells that change their target will take. */
function freshNeeded(): Record<ConsentState, number> {
  const need: Record<ConsentState, number> = { valid: 0, withdrawn: 0, ended: 0 };
  for (const [key, row] of Object.entries(policy)) {
    if (row.auth !== 'bearer' || row.target !== 'dossier' || key.startsWith('GET ')) continue;
    for (const actor of actors) for (const state of consentStates) if (isSuccess(cellFor(row.expect[actor], state))) need[state]++;
  }
  return need;
}

function ok(res: { statusCode: number; body: string }, expected: number, what: string): void {
  if (res.statusCode !== expected) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
}

export async function createWorld(backend: Backend): Promise<World> {
  const h = await createHarness(backend, { loginLimitPerMinute: 10_000, unauthenticatedLimitPerMinute: 100_000 });
  await addSchuldhulpTeam(h);
  const hash = await argon2Hasher.hash(password);
  const ids: Record<string, string> = {};
  for (const username of extraUsers) {
    ids[username] = randomUUID();
    await h.db.query('INSERT INTO users (user_id, username, display_name, password_hash, role, team_id) VALUES ($1, $2, $3, $4, $5, $6)', [
      ids[username],
      username,
      `Test ${username}`,
      hash,
      'worker',
      h.teamA,
    ]);
  }
  const inject = (opts: InjectOptions) => h.app.inject(opts);
  const auth = async (username: string) => bearer((await h.login(username)).token);

  // Today (2 March 2026): every dossier is sent. The 'ended' ones hold consent until today only.
  const worker = await auth('worker');
  const need = freshNeeded();
  const made: Record<ConsentState, HandedOver[]> = { valid: [], withdrawn: [], ended: [] };
  let n = 0;
  for (const state of consentStates) {
    for (let i = 0; i <= need[state]; i++) {
      const base = dossierFor(++n);
      const dossier: Dossier = state === 'ended' ? { ...base, consent: { ...base.consent, validUntil: '2026-03-02' } } : base;
      made[state].push({ dossierId: randomUUID(), caseId: dossier.caseId, dossier });
    }
  }
  const all = consentStates.flatMap((s) => made[s]);
  ok(
    await inject({ method: 'POST', url: apiPaths.caseBatch, headers: worker, payload: { items: all.map((d) => ({ idempotencyKey: randomUUID(), case: { caseId: d.caseId, postcodeArea: '6411', adults: 1, children: 2, openedAt: '2026-03-01' } })) } }),
    200,
    'cases',
  );
  for (let i = 0; i < all.length; i += 50) {
    const items = all.slice(i, i + 50).map((d) => ({ idempotencyKey: randomUUID(), request: versionRequest(d.dossier, { dossierId: d.dossierId }) }));
    const res = await inject({ method: 'POST', url: handoverPaths.dossierBatch, headers: worker, payload: { items } });
    const refused = res.json<DossierBatchResponse>().results.filter((r) => r.status !== 201);
    if (res.statusCode !== 200 || refused.length > 0) throw new Error(`dossiers: ${res.statusCode} ${JSON.stringify(refused[0] ?? res.body)}`);
  }
  for (const d of made.withdrawn) {
    const res = await inject({
      method: 'POST',
      url: handoverPaths.consentWithdrawals,
      headers: { ...worker, 'idempotency-key': randomUUID() },
      payload: { caseId: d.caseId, consentId: d.dossier.consent.consentId, withdrawnOn: '2026-03-02' },
    });
    ok(res, 201, 'withdrawal');
  }
  // A session that will have expired, and the device of team A the account routes aim at.
  const late = await auth('late');
  const victim = await auth('victim');
  const device = randomUUID();
  ok(await inject({ method: 'POST', url: accountPaths.devices, headers: victim, payload: { deviceId: device } }), 201, 'device');

  // The next day: the 'ended' consents have passed, yesterday's sessions have expired (12 hours).
  h.clock.advance(24 * 3_600_000);
  const headers = {} as World['headers'];
  for (const actor of actors) headers[actor] = await auth(usernames[actor]);
  headers.none = {};
  headers.unknown = bearer(randomBytes(32).toString('base64url'));
  headers.expired = late;
  headers.signedOut = await auth('worker');
  ok(await inject({ method: 'POST', url: accountPaths.logout, headers: headers.signedOut }), 204, 'logout');
  headers.deviceRevoked = await auth('dev');
  const devDevice = randomUUID();
  ok(await inject({ method: 'POST', url: accountPaths.devices, headers: headers.deviceRevoked, payload: { deviceId: devDevice } }), 201, 'dev device');
  ok(await inject({ method: 'POST', url: handoverPath(accountPaths.revokeDevice, { deviceId: devDevice }), headers: headers.leadA }), 200, 'revoke');
  headers.disabled = await auth('gone');
  ok(await inject({ method: 'POST', url: handoverPath(accountPaths.disableUser, { userId: ids.gone! }), headers: headers.leadA }), 200, 'disable');

  const secrets = [...new Set(all.flatMap((d) => [d.dossier.client.name, d.dossier.hulpvraag, d.dossier.client.contact.bestTime]).filter((x) => x.length >= 8))];
  const shared = Object.fromEntries(consentStates.map((s) => [s, made[s].shift()!])) as Record<ConsentState, HandedOver>;
  return {
    h,
    teamA: h.teamA,
    headers,
    shared,
    fresh(state) {
      const next = made[state].shift();
      if (!next) throw new Error(`no fresh ${state} dossier left: does freshNeeded() count this row?`);
      return next;
    },
    secrets,
    device,
    user: ids.victim!,
    freshHeaders: (actor) => auth(usernames[actor]),
    async prepare(dossierId, steps) {
      for (const step of steps) {
        const res = await inject({ method: 'POST', url: handoverPath(handoverPaths[step], { dossierId }), headers: headers.counsellorS, payload: actionBodies[step] });
        ok(res, 200, `prepare ${step}`);
      }
    },
    close: () => h.close(),
  };
}
