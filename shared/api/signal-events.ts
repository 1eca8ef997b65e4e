import { z } from 'zod';

/**
 * Signal events: every ticked signal yields one event without any identifier of the household,
 * the base of the team-lead reports. A retraction names the event it takes back. The schema is
 * strict on purpose: no extra keys, no free text, no exact date.
 */

/** ISO week, e.g. '2026-W48'. */
export const isoWeekSchema = z.string().regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, 'Week is jjjj-Www.');

/** Household type for reports; 'with children' means minor children (< 18). */
export const householdTypeSchema = z.enum(['single', 'single-with-children', 'couple', 'couple-with-children', 'other']);
export type HouseholdType = z.infer<typeof householdTypeSchema>;

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(60);

export const signalRecordedEventSchema = z
  .object({
    type: z.literal('recorded'),
    /** Random, made on the device for this event only; never the household's id. */
    eventId: z.uuid(),
    signalId: slug,
    domainId: slug,
    /** Whether the signal counts as a Wgs crisis in this municipality's settings. */
    crisis: z.boolean(),
    postcodeArea: z.string().regex(/^[1-9][0-9]{3}$/),
    week: isoWeekSchema,
    householdType: householdTypeSchema,
    teamId: z.uuid(),
  })
  .strict();

export const signalRetractedEventSchema = z
  .object({
    type: z.literal('retracted'),
    eventId: z.uuid(),
    /** The eventId of the 'recorded' event this takes back. */
    retracts: z.uuid(),
    week: isoWeekSchema,
    teamId: z.uuid(),
  })
  .strict();

export const signalEventSchema = z.discriminatedUnion('type', [signalRecordedEventSchema, signalRetractedEventSchema]);
export type SignalEvent = z.infer<typeof signalEventSchema>;

export const maxSignalEventBatch = 500;

/** POST /api/v1/signal-events/batch: the events' own ids are their idempotency keys. */
export const signalEventBatchRequestSchema = z
  .object({ events: z.array(signalEventSchema).min(1).max(maxSignalEventBatch) })
  .strict();

/** Per event, in request order: 201 stored, 200 already stored (same body), 422 id reused with another body. */
export const signalEventBatchResponseSchema = z.object({
  results: z.array(z.object({ eventId: z.uuid(), status: z.literal([200, 201, 422]) })),
});
export type SignalEventBatchResponse = z.infer<typeof signalEventBatchResponseSchema>;

export const signalEventsBatchPath = '/api/v1/signal-events/batch';
