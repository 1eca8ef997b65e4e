import { z } from 'zod';
import { apiErrorSchema } from './auth';
import { idempotencyKeySchema, requestUuid } from './cases';
import { handoverStatusSchema, returnReasonSchema } from './changes';
import { maxDossierBytes } from './dossier';

/**
 * The warm handover between the device and the hub, and the counsellor's side of it.
 *
 * The device sends a dossier version (`POST /api/v1/dossiers`, Idempotency-Key header): a dossier is
 * made on the device (`dossierId`), belongs to one case the device created and goes to one recipient
 * (resources/recipients.json → a hub team). Versions count 1, 2, 3 … per dossier; a change after sending
 * is a new version, never an overwrite. The body (`dossier`) is checked by `checkDossierBody`
 * (shared/api/dossier.ts) and stored encrypted; the envelope around it is checked here.
 *
 * A consent withdrawal (`POST /api/v1/consent-withdrawals`) deletes every dossier body of the case on
 * the hub; the handover then reports 'withdrawn' in the change feed and is gone from the counsellor's list.
 *
 * The counsellor (recipient team) lists the handovers sorted by Wgs deadline, reads a dossier (every
 * read audited) and moves the status: accept → plan the first conversation → decision → close, or
 * return with a reason. Each status change reaches the worker's device through GET /api/v1/changes.
 */

export const handoverPaths = {
  dossiers: '/api/v1/dossiers',
  dossierBatch: '/api/v1/dossiers/batch',
  consentWithdrawals: '/api/v1/consent-withdrawals',
  handovers: '/api/v1/handovers',
  /** `:dossierId` */
  handover: '/api/v1/handovers/:dossierId',
  /** `:dossierId`, `:version` */
  handoverVersion: '/api/v1/handovers/:dossierId/versions/:version',
  accept: '/api/v1/handovers/:dossierId/accept',
  return: '/api/v1/handovers/:dossierId/return',
  plan: '/api/v1/handovers/:dossierId/plan',
  decision: '/api/v1/handovers/:dossierId/decision',
  close: '/api/v1/handovers/:dossierId/close',
  /** `:dossierId`, `:version`: the counsellor is about to put this version on paper (PDF); the hub audits it. */
  versionExport: '/api/v1/handovers/:dossierId/versions/:version/exports',
} as const;

/** Fills in a path's `:name` parts: `handoverPath(handoverPaths.accept, { dossierId })`. */
export const handoverPath = (path: string, params: Record<string, string | number>): string =>
  path.replace(/:([a-zA-Z]+)/g, (_, name: string) => encodeURIComponent(String(params[name])));

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Gebruik kleine letters, cijfers en streepjes.');

/** The largest version number the hub takes: a dossier changed daily for years stays far below it. */
export const maxDossierVersion = 100_000;

// ---------- device → hub ----------

/**
 * One dossier version. `dossier` is a `Dossier` (shared/api/dossier.ts), at most `maxDossierBytes` as
 * UTF-8 JSON; it is `unknown` here because the hub checks it separately, to answer each problem with
 * its own code (413 too large, 400 shape, 422 recipient or consent). `dossier.caseId` must equal
 * `caseId`, and `recipientId` must be one of `dossier.recipients`.
 */
export const dossierVersionRequestSchema = z
  .object({
    /** Made on the device, one per case and recipient; the same for every version. */
    dossierId: requestUuid(),
    /** The case (household id) the device created on the hub before (POST /api/v1/cases). */
    caseId: requestUuid(),
    /** Which recipient (resources/recipients.json) this dossier goes to. */
    recipientId: slug,
    /** 1 for the first version, then one more each time; the hub refuses a gap or a repeat (409). */
    version: z.int().min(1).max(maxDossierVersion),
    dossier: z.unknown().meta({ description: `A Dossier (shared/api/dossier.ts), at most ${maxDossierBytes} bytes as UTF-8 JSON.` }),
  })
  .strict();
export type DossierVersionRequest = z.infer<typeof dossierVersionRequestSchema>;

export const dossierVersionResponseSchema = z.object({
  dossierId: z.uuid(),
  caseId: z.uuid(),
  version: z.int().min(1),
  /** The handover's status after this version: 'received' for a first version or one after a return. */
  status: handoverStatusSchema,
  receivedAt: z.iso.datetime(),
  /** The Wgs deadline for the first conversation as the hub computed it (`YYYY-MM-DD`). */
  firstConversationBy: z.iso.date(),
});
export type DossierVersionResponse = z.infer<typeof dossierVersionResponseSchema>;

/** A refused version: the error, with the version the hub holds (null: none yet) so the device can tell a repeat from a gap. */
export const dossierVersionErrorSchema = apiErrorSchema.extend({ latestVersion: z.int().min(1).nullable().optional() });
export type DossierVersionError = z.infer<typeof dossierVersionErrorSchema>;

/** POST /api/v1/dossiers/batch: a few versions at once, each with its own key; a batch of ~13 KB dossiers stays under 2 MiB. */
export const maxDossierBatchItems = 100;
/** The request body limit of the batch route. */
export const maxDossierBatchBytes = 8 * 1024 * 1024;

export const dossierBatchRequestSchema = z
  .object({
    items: z
      .array(
        z
          .object({
            idempotencyKey: idempotencyKeySchema,
            request: z.unknown().meta({ description: 'A dossierVersionRequest (see POST /api/v1/dossiers), checked per item.' }),
          })
          .strict(),
      )
      .min(1, 'Stuur minstens één dossier.')
      .max(maxDossierBatchItems, `Stuur hoogstens ${maxDossierBatchItems} dossiers per keer.`),
  })
  .strict();
export type DossierBatchRequest = z.infer<typeof dossierBatchRequestSchema>;

/**
 * Per item, in the request's order: 201 stored, 200 a replay of the first answer; otherwise the status and
 * error the single route would give (400, 403, 404, 409, 413, 422). One item failing does not fail the others.
 */
export const dossierBatchResultSchema = z.discriminatedUnion('ok', [
  z.object({ idempotencyKey: z.uuid(), ok: z.literal(true), status: z.literal([200, 201]), body: dossierVersionResponseSchema }),
  z.object({ idempotencyKey: z.uuid(), ok: z.literal(false), status: z.int().min(400).max(499), body: dossierVersionErrorSchema }),
]);
export type DossierBatchResult = z.infer<typeof dossierBatchResultSchema>;
export const dossierBatchResponseSchema = z.object({ results: z.array(dossierBatchResultSchema) });
export type DossierBatchResponse = z.infer<typeof dossierBatchResponseSchema>;

/**
 * The resident withdrew consent: the hub deletes every dossier body of the case, keeps an audit stub and
 * reports 'withdrawn'. Idempotent on the Idempotency-Key header. A dossier that arrives later with this
 * consent is refused (422 consent_withdrawn).
 */
export const consentWithdrawalRequestSchema = z
  .object({
    caseId: requestUuid(),
    /** The consent withdrawn (Dossier.consent.consentId). */
    consentId: requestUuid(),
    withdrawnOn: z.iso.date(),
  })
  .strict();
export type ConsentWithdrawalRequest = z.infer<typeof consentWithdrawalRequestSchema>;

export const consentWithdrawalResponseSchema = z.object({
  caseId: z.uuid(),
  consentId: z.uuid(),
  withdrawnOn: z.iso.date(),
  /** How many dossiers of the case the hub stopped showing (their bodies are deleted). 0 when none had arrived. */
  dossiersWithdrawn: z.int().min(0),
  receivedAt: z.iso.datetime(),
});
export type ConsentWithdrawalResponse = z.infer<typeof consentWithdrawalResponseSchema>;

// ---------- counsellor (recipient team) ----------

/**
 * How pressing a handover is today: 'overdue' when its current Wgs deadline (first conversation, or the
 * decision once the first conversation is planned) has passed; 'crisis' for a crisis still waiting for
 * its first conversation; else 'regular'. The list sorts overdue first, then crisis, then by deadline.
 */
export const handoverUrgencySchema = z.enum(['overdue', 'crisis', 'regular']);
export type HandoverUrgency = z.infer<typeof handoverUrgencySchema>;

export const firstConversationSchema = z
  .object({
    /** When, as an ISO datetime with offset. */
    plannedAt: z.iso.datetime({ offset: true }),
    how: z.enum(['visit', 'office', 'phone', 'video']),
    /** The address or room; required unless by phone or video. */
    place: z.string().trim().max(200).default(''),
    /** The number to call; required for 'phone'. */
    phone: z.string().trim().max(30).default(''),
  })
  .strict()
  .superRefine((p, ctx) => {
    if ((p.how === 'visit' || p.how === 'office') && p.place === '') ctx.addIssue({ code: 'custom', path: ['place'], message: 'Vul de plaats van het gesprek in.' });
    if (p.how === 'phone' && p.phone === '') ctx.addIssue({ code: 'custom', path: ['phone'], message: 'Vul het telefoonnummer in.' });
  });
export type FirstConversation = z.infer<typeof firstConversationSchema>;

export const handoverSummarySchema = z.object({
  dossierId: z.uuid(),
  caseId: z.uuid(),
  recipientId: z.string(),
  status: handoverStatusSchema,
  /** Changes with every status change; pass it as `revision` to act only on what you saw. */
  revision: z.int().min(1),
  latestVersion: z.int().min(1),
  /** The resident's name and town from the latest version, for the inbox line. */
  clientName: z.string(),
  town: z.string(),
  postcodeArea: z.string(),
  receivedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  deadlines: z.object({
    basis: z.enum(['crisis', 'regular']),
    countedFrom: z.iso.date(),
    firstConversationBy: z.iso.date(),
    /** 8 weeks after the planned first conversation, or after its latest date while none is planned. */
    decisionBy: z.iso.date(),
  }),
  urgency: handoverUrgencySchema,
  /** The counsellor who accepted it (the resident's contact person); null before. */
  contactPerson: z.object({ userId: z.uuid(), name: z.string() }).nullable(),
  returned: z.object({ reason: returnReasonSchema, note: z.string() }).nullable(),
  firstConversation: firstConversationSchema.nullable(),
  decision: z.object({ decidedOn: z.iso.date(), note: z.string() }).nullable(),
  consentValidUntil: z.iso.date(),
});
export type HandoverSummary = z.infer<typeof handoverSummarySchema>;

/** 'open': not returned, closed or withdrawn (the work list); 'all': also returned and closed. Withdrawn never shows. */
export const handoverViewSchema = z.enum(['open', 'all']);
export const maxHandoverPage = 100;

/** The statuses a counsellor can filter on: every status the list shows (withdrawn never shows). */
export const listedStatusSchema = handoverStatusSchema.exclude(['withdrawn']);

/**
 * Where the list goes on after a page: the sort key of its last row (urgency rank 0–3, current deadline, arrival
 * number). A keyset, not an offset, so "meer laden" neither skips nor repeats a row when rows above it change.
 */
export const handoverCursorPattern = /^[0-3]\.[0-9]{4}-[0-9]{2}-[0-9]{2}\.[0-9]{1,18}$/;

export const handoverListQuerySchema = z.object({
  view: handoverViewSchema.default('open'),
  /** Only this status; when given, `view` does not matter. */
  status: listedStatusSchema.optional(),
  /** 'true': only overdue handovers and crises waiting for their first conversation. */
  urgent: z.enum(['true', 'false']).optional(),
  /** Only this neighbourhood: the 4 digits of the postcode. */
  area: z.string().regex(/^[1-9][0-9]{3}$/, 'Postcodegebied is vier cijfers.').optional(),
  /** Only handovers of cases this buurtteam worker registered (a `workers[].userId` of an earlier answer). */
  worker: requestUuid('Kies een medewerker uit de lijst.').optional(),
  /** Search in the resident's name, town and postcode area; capitals and accents do not matter. */
  q: z.string().trim().max(100, 'Zoek met hoogstens 100 tekens.').optional(),
  /** The `asOf` of an earlier answer: the answer then counts what arrived, and names what was withdrawn, since. */
  since: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(maxHandoverPage).default(50),
  /** The `nextCursor` of the page before; absent for the first page. */
  cursor: z.string().regex(handoverCursorPattern, 'Gebruik de nextCursor van de vorige bladzijde.').optional(),
});
export type HandoverListQuery = z.infer<typeof handoverListQuerySchema>;

export const handoverListResponseSchema = z.object({
  /** Sorted: overdue first, then crisis, then by the current deadline, then by arrival. */
  handovers: z.array(handoverSummarySchema),
  /** How many handovers match the query in all (every page). */
  total: z.int().min(0),
  nextCursor: z.string().nullable(),
  /** The hub's time of this answer: pass it as `since` next time. */
  asOf: z.iso.datetime(),
  /** With `since`: how many of the matching handovers arrived after it; otherwise null. */
  arrived: z.int().min(0).nullable(),
  /** With `since`: the team's dossiers whose consent was withdrawn after it (ids only); otherwise empty. */
  withdrawn: z.array(z.uuid()),
  /**
   * With `since`: the team's dossiers whose consent ran out after it (its last day passed; ids only), so an open
   * dossier can say so; otherwise empty (also when absent).
   */
  ended: z.array(z.uuid()).default([]),
  /** What the filters can choose from: every neighbourhood and sending worker among the team's listed handovers (of this view). Empty on a later page (with `cursor`). */
  areas: z.array(z.object({ postcodeArea: z.string(), count: z.int().min(1) })),
  workers: z.array(z.object({ userId: z.uuid(), name: z.string(), count: z.int().min(1) })),
});
export type HandoverListResponse = z.infer<typeof handoverListResponseSchema>;

export const handoverParamsSchema = z.object({ dossierId: requestUuid() });
export const handoverVersionParamsSchema = z.object({ dossierId: requestUuid(), version: z.coerce.number().int().min(1).max(maxDossierVersion) });

/** One dossier version as the counsellor reads it: the summary, the version read, and which versions exist. */
export const handoverDossierResponseSchema = z.object({
  handover: handoverSummarySchema,
  version: z.int().min(1),
  receivedAt: z.iso.datetime(),
  versions: z.array(z.object({ version: z.int().min(1), receivedAt: z.iso.datetime() })),
  dossier: z.unknown().meta({ description: 'The Dossier (shared/api/dossier.ts) as the worker sent it.' }),
});
export type HandoverDossierResponse = z.infer<typeof handoverDossierResponseSchema>;

/** Recording an export: nothing to say beyond the path (which dossier, which version); the hub knows who and when. */
export const dossierExportRequestSchema = z.object({}).strict();
/** The export as the audit log holds it: ids and the hub's time only. */
export const dossierExportResponseSchema = z.object({ dossierId: z.uuid(), version: z.int().min(1), exportedAt: z.iso.datetime() });
export type DossierExportResponse = z.infer<typeof dossierExportResponseSchema>;

/** Every status action may name the `revision` it saw; if the handover changed since, 409 and nothing happens. */
const revision = z.int().min(1).optional();

export const acceptRequestSchema = z.object({ revision }).strict();
/** Which reason was meant is in the note when the reason is 'other': the worker must learn what to fix (spaces are no note). */
export const otherReasonNeedsNote = 'Schrijf op wat de andere reden is.';
export const returnRequestSchema = z
  .object({ revision, reason: returnReasonSchema, note: z.string().trim().max(2000).default('') })
  .strict()
  .superRefine((r, ctx) => {
    if (r.reason === 'other' && r.note === '') ctx.addIssue({ code: 'custom', path: ['note'], message: otherReasonNeedsNote });
  });
export const planRequestSchema = z.object({ revision, firstConversation: firstConversationSchema }).strict();
/** A decision without its outcome tells the worker nothing: the note says what was decided (spaces are no note). */
export const decisionNeedsNote = 'Schrijf kort wat het besluit is.';
export const decisionRequestSchema = z
  .object({ revision, decidedOn: z.iso.date(), note: z.string({ error: decisionNeedsNote }).trim().min(1, decisionNeedsNote).max(2000) })
  .strict();
export const closeRequestSchema = z.object({ revision }).strict();
export type ReturnRequest = z.input<typeof returnRequestSchema>;
export type PlanRequest = z.input<typeof planRequestSchema>;
export type DecisionRequest = z.input<typeof decisionRequestSchema>;

/**
 * Which status each action moves from, and to. Accept takes a received handover; return a received or
 * accepted one; plan (or re-plan) an accepted or planned one; the decision a planned one; close any of
 * accepted, planned or decided. Anything else is 409 handover_status_conflict.
 */
export const handoverTransitions = {
  accept: { from: ['received'], to: 'accepted' },
  return: { from: ['received', 'accepted'], to: 'returned' },
  plan: { from: ['accepted', 'first-conversation-planned'], to: 'first-conversation-planned' },
  decision: { from: ['first-conversation-planned'], to: 'decided' },
  close: { from: ['accepted', 'first-conversation-planned', 'decided'], to: 'closed' },
} as const satisfies Record<string, { from: readonly z.infer<typeof handoverStatusSchema>[]; to: z.infer<typeof handoverStatusSchema> }>;
export type HandoverAction = keyof typeof handoverTransitions;
