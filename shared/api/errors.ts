import { z } from 'zod';

/**
 * Every `error` code the hub answers with, in one place. The code is stable and machine-readable: the
 * device maps it to its own Dutch text and never compares the hub's `message` (which is Dutch too, for
 * people reading raw answers). A device must treat an unknown code by its HTTP status: later hubs may add codes.
 */
export const hubErrorCodes = {
  bad_request: { statuses: [400], meaning: 'The body, query, headers or a value are not valid; `issues` says where.' },
  payload_too_large: { statuses: [413], meaning: 'The body is larger than the hub takes (1 MiB).' },
  unsupported_media_type: { statuses: [415], meaning: 'The body is not JSON.' },
  unauthorized: { statuses: [401], meaning: 'No bearer token, or an unknown or expired one: sign in again.' },
  forbidden: { statuses: [403], meaning: 'The signed-in role may not use this route.' },
  team_mismatch: { statuses: [403], meaning: "The body names another team than the caller's; nothing was stored." },
  invalid_credentials: { statuses: [401], meaning: 'Username and password do not match.' },
  device_revoked: { statuses: [401, 403], meaning: 'A team lead revoked this device: its token is refused and its recovery key deleted. The device wipes itself.' },
  account_disabled: { statuses: [403], meaning: 'The password is right but a team lead disabled this account.' },
  device_exists: { statuses: [409], meaning: 'This device id is registered already; its recovery key comes only with a password sign-in that names it.' },
  device_not_found: { statuses: [404], meaning: "No device with this id in the caller's team." },
  user_not_found: { statuses: [404], meaning: "No user with this id in the caller's team." },
  cannot_disable_self: { statuses: [409], meaning: 'A team lead cannot disable their own account.' },
  rate_limited: { statuses: [429], meaning: 'Too many attempts (sign-ins, or requests without a valid token) from this address; wait as long as Retry-After says.' },
  not_found: { statuses: [404], meaning: 'No such route.' },
  idempotency_key_reused: { statuses: [422], meaning: 'This idempotency key (or event id) was used before for another body, route or user: make a new key.' },
  case_exists: { statuses: [409], meaning: 'This caseId was received before under another key; the key is not kept.' },
  // The warm handover (shared/api/handover.ts).
  dossier_too_large: { statuses: [413], meaning: 'The dossier body is larger than the hub takes for one dossier (256 KiB as UTF-8 JSON).' },
  consent_missing: { statuses: [422], meaning: 'The dossier carries no consent: nothing was stored.' },
  consent_not_valid: { statuses: [422], meaning: 'The consent does not hold today (not yet given or past its end date): nothing was stored.' },
  consent_withdrawn: { statuses: [422], meaning: 'The consent of this dossier, or of its case, was withdrawn: nothing was stored.' },
  unknown_recipient: { statuses: [422], meaning: 'The dossier names a recipient the hub does not know (resources/recipients.json).' },
  recipient_not_consented: { statuses: [422], meaning: "recipientId is not among the dossier's recipients the resident agreed to." },
  case_not_found: { statuses: [404], meaning: 'The hub has no such case: send the case first (POST /api/v1/cases).' },
  case_of_other_team: { statuses: [403], meaning: "The case belongs to another team than the caller's: nothing was stored." },
  dossier_mismatch: { statuses: [422], meaning: 'This dossierId was received before for another case or recipient, or dossier.caseId differs from caseId.' },
  dossier_version_conflict: { statuses: [409], meaning: 'This version number was stored before (under another key): a change is the next version; `latestVersion` says which is stored.' },
  dossier_version_gap: { statuses: [409], meaning: 'A version before this one has not arrived: send the versions in order; `latestVersion` says which is stored.' },
  handover_not_found: { statuses: [404], meaning: "No such handover for the caller's team." },
  dossier_withdrawn: { statuses: [410], meaning: 'The resident withdrew consent: the dossier is deleted.' },
  consent_expired: { statuses: [403], meaning: "The resident's consent for this handover has ended: the dossier may not be read or acted on." },
  decision_before_first_conversation: { statuses: [422], meaning: "The decision's day (decidedOn) is before the Dutch day of the planned first conversation: nothing was stored." },
  decision_in_future: { statuses: [422], meaning: "The decision's day (decidedOn) is after today's Dutch day (Europe/Amsterdam): a decision is recorded once taken. Nothing was stored." },
  first_conversation_before_handover: { statuses: [422], meaning: 'The first conversation (plannedAt) is on a Dutch day before the one the hub received the handover: nothing was stored.' },
  first_conversation_too_far_ahead: {
    statuses: [422],
    meaning: 'The first conversation (plannedAt) is on a Dutch day more than one year after the one the hub received the handover (a year typed wrong): nothing was stored.',
  },
  handover_status_conflict: { statuses: [409], meaning: 'The handover is not (or no longer) in a status that allows this action, or it changed since `revision`: reload it.' },
  unavailable: { statuses: [503], meaning: 'The hub cannot reach its database.' },
  internal: { statuses: [500], meaning: 'Something failed on the hub; try again later.' },
} as const satisfies Record<string, { statuses: readonly number[]; meaning: string }>;

export type HubErrorCode = keyof typeof hubErrorCodes;
export const hubErrorCodeSchema = z.enum(Object.keys(hubErrorCodes) as [HubErrorCode, ...HubErrorCode[]]);

/** Codes any route may answer: a bad body or query, a body that is too large or not JSON, a failure on the hub. */
export const commonErrorCodes = ['bad_request', 'payload_too_large', 'unsupported_media_type', 'internal'] as const satisfies readonly HubErrorCode[];

/**
 * Codes of every route that needs a sign-in, beside the common ones: a refused token is 401 (`device_revoked`
 * for a revoked device's), and too many refused tokens from one address are 429.
 */
const signedIn = ['unauthorized', 'device_revoked', 'rate_limited', 'forbidden'] as const satisfies readonly HubErrorCode[];

/** What sending a dossier version may answer (per item, in a batch). */
const dossierVersionCodes = [
  ...signedIn,
  'idempotency_key_reused',
  'dossier_too_large',
  'consent_missing',
  'consent_not_valid',
  'consent_withdrawn',
  'unknown_recipient',
  'recipient_not_consented',
  'case_not_found',
  'case_of_other_team',
  'dossier_mismatch',
  'dossier_version_conflict',
  'dossier_version_gap',
] as const satisfies readonly HubErrorCode[];

/** What a counsellor's status action may answer. */
const handoverActionCodes = [...signedIn, 'handover_not_found', 'dossier_withdrawn', 'consent_expired', 'handover_status_conflict'] as const satisfies readonly HubErrorCode[];

/**
 * Per route ('METHOD path'), the codes it answers beyond `commonErrorCodes`. For the batch routes, the codes
 * inside per-item results are listed too (a per-item 400 is `bad_request`).
 */
export const routeErrorCodes = {
  'GET /health': ['unavailable'],
  'POST /api/v1/auth/login': ['invalid_credentials', 'account_disabled', 'device_revoked', 'rate_limited'],
  'POST /api/v1/auth/logout': ['unauthorized', 'device_revoked', 'rate_limited'],
  'GET /api/v1/auth/me': ['unauthorized', 'device_revoked', 'rate_limited'],
  'POST /api/v1/devices': [...signedIn, 'device_exists'],
  'GET /api/v1/devices': signedIn,
  'POST /api/v1/devices/{deviceId}/revoke': [...signedIn, 'device_not_found'],
  'GET /api/v1/users': signedIn,
  'POST /api/v1/users/{userId}/disable': [...signedIn, 'user_not_found', 'cannot_disable_self'],
  'POST /api/v1/users/{userId}/enable': [...signedIn, 'user_not_found'],
  'POST /api/v1/cases': [...signedIn, 'idempotency_key_reused', 'case_exists'],
  'POST /api/v1/cases/batch': [...signedIn, 'idempotency_key_reused', 'case_exists'],
  'GET /api/v1/cases': signedIn,
  'GET /api/v1/cases/changes': signedIn,
  'GET /api/v1/changes': signedIn,
  'POST /api/v1/signal-events/batch': [...signedIn, 'team_mismatch'],
  'POST /api/v1/dossiers': [...dossierVersionCodes],
  'POST /api/v1/dossiers/batch': [...dossierVersionCodes],
  'GET /api/v1/handovers': signedIn,
  'GET /api/v1/handovers/{dossierId}': [...signedIn, 'handover_not_found', 'dossier_withdrawn', 'consent_expired'],
  'GET /api/v1/handovers/{dossierId}/versions/{version}': [...signedIn, 'handover_not_found', 'dossier_withdrawn', 'consent_expired'],
  'POST /api/v1/handovers/{dossierId}/versions/{version}/exports': [...signedIn, 'handover_not_found', 'dossier_withdrawn', 'consent_expired'],
  'POST /api/v1/handovers/{dossierId}/accept': [...handoverActionCodes],
  'POST /api/v1/handovers/{dossierId}/return': [...handoverActionCodes],
  'POST /api/v1/handovers/{dossierId}/plan': [...handoverActionCodes, 'first_conversation_before_handover', 'first_conversation_too_far_ahead'],
  'POST /api/v1/handovers/{dossierId}/decision': [...handoverActionCodes, 'decision_before_first_conversation', 'decision_in_future'],
  'POST /api/v1/handovers/{dossierId}/close': [...handoverActionCodes],
  'GET /api/v1/reports/filters': signedIn,
  'GET /api/v1/reports/signals': signedIn,
  'GET /api/v1/reports/handover-funnel': signedIn,
  'GET /api/v1/reports/wgs-terms': signedIn,
  'GET /api/v1/reports/overdue': signedIn,
  'POST /api/v1/consent-withdrawals': [...signedIn, 'idempotency_key_reused', 'case_not_found', 'case_of_other_team'],
} as const satisfies Record<string, readonly HubErrorCode[]>;
