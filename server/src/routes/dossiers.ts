import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrorSchema } from '../../../shared/api/auth';
import { idempotencyKeyHeader, idempotencyKeySchema } from '../../../shared/api/cases';
import { maxDossierBytes } from '../../../shared/api/dossier';
import type { DossierBatchResult } from '../../../shared/api/handover';
import {
  consentWithdrawalRequestSchema,
  consentWithdrawalResponseSchema,
  dossierBatchRequestSchema,
  dossierBatchResponseSchema,
  dossierVersionErrorSchema,
  dossierVersionRequestSchema,
  dossierVersionResponseSchema,
  handoverPaths,
  maxDossierBatchBytes,
  maxDossierBatchItems,
} from '../../../shared/api/handover';
import { currentUser, requirePermission } from '../plugins/auth';
import type { AuthService } from '../services/auth-service';
import type { DossierService } from '../services/dossier-service';
import { handoverError, refusalBody } from './handover-messages';

const signedIn = { 401: apiErrorSchema, 403: dossierVersionErrorSchema };

export function registerDossierRoutes(app: FastifyInstance, { auth, dossiers }: { auth: AuthService; dossiers: DossierService }): void {
  const zapp = app.withTypeProvider<ZodTypeProvider>();

  zapp.post(
    handoverPaths.dossiers,
    {
      onRequest: requirePermission(auth, 'dossier.write'),
      schema: {
        summary: 'Send one version of a dossier for a case of the own team. Idempotent on the Idempotency-Key header.',
        description:
          `The body \`dossier\` is a Dossier (shared/api/dossier.ts), at most ${maxDossierBytes} bytes as UTF-8 JSON, stored encrypted. ` +
          'Versions go 1, 2, 3 … per dossierId: a repeat of a stored number is 409 dossier_version_conflict, a number past the next is 409 dossier_version_gap, ' +
          'both with `latestVersion`. A repeat with the same key and body answers 201 again with header Idempotent-Replayed: true. ' +
          '413 dossier_too_large; 422 consent_missing, consent_not_valid, consent_withdrawn, unknown_recipient, recipient_not_consented, dossier_mismatch, ' +
          'idempotency_key_reused; 404 case_not_found (send the case first); 403 case_of_other_team.',
        security: [{ bearer: [] }],
        headers: z.looseObject({ [idempotencyKeyHeader]: idempotencyKeySchema }),
        body: dossierVersionRequestSchema,
        response: {
          201: dossierVersionResponseSchema,
          400: dossierVersionErrorSchema,
          ...signedIn,
          404: dossierVersionErrorSchema,
          409: dossierVersionErrorSchema,
          413: dossierVersionErrorSchema,
          422: dossierVersionErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const [outcome] = await dossiers.push(currentUser(request), [{ idempotencyKey: request.headers[idempotencyKeyHeader], request: request.body }]);
      if (!outcome) throw new Error('dossier push gave no outcome');
      if (outcome.kind === 'refused') return reply.code(outcome.refusal.status).send(refusalBody(outcome.refusal));
      if (outcome.kind === 'replayed') reply.header('idempotent-replayed', 'true');
      return reply.code(outcome.status).send(outcome.response);
    },
  );

  zapp.post(
    handoverPaths.dossierBatch,
    {
      onRequest: requirePermission(auth, 'dossier.write'),
      bodyLimit: maxDossierBatchBytes,
      schema: {
        summary: `Send up to ${maxDossierBatchItems} dossier versions at once, each idempotent on its own key.`,
        description:
          'Each item is handled as POST /api/v1/dossiers would handle it with that Idempotency-Key, and gets its own status and body; ' +
          'one item failing does not fail the others. Two versions of one dossier in a batch are taken in their order. ' +
          `A bad envelope (no items, more than ${maxDossierBatchItems}, a key that is not a UUID) gives 400 for the whole request and stores nothing.`,
        security: [{ bearer: [] }],
        body: dossierBatchRequestSchema,
        response: { 200: dossierBatchResponseSchema, 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema },
      },
    },
    async (request) => {
      const outcomes = await dossiers.push(currentUser(request), request.body.items);
      const results = outcomes.map((outcome, i): DossierBatchResult => {
        const idempotencyKey = request.body.items[i]!.idempotencyKey;
        if (outcome.kind === 'refused') return { idempotencyKey, ok: false, status: outcome.refusal.status, body: refusalBody(outcome.refusal) };
        return { idempotencyKey, ok: true, status: outcome.kind === 'stored' ? 201 : 200, body: outcome.response };
      });
      return { results };
    },
  );

  zapp.post(
    handoverPaths.consentWithdrawals,
    {
      onRequest: requirePermission(auth, 'dossier.write'),
      schema: {
        summary: 'The resident withdrew consent: delete the dossier bodies of the case. Idempotent on the Idempotency-Key header.',
        description:
          "Every dossier of the case stops showing to the recipient team, its bodies and sealed texts are deleted, an audit stub stays, and the change feed reports 'withdrawn'. " +
          'A dossier that arrives later with this consent is refused (422 consent_withdrawn). A repeat with the same key answers 201 again with Idempotent-Replayed: true.',
        security: [{ bearer: [] }],
        headers: z.looseObject({ [idempotencyKeyHeader]: idempotencyKeySchema }),
        body: consentWithdrawalRequestSchema,
        response: { 201: consentWithdrawalResponseSchema, 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema, 404: apiErrorSchema, 422: apiErrorSchema },
      },
    },
    async (request, reply) => {
      const outcome = await dossiers.withdraw(currentUser(request), request.headers[idempotencyKeyHeader], request.body);
      switch (outcome.kind) {
        case 'case-not-found':
          return reply.code(404).send(handoverError('case_not_found'));
        case 'case-of-other-team':
          return reply.code(403).send(handoverError('case_of_other_team'));
        case 'key-reused':
          return reply.code(422).send(handoverError('idempotency_key_reused'));
        case 'replayed':
          return reply.code(201).header('idempotent-replayed', 'true').send(outcome.response);
        case 'withdrawn':
          return reply.code(201).send(outcome.response);
      }
    },
  );
}
