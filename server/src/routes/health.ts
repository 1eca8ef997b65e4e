import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrorSchema } from '../../../shared/api/auth';
import { apiPaths } from '../../../shared/api/cases';
import type { Db } from '../db/database';
import { apiError, messages } from '../plugins/errors';

export const healthResponseSchema = z.object({ status: z.literal('ok'), db: z.literal('ok') });

export function registerHealthRoutes(app: FastifyInstance, db: Db): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    apiPaths.health,
    {
      schema: {
        summary: 'Is the hub up and can it reach its database?',
        response: { 200: healthResponseSchema, 503: apiErrorSchema },
      },
    },
    async (request, reply) => {
      try {
        await db.query('SELECT 1');
        return { status: 'ok' as const, db: 'ok' as const };
      } catch (error) {
        request.log.error({ err: error }, 'health check: database unreachable');
        return reply.code(503).send(apiError('unavailable', messages.unavailable));
      }
    },
  );

  app.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());
}
