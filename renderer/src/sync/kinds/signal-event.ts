import { maxSignalEventBatch, signalEventSchema } from '../../../../shared/api/signal-events';
import { confirmed, defineKind, refused } from './kind';
import type { ItemOutcome } from './kind';

export const SIGNAL_EVENT_KIND = 'signal-event';
/** The hub's per-item 422: this event id was stored before with another body. */
const reusedId = { code: 'sync.event-id-reused' } as const;

/**
 * An identifier-free signal event for the team-lead reports (recorded or retracted), sent in batches
 * to POST /api/v1/signal-events/batch; the event's own random id is its idempotency key and its entity.
 */
export const signalEventKind = defineKind({
  name: SIGNAL_EVENT_KIND,
  body: signalEventSchema,
  batchSize: Math.min(200, maxSignalEventBatch),
  entityOf: (event) => event.eventId,
  // A retraction never overtakes the event it takes back.
  waitsFor: (event) => (event.type === 'retracted' ? { kind: SIGNAL_EVENT_KIND, entityId: event.retracts } : null),
  async send(hub, items) {
    const answer = await hub.postSignalEvents(items.map(({ body }) => body));
    if (answer.kind !== 'ok') return answer;
    const keyOf = new Map(items.map(({ key, body }) => [body.eventId, key]));
    const outcomes = new Map<string, ItemOutcome>();
    for (const result of answer.value.results) {
      const key = keyOf.get(result.eventId);
      if (key !== undefined) outcomes.set(key, result.status === 422 ? refused(reusedId) : confirmed());
    }
    return { kind: 'ok', value: outcomes };
  },
});
