import { createHash } from 'node:crypto';
import type { User } from '../../../shared/api/auth';
import type { HandoverStatus } from '../../../shared/api/changes';
import type { Dossier } from '../../../shared/api/dossier';
import { checkDossierBody, dossierSchema, maxDossierBytes } from '../../../shared/api/dossier';
import type { DossierVersionRequest, DossierVersionResponse } from '../../../shared/api/handover';
import { dossierVersionRequestSchema } from '../../../shared/api/handover';
import type { HubErrorCode } from '../../../shared/api/errors';
import { holidays, recipients, settings } from '../../../resources/index';
import { dutchDateOf, wgsDeadline, wgsDecisionDeadline } from '../../../shared/domain/urgency';
import type { Queryable } from '../db/database';
import type { AuditEntry, AuditOutcome, AuditTrail } from './audit';
import { auditInsert } from './audit';
import { changesInsert } from './changes';
import type { HubCipher } from './hub-key';
import type { StoredAnswer } from './idempotency';
import { claimInsert, judge, splitRounds, storedAnswersSelect } from './idempotency';
import { mayActOn } from './policy';
import { z } from 'zod';

export const dossierWriteScope = 'dossier.write';

/** Additional data of a sealed dossier body: it opens only as this version of this dossier of this case. */
export const bodyAd = (caseId: string, dossierId: string, version: number) => `dossier-body|${caseId}|${dossierId}|${version}`;
export const summaryAd = (dossierId: string) => `dossier-summary|${dossierId}`;
export const detailsAd = (dossierId: string) => `dossier-details|${dossierId}`;

/** The inbox line of a dossier, sealed apart from the body so a list page never opens whole dossiers. */
export interface DossierSummaryText {
  clientName: string;
  town: string;
}

export interface Deadlines {
  basis: 'crisis' | 'regular';
  countedFrom: string;
  firstConversationBy: string;
  decisionBy: string;
}

const terms = { urgentWorkingDays: settings.wgs.urgentWorkingDays, regularWeeks: settings.wgs.regularWeeks };

/**
 * The Wgs terms of a handover as the hub computes them, with the shared domain functions the device uses:
 * from the basis and start day the dossier names (a crisis counts 3 working days from its signal, else 4
 * weeks from the request), and the decision 8 weeks after the first conversation, planned or at its latest.
 */
export function hubDeadlines(dossier: Pick<Dossier, 'aanmelding'>, firstConversationOn: string | null = null): Deadlines {
  const { basis, countedFrom } = dossier.aanmelding.deadlines;
  const key = `${basis}|${countedFrom}|${firstConversationOn ?? ''}`;
  const known = deadlinesOf.get(key);
  if (known) return { ...known };
  const firstConversationBy = wgsDeadline(countedFrom, basis === 'crisis', holidays, terms);
  const deadlines: Deadlines = { basis, countedFrom, firstConversationBy, decisionBy: wgsDecisionDeadline(firstConversationOn ?? firstConversationBy, holidays, settings.wgs.decisionWeeks) };
  // A push of many dossiers shares a few start days: each pair of terms is counted once. Bounded, since a
  // client chooses the days.
  if (deadlinesOf.size >= 4096) deadlinesOf.clear();
  deadlinesOf.set(key, deadlines);
  return { ...deadlines };
}
const deadlinesOf = new Map<string, Deadlines>();

export const decisionByAfter = (plannedAt: string): string => wgsDecisionDeadline(dutchDateOf(plannedAt), holidays, settings.wgs.decisionWeeks);

/** Why a version was refused, as the route answers it. */
export interface Refusal {
  status: 400 | 403 | 404 | 409 | 413 | 422;
  code: HubErrorCode;
  issues?: { path: string; message: string }[];
  latestVersion?: number | null;
}

export type PushOutcome =
  | { kind: 'stored' | 'replayed'; status: number; response: DossierVersionResponse }
  | { kind: 'refused'; refusal: Refusal };

/** A version that passed every check that needs no database: parsed, sized, consented, sealed. */
export interface CheckedVersion {
  key: string;
  request: Omit<DossierVersionRequest, 'dossier'>;
  /** The consent the body carries (its id lower case). The parsed body itself is not kept: it lives on only sealed. */
  consent: { consentId: string; validUntil: string };
  hash: string;
  bodyBytes: number;
  sealedBody: Buffer;
  sealedSummary: Buffer;
  deadlines: Deadlines;
  /**
   * Consent that no longer holds today: refused, unless the key was stored before for this very version
   * (a device retrying after its consent ended gets the answer it missed, not a refusal of what is stored).
   */
  refuseUnlessReplayed?: Refusal;
}

const knownRecipients = new Set(recipients.map((r) => r.id));
const dutchZodErrors = z.locales.nl().localeError;

/**
 * Checks one version without the database: the envelope (400), then checkDossierBody: the body's size (413),
 * its shape (400, or 422 consent_missing when the consent is not there at all), an unknown recipient or
 * consent that does not hold today (422); then that the envelope and the body agree (422).
 * Then seals the body for storage.
 */
export function checkVersion(key: string, raw: unknown, today: string, cipher: HubCipher): { ok: true; version: CheckedVersion } | { ok: false; refusal: Refusal } {
  const envelope = dossierVersionRequestSchema.safeParse(raw, { error: dutchZodErrors });
  if (!envelope.success) {
    return { ok: false, refusal: { status: 400, code: 'bad_request', issues: envelope.error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.'), message: i.message })) } };
  }
  const { dossier: body, ...request } = envelope.data;
  const checked = checkDossierBody(body, { knownRecipients, today });
  if (!checked.ok) {
    const p = checked.problem;
    switch (p.kind) {
      case 'too-large':
        return { ok: false, refusal: { status: 413, code: 'dossier_too_large', issues: [{ path: 'dossier', message: `${p.bytes} bytes; hoogstens ${maxDossierBytes}.` }] } };
      case 'invalid':
        if (body !== null && typeof body === 'object' && !Array.isArray(body) && !('consent' in body)) {
          return { ok: false, refusal: { status: 422, code: 'consent_missing', issues: [{ path: 'dossier.consent', message: 'Zonder toestemming gaat er geen dossier naar de gemeente.' }] } };
        }
        return { ok: false, refusal: { status: 400, code: 'bad_request', issues: p.issues.map((i) => ({ path: `dossier.${i.path}`, message: i.message })) } };
      case 'unknown-recipient':
        return { ok: false, refusal: { status: 422, code: 'unknown_recipient', issues: [{ path: 'dossier.recipients', message: `Onbekend: ${p.ids.join(', ')}` }] } };
      case 'consent-not-valid':
        break;
    }
  }
  const consentRefusal: Refusal = { status: 422, code: 'consent_not_valid', issues: [{ path: 'dossier.consent', message: `De toestemming geldt niet op ${today}.` }] };
  const dossier = checked.ok ? checked.dossier : dossierSchema.parse(body);
  // The parsed dossier in the schema's key order: one spelling per content, so it serves as the stored body
  // and, with the envelope, as the idempotency hash (same body → same hash, whatever the key order sent).
  // Serialised once, in checkDossierBody: the size check, the hash and the seal all use these bytes.
  const json = checked.ok ? checked.json : new TextEncoder().encode(JSON.stringify(dossier));
  const canonical = Buffer.from(json.buffer, json.byteOffset, json.byteLength);
  if (dossier.caseId.toLowerCase() !== request.caseId) {
    return { ok: false, refusal: { status: 422, code: 'dossier_mismatch', issues: [{ path: 'dossier.caseId', message: 'Het dossier hoort bij een andere casus.' }] } };
  }
  if (!dossier.recipients.some((r) => r.id === request.recipientId)) {
    return { ok: false, refusal: { status: 422, code: 'recipient_not_consented', issues: [{ path: 'recipientId', message: 'De inwoner gaf geen toestemming voor deze ontvanger.' }] } };
  }
  if (!knownRecipients.has(request.recipientId)) return { ok: false, refusal: { status: 422, code: 'unknown_recipient' } };
  let deadlines: Deadlines;
  try {
    deadlines = hubDeadlines(dossier);
  } catch {
    return { ok: false, refusal: { status: 400, code: 'bad_request', issues: [{ path: 'dossier.aanmelding.deadlines.countedFrom', message: 'Deze datum valt buiten het geldige bereik.' }] } };
  }
  const summary: DossierSummaryText = { clientName: dossier.client.name, town: dossier.client.town };
  return {
    ok: true,
    version: {
      key: key.toLowerCase(),
      request,
      consent: { consentId: dossier.consent.consentId.toLowerCase(), validUntil: dossier.consent.validUntil },
      hash: createHash('sha256').update(JSON.stringify([request.dossierId, request.caseId, request.recipientId, request.version])).update(canonical).digest('hex'),
      bodyBytes: canonical.length,
      sealedBody: cipher.seal(canonical, bodyAd(request.caseId, request.dossierId, request.version)),
      sealedSummary: cipher.seal(JSON.stringify(summary), summaryAd(request.dossierId)),
      deadlines,
      ...(checked.ok ? {} : { refuseUnlessReplayed: consentRefusal }),
    },
  };
}

interface DossierRow {
  case_id: string;
  recipient_id: string;
  status: HandoverStatus;
  latest_version: number;
}

const refusal = (status: Refusal['status'], code: HubErrorCode, latestVersion?: number | null): Refusal => ({ status, code, ...(latestVersion !== undefined ? { latestVersion } : {}) });

// The dossier row per stored version: new, or the next version of one the hub has. A version after a return
// makes the handover 'received' again (the worker fixed what was missing); otherwise the status stays.
const upsertSql = `
INSERT INTO dossiers (dossier_id, case_id, owner_team_id, recipient_id, recipient_team_id, status, revision, latest_version,
  consent_id, consent_valid_until, deadline_basis, counted_from, first_conversation_by, decision_by, summary, received_at, updated_at)
SELECT dossier_id::uuid, case_id::uuid, $1::uuid, recipient_id, recipient_team_id::uuid, 'received', 1, version,
  consent_id::uuid, valid_until::date, basis, counted_from::date, first_by::date, decision_by::date, decode(summary, 'base64'), $2::timestamptz, $2::timestamptz
FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[])
  AS t(dossier_id, case_id, recipient_id, recipient_team_id, version, consent_id, valid_until, basis, counted_from, first_by, decision_by, summary)
ON CONFLICT (dossier_id) DO UPDATE SET
  latest_version = EXCLUDED.latest_version,
  consent_id = EXCLUDED.consent_id,
  consent_valid_until = EXCLUDED.consent_valid_until,
  deadline_basis = EXCLUDED.deadline_basis,
  counted_from = EXCLUDED.counted_from,
  first_conversation_by = EXCLUDED.first_conversation_by,
  decision_by = CASE WHEN dossiers.planned_at IS NULL THEN EXCLUDED.decision_by ELSE dossiers.decision_by END,
  summary = EXCLUDED.summary,
  updated_at = EXCLUDED.updated_at,
  status = CASE WHEN dossiers.status = 'returned' THEN 'received' ELSE dossiers.status END,
  revision = dossiers.revision + CASE WHEN dossiers.status = 'returned' THEN 1 ELSE 0 END,
  return_reason = CASE WHEN dossiers.status = 'returned' THEN NULL ELSE dossiers.return_reason END`;

// What a push needs to decide, in one round trip: its cases, the dossiers it names, the withdrawn consents
// among those it carries, the recipients' teams, and the answers stored before under its keys. `kind` tells
// the rows apart.
const lookUpSql = `
SELECT 'case' AS kind, case_id::text AS a, team_id::text AS b, NULL::text AS c, NULL::text AS d, NULL::int AS n, NULL::jsonb AS r FROM cases WHERE case_id = ANY($1::uuid[])
UNION ALL
SELECT 'dossier', dossier_id::text, case_id::text, recipient_id, status, latest_version, NULL FROM dossiers WHERE dossier_id = ANY($2::uuid[])
UNION ALL
SELECT 'withdrawn', consent_id::text, NULL, NULL, NULL, NULL, NULL FROM consent_withdrawals WHERE consent_id = ANY($3::uuid[])
UNION ALL
SELECT 'team', recipient_id, team_id::text, NULL, NULL, NULL, NULL FROM recipient_teams WHERE recipient_id = ANY($4::text[])
UNION ALL
SELECT 'key', key, hash, scope, "userId", status, response FROM (${storedAnswersSelect(5)}) AS k`;

interface LookUpRow {
  kind: 'case' | 'dossier' | 'withdrawn' | 'team' | 'key';
  a: string;
  b: string | null;
  c: string | null;
  d: string | null;
  n: number | null;
  r: unknown;
}

/** The ids a push names, as sent (lower case; only what can be an id), so they can be read before its versions are checked. */
export interface PushIds {
  caseIds: string[];
  dossierIds: string[];
  consentIds: string[];
  recipientIds: string[];
  keys: string[];
}

// The ids' own schema (the envelope's and the body's): an id that passes checkVersion passes this.
const uuidSchema = z.uuid();

/**
 * The ids in raw push items, unchecked: a version that passes checkVersion names only ids found here (its
 * envelope and body are the ones read), and one that does not never needs them.
 */
export function pushIds(items: readonly { idempotencyKey: string; request: unknown }[]): PushIds {
  const sets = { caseIds: new Set<string>(), dossierIds: new Set<string>(), consentIds: new Set<string>(), recipientIds: new Set<string>(), keys: new Set<string>() };
  const add = (set: Set<string>, value: unknown, test: (v: string) => boolean = (v) => uuidSchema.safeParse(v).success) => {
    if (typeof value === 'string' && test(value)) set.add(value.toLowerCase());
  };
  for (const item of items) {
    add(sets.keys, item.idempotencyKey);
    const r = (item.request ?? {}) as { caseId?: unknown; dossierId?: unknown; recipientId?: unknown; dossier?: { consent?: { consentId?: unknown } } };
    add(sets.caseIds, r.caseId);
    add(sets.dossierIds, r.dossierId);
    add(sets.recipientIds, r.recipientId, (v) => v.length <= 200);
    add(sets.consentIds, r.dossier?.consent?.consentId);
  }
  return { caseIds: [...sets.caseIds], dossierIds: [...sets.dossierIds], consentIds: [...sets.consentIds], recipientIds: [...sets.recipientIds], keys: [...sets.keys] };
}

/**
 * What the hub holds of a push's cases, dossiers, withdrawn consents, recipient teams and keys, read once per
 * transaction under the team lock, and kept up to date by storeVersions with what the push itself writes. Nothing
 * else changes these rows meanwhile: every writer of a team's cases, dossiers, statuses and withdrawals takes
 * that team's lock; a key of another user's request is caught by the write (KeyTakenMeanwhile).
 */
export interface PushState {
  caseTeams: Map<string, string>;
  dossiers: Map<string, DossierRow>;
  withdrawn: Set<string>;
  recipientTeams: Map<string, string>;
  answers: Map<string, StoredAnswer<DossierVersionResponse | null>>;
}

export async function readPushState(tx: Queryable, ids: PushIds): Promise<PushState> {
  const { rows } = await tx.query<LookUpRow>(lookUpSql, [ids.caseIds, ids.dossierIds, ids.consentIds, ids.recipientIds, ids.keys], { prepared: true });
  const state: PushState = { caseTeams: new Map(), dossiers: new Map(), withdrawn: new Set(), recipientTeams: new Map(), answers: new Map() };
  for (const r of rows) {
    if (r.kind === 'case') state.caseTeams.set(r.a, r.b!);
    else if (r.kind === 'dossier') state.dossiers.set(r.a, { case_id: r.b!, recipient_id: r.c!, status: r.d! as HandoverStatus, latest_version: r.n! });
    else if (r.kind === 'withdrawn') state.withdrawn.add(r.a);
    else if (r.kind === 'team') state.recipientTeams.set(r.a, r.b!);
    else state.answers.set(r.a, { hash: r.b!, scope: r.c, userId: r.d, status: r.n!, response: r.r as DossierVersionResponse | null });
  }
  return state;
}

/** A version the push writes, with what it decided. */
interface StoredRow {
  v: CheckedVersion;
  teamId: string;
  statusChanges: boolean;
  response: DossierVersionResponse;
}

/** Another transaction took a key between the push's look-up and its write: the caller rolls back and tries again. */
export class KeyTakenMeanwhile extends Error {
  constructor() {
    super('an idempotency key was claimed by another transaction between look-up and write');
  }
}

/**
 * Writes stored versions in one statement: their idempotency keys with the first answers, the
 * dossier rows (upsertSql), the versions as a multi-row VALUES with the sealed bodies as binary parameters (no
 * text encoding of 13 KB each), the change feed rows in the items' order, and the request's audit rows when
 * given. The foreign key of a version on its dossier is checked at the statement's end, so a new
 * dossier and its first version go in together. Throws KeyTakenMeanwhile when a key was not free after all.
 */
async function writeVersions(
  tx: Queryable,
  user: User,
  now: Date,
  rows: readonly StoredRow[],
  audit: readonly AuditEntry[],
): Promise<void> {
  const at = now.toISOString();
  const params: unknown[] = [
    user.teamId,
    at,
    rows.map(({ v }) => v.request.dossierId),
    rows.map(({ v }) => v.request.caseId),
    rows.map(({ v }) => v.request.recipientId),
    rows.map(({ teamId }) => teamId),
    rows.map(({ v }) => v.request.version),
    rows.map(({ v }) => v.consent.consentId),
    rows.map(({ v }) => v.consent.validUntil),
    rows.map(({ v }) => v.deadlines.basis),
    rows.map(({ v }) => v.deadlines.countedFrom),
    rows.map(({ v }) => v.deadlines.firstConversationBy),
    rows.map(({ v }) => v.deadlines.decisionBy),
    rows.map(({ v }) => v.sealedSummary.toString('base64')),
  ];
  const values = rows.map(({ v }) => {
    params.push(v.request.dossierId, v.request.version, v.bodyBytes, v.sealedBody);
    const b = params.length - 4;
    return `($${b + 1}::uuid, $${b + 2}::int, $2::timestamptz, $${b + 3}::int, $${b + 4}::bytea)`;
  });
  const claim = claimInsert(
    { scope: dossierWriteScope, userId: user.id, at: now },
    rows.map(({ v, response }) => ({ key: v.key, hash: v.hash, status: 201, response })),
    params.length + 1,
  );
  params.push(...claim.params);
  const changes = changesInsert(
    rows
      .filter((r) => r.statusChanges)
      .map(({ v }) => ({ teamId: user.teamId, entity: 'dossier' as const, caseId: v.request.caseId, status: 'received' as const, at: now, version: v.request.version })),
    params.length + 1,
  );
  params.push(...changes.params);
  const audited = audit.length === 0 ? null : auditInsert(now, audit, params.length + 1);
  if (audited) params.push(...audited.params);
  const { rows: result } = await tx.query<{ claimed: number }>(
    `WITH claimed AS (${claim.sql}),
     upserted AS (${upsertSql} RETURNING 1),
     versions AS (INSERT INTO dossier_versions (dossier_id, version, received_at, body_bytes, body) VALUES ${values.join(', ')} RETURNING 1),
     changed AS (${changes.sql} RETURNING 1)
     ${audited ? `, audited AS (${audited.sql} RETURNING 1)` : ''}
     SELECT count(*)::int AS claimed FROM claimed`,
    params,
    // One text per number of rows (a step has at most pushChunk) and with or without audit rows.
    { prepared: true },
  );
  // Every key was free at the look-up, and the caller holds its team's lock; only a key that another user's
  // request took in between ends up here. Rolled back, the retry's look-up sees that key and judges it.
  if (result[0]?.claimed !== rows.length) throw new KeyTakenMeanwhile();
}

const auditOutcome: Record<'stored' | 'replayed', AuditOutcome> = { stored: 'ok', replayed: 'replayed' };
const refusalOutcome = (r: Refusal): AuditOutcome => (r.status === 409 ? 'conflict' : r.status === 403 ? 'denied' : 'rejected');

/**
 * Stores checked dossier versions in the caller's (audited) transaction, which holds the caller's team lock for
 * the change feed, against `state` (readPushState), in the items' order: a stored key answers as the first time
 * (or 422 when it was stored for something else); what does not fit is refused without taking its key, so the
 * device may use it again after a fix; the rest is written with its keys and this call's audit rows in one
 * statement, or one per repeat of a dossier (a row is upserted once per statement). Returns an outcome per item;
 * throws KeyTakenMeanwhile (see writeVersions).
 */
export async function storeVersions(tx: Queryable, trail: AuditTrail, user: User, now: Date, state: PushState, items: readonly CheckedVersion[]): Promise<PushOutcome[]> {
  const at = now.toISOString();
  const decide = (v: CheckedVersion): { refusal: Refusal } | { response: DossierVersionResponse; teamId: string; statusChanges: boolean } => {
    if (v.refuseUnlessReplayed) return { refusal: v.refuseUnlessReplayed };
    const { caseId, dossierId, recipientId, version } = v.request;
    const caseTeam = state.caseTeams.get(caseId);
    if (!caseTeam) return { refusal: refusal(404, 'case_not_found') };
    if (!mayActOn(user, 'dossier.write', { teamId: caseTeam })) return { refusal: refusal(403, 'case_of_other_team') };
    const teamId = state.recipientTeams.get(recipientId);
    if (!teamId) return { refusal: refusal(422, 'unknown_recipient') };
    const existing = state.dossiers.get(dossierId);
    if (state.withdrawn.has(v.consent.consentId) || existing?.status === 'withdrawn') return { refusal: refusal(422, 'consent_withdrawn') };
    if (existing && (existing.case_id !== caseId || existing.recipient_id !== recipientId)) return { refusal: refusal(422, 'dossier_mismatch') };
    const latest = existing?.latest_version ?? null;
    if (latest !== null && version <= latest) return { refusal: refusal(409, 'dossier_version_conflict', latest) };
    if (version !== (latest ?? 0) + 1) return { refusal: refusal(409, 'dossier_version_gap', latest) };
    const statusChanges = !existing || existing.status === 'returned';
    const status: HandoverStatus = statusChanges ? 'received' : existing.status;
    return { response: { dossierId, caseId, version, status, receivedAt: at, firstConversationBy: v.deadlines.firstConversationBy }, teamId, statusChanges };
  };

  const outcomes: PushOutcome[] = [];
  const toStore: StoredRow[] = [];
  for (const v of items) {
    const stored = state.answers.get(v.key);
    if (stored) {
      const verdict = judge(stored, v.hash, { scope: dossierWriteScope, userId: user.id });
      outcomes.push(
        verdict.kind === 'replayed' && verdict.response
          ? { kind: 'replayed', status: verdict.status, response: verdict.response }
          : { kind: 'refused', refusal: refusal(422, 'idempotency_key_reused') },
      );
      continue;
    }
    const decided = decide(v);
    if ('refusal' in decided) {
      outcomes.push({ kind: 'refused', refusal: decided.refusal });
      continue;
    }
    outcomes.push({ kind: 'stored', status: 201, response: decided.response });
    toStore.push({ v, ...decided });
    // What the hub holds once this version is written, for the versions after it.
    const { dossierId, caseId, recipientId, version } = v.request;
    state.dossiers.set(dossierId, { case_id: caseId, recipient_id: recipientId, status: decided.response.status, latest_version: version });
    state.answers.set(v.key, { hash: v.hash, scope: dossierWriteScope, userId: user.id, status: 201, response: decided.response });
  }

  const audit: AuditEntry[] = outcomes.map((o, i) => ({
    userId: user.id,
    action: 'dossier.write',
    entityType: 'dossier',
    entityId: `${items[i]!.request.dossierId}:${items[i]!.request.version}`,
    outcome: o.kind === 'refused' ? refusalOutcome(o.refusal) : auditOutcome[o.kind],
  }));
  // Nothing to write: the trail writes the audit rows with the transaction.
  if (toStore.length === 0) trail.add(...audit);
  const statements = splitRounds(toStore, (row) => [row.v.request.dossierId]);
  for (const [r, rows] of statements.entries()) {
    await writeVersions(tx, user, now, rows.map((i) => toStore[i]!), r === statements.length - 1 ? audit : []);
  }
  return outcomes;
}
