import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrorSchema } from '../../../shared/api/auth';
import {
  apiPaths,
  caseChangesQuerySchema,
  caseChangesResponseSchema,
  caseListResponseSchema,
  idempotencyKeyHeader,
  idempotencyKeySchema,
  newCaseRequestSchema,
  newCaseResponseSchema,
} from '../../../shared/api/cases';
import { currentUser, requireRole } from '../plugins/auth';
import { apiError, messages } from '../plugins/errors';
import type { AuthService } from '../services/auth-service';
import type { CaseService } from '../services/case-service';
import { registerCaseBatchRoute } from './cases-batch';

const errors = { 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema };

export function registerCaseRoutes(app: FastifyInstance, { auth, cases }: { auth: AuthService; cases: CaseService }): void {
  const zapp = app.withTypeProvider<ZodTypeProvider>();
  registerCaseBatchRoute(app, { auth, cases });

  zapp.post(
    apiPaths.cases,
    {
      onRequest: requireRole(auth, 'worker'),
      schema: {
        summary: 'Send a new case (no personal data). Idempotent on the Idempotency-Key header.',
        description:
          'A repeat with the same key and body from the same user answers with the first response and status 201 again, ' +
          'with header Idempotent-Replayed: true. The same key with another body gives 422; the same caseId under another key gives 409.',
        security: [{ bearer: [] }],
        headers: z.looseObject({ [idempotencyKeyHeader]: idempotencyKeySchema }),
        body: newCaseRequestSchema,
        response: { 201: newCaseResponseSchema, ...errors, 409: apiErrorSchema, 422: apiErrorSchema },
      },
    },
    async (request, reply) => {
      const key = request.headers[idempotencyKeyHeader];
      const outcome = await cases.create(currentUser(request), key, request.body);
      switch (outcome.kind) {
        case 'key-reused':
          return reply.code(422).send(apiError('idempotency_key_reused', messages.keyReused));
        case 'case-exists':
          return reply.code(409).send(apiError('case_exists', messages.caseExists));
        case 'replayed':
          return reply.code(outcome.statusCode).header('idempotent-replayed', 'true').send(outcome.response);
        case 'created':
          return reply.code(201).send(outcome.response);
      }
    },
  );

  zapp.get(
    apiPaths.caseChanges,
    {
      onRequest: requireRole(auth, 'worker'),
      schema: {
        summary: "Status changes of the own team's cases after a checkpoint.",
        security: [{ bearer: [] }],
        querystring: caseChangesQuerySchema,
        response: { 200: caseChangesResponseSchema, ...errors },
      },
    },
    (request) => cases.changes(currentUser(request), request.query.since),
  );

  zapp.get(
    apiPaths.cases,
    {
      onRequest: requireRole(auth, 'worker', 'teamlead'),
      schema: {
        summary: "The own team's cases.",
        security: [{ bearer: [] }],
        response: { 200: caseListResponseSchema, ...errors },
      },
    },
    (request) => cases.list(currentUser(request)),
  );
}
