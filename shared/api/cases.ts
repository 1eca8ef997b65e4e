import { z } from 'zod';

/**
 * The minimal "new case" record a device sends when a household is created.
 * It carries no personal data: without the resident's consent nothing personal leaves the device.
 */
export const newCaseRequestSchema = z
  .object({
    caseId: z.uuid(),
    /** The 4 digits of the postcode: the neighbourhood, for reports. */
    postcodeArea: z.string().regex(/^[1-9][0-9]{3}$/, 'Postcodegebied is vier cijfers.'),
    adults: z.int().min(1).max(20),
    children: z.int().min(0).max(20),
    openedAt: z.iso.datetime(),
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
export const idempotencyKeySchema = z.uuid('Idempotency-Key moet een UUID zijn.');

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
} as const;

/** GET /api/v1/cases: the cases of the caller's own team, oldest first. */
export const caseListResponseSchema = z.object({
  cases: z.array(
    z.object({
      caseId: z.uuid(),
      postcodeArea: z.string(),
      adults: z.int(),
      children: z.int(),
      openedAt: z.iso.datetime(),
      receivedAt: z.iso.datetime(),
    }),
  ),
});
export type CaseListResponse = z.infer<typeof caseListResponseSchema>;
