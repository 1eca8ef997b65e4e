import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrorSchema } from '../../../shared/api/auth';
import {
  apiPaths,
  caseChangesQuerySchema,
  caseChangesResponseSchema,
  caseListQuerySchema,
  caseListResponseSchema,
  idempotencyKeyHeader,
  idempotencyKeySchema,
  newCaseResponseSchema,
} from '../../../shared/api/cases';
import { currentUser, requirePermission } from '../plugins/auth';
import { apiError, messages } from '../plugins/errors';
import type { AuthService } from '../services/auth-service';
import type { CaseService } from '../services/case-service';
import { registerCaseBatchRoute, storableCaseSchema } from './cases-batch';

const errors = { 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema };

export function registerCaseRoutes(app: FastifyInstance, { auth, cases }: { auth: AuthService; cases: CaseService }): void {
  const zapp = app.withTypeProvider<ZodTypeProvider>();
  registerCaseBatchRoute(app, { auth, cases });

  zapp.post(
    apiPaths.cases,
    {
      onRequest: requirePermission(auth, 'case.create'),
      schema: {
        summary: 'Send a new case (no personal data). Idempotent on the Idempotency-Key header.',
        description:
          'A repeat with the same key and body from the same user answers with the first response and status 201 again, ' +
          'with header Idempotent-Replayed: true. The same key with another body gives 422; the same caseId under another key gives 409. ' +
          'openedAt may be a date or (older devices) a datetime; the hub keeps the date in Dutch time.',
        security: [{ bearer: [] }],
        headers: z.looseObject({ [idempotencyKeyHeader]: idempotencyKeySchema }),
        body: storableCaseSchema,
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
          return reply.code(outcome.status).header('idempotent-replayed', 'true').send(outcome.response);
        case 'created':
          return reply.code(201).send(outcome.response);
      }
    },
  );

  zapp.get(
    apiPaths.caseChanges,
    {
      onRequest: requirePermission(auth, 'changes.read'),
      schema: {
        summary: "New cases of the own team after a checkpoint (the first feed; GET /api/v1/changes carries every status).",
        security: [{ bearer: [] }],
        querystring: caseChangesQuerySchema,
        response: { 200: caseChangesResponseSchema, ...errors },
      },
    },
    (request) => cases.caseChanges(currentUser(request), request.query.since),
  );

  zapp.get(
    apiPaths.cases,
    {
      onRequest: requirePermission(auth, 'case.list'),
      schema: {
        summary: "One page of the own team's cases, oldest first.",
        description: 'Pass `nextCursor` as `cursor` for the next page; it is null on the last page.',
        security: [{ bearer: [] }],
        querystring: caseListQuerySchema,
        response: { 200: caseListResponseSchema, ...errors },
      },
    },
    (request) => cases.list(currentUser(request), request.query),
  );
}
