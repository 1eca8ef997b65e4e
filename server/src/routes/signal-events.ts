import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { apiErrorSchema } from '../../../shared/api/auth';
import { maxSignalEventBatch, signalEventBatchRequestSchema, signalEventBatchResponseSchema, signalEventsBatchPath } from '../../../shared/api/signal-events';
import { currentUser, requirePermission } from '../plugins/auth';
import { apiError, messages } from '../plugins/errors';
import type { AuthService } from '../services/auth-service';
import type { SignalEventService } from '../services/signal-events';

export function registerSignalEventRoutes(app: FastifyInstance, { auth, events }: { auth: AuthService; events: SignalEventService }): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    signalEventsBatchPath,
    {
      onRequest: requirePermission(auth, 'signal-event.create'),
      schema: {
        summary: `Send up to ${maxSignalEventBatch} signal events (no identifiers) at once; each is idempotent on its eventId.`,
        description:
          'Per event: 201 stored, 200 already stored with the same body, 422 the eventId was used for another body. ' +
          'The schema is strict: any other key (a name, a household id, a note) or an exact date gives 400 for the whole request. ' +
          'Every event must name the caller’s own team, or the whole request gets 403 and nothing is stored.',
        security: [{ bearer: [] }],
        body: signalEventBatchRequestSchema,
        response: { 200: signalEventBatchResponseSchema, 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema },
      },
    },
    async (request, reply) => {
      const outcome = await events.store(currentUser(request), request.body.events);
      if (outcome.kind === 'wrong-team') return reply.code(403).send(apiError('team_mismatch', messages.teamMismatch));
      return { results: outcome.results };
    },
  );
}
