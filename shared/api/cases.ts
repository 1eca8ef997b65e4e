import { z } from 'zod';
import { apiErrorSchema } from './auth';

/**
 * A UUID in request input, lower-cased on parse: one id spelled in two cases is one id, as PostgreSQL's
 * uuid type sees it. `overwrite` keeps the type a string and the schema expressible in OpenAPI.
 */
export const requestUuid = (message?: string) => z.uuid(message).overwrite((id) => id.toLowerCase());

/**
 * The minimal "new case" record a device sends when a household is created.
 * It carries no personal data: without the resident's consent nothing personal leaves the device.
 */
export const newCaseRequestSchema = z
  .object({
    caseId: requestUuid(),
    /** The 4 digits of the postcode: the neighbourhood, for reports. */
    postcodeArea: z.string().regex(/^[1-9][0-9]{3}$/, 'Postcodegebied is vier cijfers.'),
    adults: z.int().min(1).max(20),
    children: z.int().min(0).max(20),
    /** The day the household was opened. Older devices send a datetime; the hub keeps only its date (Dutch time). */
    openedAt: z.union([z.iso.date(), z.iso.datetime()]),
  })
  .strict();
export type NewCaseRequest = z.infer<typeof newCaseRequestSchema>;

export const caseStatusSchema = z.enum(['received']);

export const newCaseResponseSchema = z.object({
  caseId: z.uuid(),
  status: caseStatusSchema,
  receivedAt: z.iso.datetime(),
});
export type NewCaseResponse = z.infer<typeof newCaseResponseSchema>;

export const idempotencyKeyHeader = 'idempotency-key';
export const idempotencyKeySchema = requestUuid('Idempotency-Key moet een UUID zijn.');

export const caseChangesQuerySchema = z.object({
  since: z.coerce.number().int().min(0).default(0),
});
export const caseChangesResponseSchema = z.object({
  checkpoint: z.number().int().min(0),
  changes: z.array(
    z.object({ caseId: z.uuid(), status: caseStatusSchema, changedAt: z.iso.datetime() }),
  ),
});
export type CaseChangesResponse = z.infer<typeof caseChangesResponseSchema>;

export const apiPaths = {
  health: '/health',
  login: '/api/v1/auth/login',
  me: '/api/v1/auth/me',
  cases: '/api/v1/cases',
  caseChanges: '/api/v1/cases/changes',
  caseBatch: '/api/v1/cases/batch',
} as const;

/** The most cases one page of GET /api/v1/cases holds. */
export const maxCasePage = 500;

/** GET /api/v1/cases?limit=&cursor=: one page of the caller's team's cases, oldest first. */
export const caseListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(maxCasePage).default(maxCasePage),
  /** The `nextCursor` of the page before; absent for the first page. */
  cursor: z.string().regex(/^[0-9]{1,18}$/, 'Cursor is een getal.').optional(),
});

export const caseListResponseSchema = z.object({
  cases: z.array(
    z.object({
      caseId: z.uuid(),
      postcodeArea: z.string(),
      adults: z.int(),
      children: z.int(),
      /** The day only (data minimisation). */
      openedAt: z.iso.date(),
      receivedAt: z.iso.datetime(),
    }),
  ),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type CaseListResponse = z.infer<typeof caseListResponseSchema>;

/** POST /api/v1/cases/batch: many new cases in one request, each with its own idempotency key. */
export const maxBatchItems = 500;

/**
 * The envelope only: each `case` is checked on its own, so one bad case gets its own 400 and the
 * others still go through.
 */
export const caseBatchRequestSchema = z
  .object({
    items: z
      .array(
        z
          .object({
            idempotencyKey: idempotencyKeySchema,
            case: z.unknown().meta({ description: 'A newCaseRequest (see POST /api/v1/cases), checked per item.' }),
          })
          .strict(),
      )
      .min(1, 'Stuur minstens één casus.')
      .max(maxBatchItems, `Stuur hoogstens ${maxBatchItems} casussen per keer.`),
  })
  .strict();
export type CaseBatchRequest = z.infer<typeof caseBatchRequestSchema>;
export type CaseBatchItem = { idempotencyKey: string; case: NewCaseRequest };

/** Per item: 201 created, 200 a replay of the first answer, 400 bad case, 409 case exists under another key, 422 key reused. */
export const caseBatchResultSchema = z.discriminatedUnion('status', [
  z.object({ idempotencyKey: z.uuid(), status: z.literal([201, 200]), body: newCaseResponseSchema }),
  z.object({ idempotencyKey: z.uuid(), status: z.literal([400, 409, 422]), body: apiErrorSchema }),
]);
export type CaseBatchResult = z.infer<typeof caseBatchResultSchema>;

/** The results in the order of the request's items. */
export const caseBatchResponseSchema = z.object({ results: z.array(caseBatchResultSchema) });
export type CaseBatchResponse = z.infer<typeof caseBatchResponseSchema>;
