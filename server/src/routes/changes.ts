import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { apiErrorSchema } from '../../../shared/api/auth';
import { changesPath, changesQuerySchema, changesResponseSchema } from '../../../shared/api/changes';
import { currentUser, requirePermission } from '../plugins/auth';
import type { AuthService } from '../services/auth-service';
import type { ChangeFeed } from '../services/changes';

export function registerChangeRoutes(app: FastifyInstance, { auth, feed }: { auth: AuthService; feed: ChangeFeed }): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    changesPath,
    {
      onRequest: requirePermission(auth, 'changes.read'),
      schema: {
        summary: "Status changes of any kind for the caller's records, after a checkpoint.",
        description:
          'Pass the last answer\'s `checkpoint` as `since`; while `more` is true, pull again at once. ' +
          'The checkpoint is a hub-wide position: a change is published in the same transaction as the status it reports.',
        security: [{ bearer: [] }],
        querystring: changesQuerySchema,
        response: { 200: changesResponseSchema, 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema },
      },
    },
    (request) => feed.read(currentUser(request), request.query.since, request.query.limit),
  );
}
