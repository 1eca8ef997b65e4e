import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrorSchema } from '../../../shared/api/auth';
import type { CaseBatchItem, CaseBatchResult } from '../../../shared/api/cases';
import { apiPaths, caseBatchRequestSchema, caseBatchResponseSchema, maxBatchItems, newCaseRequestSchema } from '../../../shared/api/cases';
import { currentUser, requirePermission } from '../plugins/auth';
import { apiError, messages } from '../plugins/errors';
import type { AuthService } from '../services/auth-service';
import type { CaseService } from '../services/case-service';

const dutchZodErrors = z.locales.nl().localeError;

/** A date PostgreSQL accepts: no year 0000, no 30 February. One multi-row statement must never see a bad one, or the whole batch fails. */
const storableDate = (openedAt: string): boolean => {
  const day = openedAt.slice(0, 10);
  const time = Date.parse(`${day}T00:00:00Z`);
  return !day.startsWith('0000') && !Number.isNaN(time) && new Date(time).toISOString().startsWith(day);
};

export const storableCaseSchema = newCaseRequestSchema.refine((c) => storableDate(c.openedAt), { message: messages.outOfRange, path: ['openedAt'] });

type Checked = { ok: true; item: CaseBatchItem } | { ok: false; result: CaseBatchResult };

function checkItem(idempotencyKey: string, raw: unknown): Checked {
  const parsed = storableCaseSchema.safeParse(raw, { error: dutchZodErrors });
  if (parsed.success) return { ok: true, item: { idempotencyKey, case: parsed.data } };
  const issues = parsed.error.issues.map((issue) => ({ path: ['case', ...issue.path.map(String)].join('.'), message: issue.message }));
  return { ok: false, result: { idempotencyKey, status: 400, body: apiError('bad_request', messages.badRequest, issues) } };
}

export function registerCaseBatchRoute(app: FastifyInstance, { auth, cases }: { auth: AuthService; cases: CaseService }): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    apiPaths.caseBatch,
    {
      onRequest: requirePermission(auth, 'case.create'),
      schema: {
        summary: `Send up to ${maxBatchItems} new cases at once, each idempotent on its own key.`,
        description:
          'Each item is handled as POST /api/v1/cases would handle it with that Idempotency-Key, and gets its own status: ' +
          '201 created; 200 a replay (same key, same body, same user) with the first answer; 400 the case is not valid; ' +
          '409 the caseId was received under another key; 422 the key was used for other data. One item failing does not fail the others. ' +
          'A bad envelope (no items, more than 500, a key that is not a UUID) gives 400 for the whole request and writes nothing.',
        security: [{ bearer: [] }],
        body: caseBatchRequestSchema,
        response: { 200: caseBatchResponseSchema, 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema },
      },
    },
    async (request) => {
      const checked = request.body.items.map((item) => checkItem(item.idempotencyKey, item.case));
      const valid = checked.flatMap((c) => (c.ok ? [c.item] : []));
      const outcomes = await cases.createMany(currentUser(request), valid);
      let next = 0;
      const results = checked.map((c): CaseBatchResult => {
        if (!c.ok) return c.result;
        const { idempotencyKey } = c.item;
        const outcome = outcomes[next++];
        switch (outcome?.kind) {
          case 'created':
            return { idempotencyKey, status: 201, body: outcome.response };
          case 'replayed':
            return { idempotencyKey, status: 200, body: outcome.response };
          case 'key-reused':
            return { idempotencyKey, status: 422, body: apiError('idempotency_key_reused', messages.keyReused) };
          case 'case-exists':
            return { idempotencyKey, status: 409, body: apiError('case_exists', messages.caseExists) };
          case undefined:
            throw new Error('case batch returned fewer outcomes than items');
        }
      });
      return { results };
    },
  );
}
