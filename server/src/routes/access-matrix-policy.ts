/**
 * Who may do what on the hub, written out by hand as the expected answer of every route to every caller.
 * access-matrix.test.ts reads the routes from the hub's OpenAPI document and fails when a route has no row
 * here (or a row names a route the hub no longer has): a new route must say who may use it.
 *
 * The world the cells speak of:
 * - team A is the buurtteam that made the household: it owns the case, the dossier's sender, its devices and users;
 * - team B is another buurtteam;
 * - team S is the schuldhulp team the dossier was sent to (its recipient team).
 * Callers: workerA, workerB, counsellorS, counsellorA (a counsellor of the sending team, not the recipient),
 * leadA and leadS (team leads). Every caller without a live token (`tokenless`) gets 401 on every bearer route.
 *
 * A dossier route's cell may differ by the state of the resident's consent for the dossier it targets:
 * valid, withdrawn (the worker sent a withdrawal) or ended (its validUntil has passed).
 *
 * A cell is what the caller observes:
 * - a status code;
 * - '200 lists' / '200 hides': a list answered, and the target is in it or not (every page is read);
 * - '200 item N': a batch answered, and its one item got status N.
 * Besides its cell, every answer to anyone but counsellorS must hold no dossier text (a name, the resident's
 * words, a contact time): a team lead's reports or a colleague team's list never carry a line of a dossier.
 * And every refusal on a bearer route leaves a 'denied' or 'rejected' audit row; every answer with dossier text an 'ok' one.
 */

export const actors = ['workerA', 'workerB', 'counsellorS', 'counsellorA', 'leadA', 'leadS'] as const;
export type Actor = (typeof actors)[number];

/** Callers without a live token: none at all, one the hub never issued, expired, signed out, of a revoked device, of a disabled user. */
export const tokenless = ['none', 'unknown', 'expired', 'signedOut', 'deviceRevoked', 'disabled'] as const;
export type Tokenless = (typeof tokenless)[number];

export const consentStates = ['valid', 'withdrawn', 'ended'] as const;
export type ConsentState = (typeof consentStates)[number];

export type Outcome = number | '200 lists' | '200 hides' | `200 item ${number}`;
export type ByConsent = Record<ConsentState, Outcome>;
export type Cell = Outcome | ByConsent;

/** What a route's request is aimed at: nothing in particular, the dossier (and its case), a device or a user of team A. */
export type Target = 'none' | 'dossier' | 'device' | 'user';

export type Row =
  | { auth: 'public'; target: 'none'; anyone: Outcome }
  | { auth: 'bearer'; target: Target; expect: Record<Actor, Cell> };

const consent = (valid: Outcome, withdrawn: Outcome, ended: Outcome): ByConsent => ({ valid, withdrawn, ended });

/** A bearer row in column order: workerA, workerB, counsellorS, counsellorA, leadA, leadS. */
const bearer = (target: Target, ...cells: [Cell, Cell, Cell, Cell, Cell, Cell]): Row => ({
  auth: 'bearer',
  target,
  expect: Object.fromEntries(actors.map((a, i) => [a, cells[i]!])) as Record<Actor, Cell>,
});

const no = 403;
const lists = '200 lists';
const hides = '200 hides';

export const policy: Record<string, Row> = {
  'GET /health':                                         { auth: 'public', target: 'none', anyone: 200 },
  'POST /api/v1/auth/login':                             { auth: 'public', target: 'none', anyone: 200 },

  //                                                               workerA  workerB  counsellorS  counsellorA  leadA  leadS
  'GET /api/v1/auth/me':                                 bearer('none',   200,     200,     200,         200,         200,   200),
  'POST /api/v1/auth/logout':                            bearer('none',   204,     204,     204,         204,         204,   204),
  'POST /api/v1/devices':                                bearer('none',   201,     201,     201,         201,         201,   201),
  'GET /api/v1/devices':                                 bearer('device', no,      no,      no,          no,          lists, hides),
  'POST /api/v1/devices/{deviceId}/revoke':              bearer('device', no,      no,      no,          no,          200,   404),
  'GET /api/v1/users':                                   bearer('user',   no,      no,      no,          no,          lists, hides),
  'POST /api/v1/users/{userId}/disable':                 bearer('user',   no,      no,      no,          no,          200,   404),
  'POST /api/v1/users/{userId}/enable':                  bearer('user',   no,      no,      no,          no,          200,   404),

  // A case carries no team in its body: it always lands in the caller's own team.
  'POST /api/v1/cases':                                  bearer('none',   201,     201,     no,          no,          no,    no),
  'POST /api/v1/cases/batch':                            bearer('none',   '200 item 201', '200 item 201', no, no,       no,    no),
  // Team leads see their own team's cases (no personal data in them); nobody sees another team's.
  'GET /api/v1/cases':                                   bearer('dossier', lists,  hides,   no,          no,          lists, hides),
  'GET /api/v1/cases/changes':                           bearer('dossier', lists,  hides,   no,          no,          no,    no),
  // The worker follows every status of the own team's cases, whatever became of the consent.
  'GET /api/v1/changes':                                 bearer('dossier', lists,  hides,   no,          no,          no,    no),
  // The events name team A.
  'POST /api/v1/signal-events/batch':                    bearer('none',   '200 item 201', no, no,         no,          no,    no),

  // The next version of the target dossier; a withdrawal of its consent. Another team's case is 403, except that a
  // dossier whose own consent dates have passed is refused on its body alone (422), before the hub looks up the case:
  // that tells the sender nothing it did not send.
  'POST /api/v1/dossiers':                               bearer('dossier', consent(201, 422, 422), consent(403, 403, 422), no, no, no, no),
  'POST /api/v1/dossiers/batch':                         bearer('dossier', consent('200 item 201', '200 item 422', '200 item 422'),
                                                                           consent('200 item 403', '200 item 403', '200 item 422'), no, no, no, no),
  'POST /api/v1/consent-withdrawals':                    bearer('dossier', consent(201, 201, 201), 403, no, no,         no,    no),

  // The counsellor's side: only the recipient team's counsellors, only while consent stands; another team's
  // handover is as unknown as one that does not exist (404, never 410 or 403). Team leads see no dossier contents.
  'GET /api/v1/handovers':                               bearer('dossier', no,     no,      consent(lists, hides, hides),  hides, no, no),
  'GET /api/v1/handovers/{dossierId}':                   bearer('dossier', no,     no,      consent(200, 410, 403),        404,   no, no),
  'GET /api/v1/handovers/{dossierId}/versions/{version}': bearer('dossier', no,    no,      consent(200, 410, 403),        404,   no, no),
  // Recording a PDF export: allowed exactly when reading the version is (the hub audits who exported which version, and when).
  'POST /api/v1/handovers/{dossierId}/versions/{version}/exports': bearer('dossier', no, no, consent(201, 410, 403),   404,   no, no),
  'POST /api/v1/handovers/{dossierId}/accept':           bearer('dossier', no,     no,      consent(200, 410, 403),        404,   no, no),
  'POST /api/v1/handovers/{dossierId}/return':           bearer('dossier', no,     no,      consent(200, 410, 403),        404,   no, no),
  'POST /api/v1/handovers/{dossierId}/plan':             bearer('dossier', no,     no,      consent(200, 410, 403),        404,   no, no),
  'POST /api/v1/handovers/{dossierId}/decision':         bearer('dossier', no,     no,      consent(200, 410, 403),        404,   no, no),
  'POST /api/v1/handovers/{dossierId}/close':            bearer('dossier', no,     no,      consent(200, 410, 403),        404,   no, no),

  // The team lead's reports: aggregates only (shared/api/reports.ts), to every team lead; no other role.
  'GET /api/v1/reports/filters':                         bearer('none',   no,      no,      no,          no,          200,   200),
  'GET /api/v1/reports/signals':                         bearer('none',   no,      no,      no,          no,          200,   200),
  'GET /api/v1/reports/handover-funnel':                 bearer('none',   no,      no,      no,          no,          200,   200),
  'GET /api/v1/reports/wgs-terms':                       bearer('none',   no,      no,      no,          no,          200,   200),
  'GET /api/v1/reports/overdue':                         bearer('none',   no,      no,      no,          no,          200,   200),
};

/** Routes the hub answers that are not in its OpenAPI document, on purpose. */
export const outsideOpenApi = {
  // The document itself: public, describes the routes, holds no data.
  'GET /openapi.json': 200,
} as const;

/** A cell names a success when the caller's request went through: it then gets a target of its own. */
export const isSuccess = (outcome: Outcome): boolean => {
  const m = /^(\d{3})(?: item (\d{3}))?/.exec(String(outcome));
  const status = Number(m?.[2] ?? m?.[1]);
  return status >= 200 && status < 300;
};

export const cellFor = (cell: Cell, state: ConsentState): Outcome => (typeof cell === 'object' ? cell[state] : cell);
