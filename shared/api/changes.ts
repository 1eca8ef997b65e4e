import { z } from 'zod';

/**
 * The hub's one change feed: `GET /api/v1/changes?since=<checkpoint>` carries status changes of any
 * kind for the caller's own records. The device pulls it from a stored checkpoint; the hub owns status.
 */

/**
 * Handover status as the hub owns it (DESIGN.md: received → accepted | returned → first conversation
 * planned → decided → closed; or withdrawn). Only 'received' is produced until the handover exists.
 */
export const handoverStatusSchema = z.enum([
  'received',
  'accepted',
  'returned',
  'first-conversation-planned',
  'decided',
  'closed',
  'withdrawn',
]);
export type HandoverStatus = z.infer<typeof handoverStatusSchema>;

/** Why a counsellor returned a handover; a code from a list, with optional free text in `returnNote`. */
export const returnReasonSchema = z.enum(['not-debt-help', 'incomplete', 'other-municipality', 'resident-declined', 'other']);
export type ReturnReason = z.infer<typeof returnReasonSchema>;

/** What a change is about: the case record, or (later) a dossier version of that case. */
export const changeEntitySchema = z.enum(['case', 'dossier']);

export const changeSchema = z.object({
  /** Monotonic position in the feed; the next `since` is the response's `checkpoint`. */
  seq: z.number().int().min(1),
  entity: changeEntitySchema,
  /** The case the change belongs to (a device knows its households by this id). */
  caseId: z.uuid(),
  status: handoverStatusSchema,
  changedAt: z.iso.datetime(),
  /** Only with status 'returned'. */
  reason: returnReasonSchema.optional(),
  /** Only with status 'first-conversation-planned': when the first conversation is (ISO datetime). */
  plannedAt: z.iso.datetime().optional(),
  /** Only with status 'decided': the day of the decision (beschikking), YYYY-MM-DD. */
  decidedOn: z.iso.date().optional(),
  /** Only with status 'returned', when the counsellor wrote one: their explanation for the worker (free text). */
  note: z.string().max(2000).optional(),
  /** Dossier version the change refers to, when entity is 'dossier'. */
  version: z.number().int().min(1).optional(),
});
export type Change = z.infer<typeof changeSchema>;

export const changesQuerySchema = z.object({
  since: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

export const changesResponseSchema = z.object({
  checkpoint: z.number().int().min(0),
  /** True when more changes wait after `checkpoint`: pull again at once. */
  more: z.boolean(),
  changes: z.array(changeSchema),
});
export type ChangesResponse = z.infer<typeof changesResponseSchema>;

export const changesPath = '/api/v1/changes';
