import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { apiErrorSchema } from '../../../shared/api/auth';
import type { HubErrorCode } from '../../../shared/api/errors';
import {
  acceptRequestSchema,
  closeRequestSchema,
  decisionRequestSchema,
  dossierExportRequestSchema,
  dossierExportResponseSchema,
  handoverDossierResponseSchema,
  handoverListQuerySchema,
  handoverListResponseSchema,
  handoverParamsSchema,
  handoverPaths,
  handoverSummarySchema,
  handoverVersionParamsSchema,
  planRequestSchema,
  returnRequestSchema,
} from '../../../shared/api/handover';
import { currentUser, requirePermission } from '../plugins/auth';
import type { AuthService } from '../services/auth-service';
import type { ActionBody, HandoverRefusal, HandoverResult, HandoverService } from '../services/handover-service';
import { handoverError } from './handover-messages';

const refusals: Record<HandoverRefusal, { status: 403 | 404 | 409 | 410 | 422; code: HubErrorCode }> = {
  'not-found': { status: 404, code: 'handover_not_found' },
  withdrawn: { status: 410, code: 'dossier_withdrawn' },
  'consent-expired': { status: 403, code: 'consent_expired' },
  'status-conflict': { status: 409, code: 'handover_status_conflict' },
  'decision-before-first-conversation': { status: 422, code: 'decision_before_first_conversation' },
  'decision-in-future': { status: 422, code: 'decision_in_future' },
  'first-conversation-before-handover': { status: 422, code: 'first_conversation_before_handover' },
  'first-conversation-too-far-ahead': { status: 422, code: 'first_conversation_too_far_ahead' },
};

const send = <T>(reply: FastifyReply, result: HandoverResult<T>) => {
  if (result.ok) return reply.code(200).send(result.value);
  const { status, code } = refusals[result.refusal];
  return reply.code(status).send(handoverError(code));
};

const errors = { 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema, 404: apiErrorSchema, 410: apiErrorSchema };

export function registerHandoverRoutes(app: FastifyInstance, { auth, handovers }: { auth: AuthService; handovers: HandoverService }): void {
  const zapp = app.withTypeProvider<ZodTypeProvider>();

  zapp.get(
    handoverPaths.handovers,
    {
      onRequest: requirePermission(auth, 'dossier.read'),
      schema: {
        summary: "One page of the handovers sent to the counsellor's team, most pressing first.",
        description:
          'Sorted by the Wgs deadline that matters now (the first conversation, then the decision): overdue first, then crises waiting for their ' +
          "first conversation, then the rest by deadline, then by arrival. view=open (default) leaves out returned and closed ones; withdrawn ones and " +
          "those whose consent has ended never show. Filters: status, urgent, area (postcode), worker (who registered the case), q (name, town " +
          'or postcode). Pass `nextCursor` as `cursor` for the next page (a keyset: no row skipped or repeated when rows above it change), ' +
          'and an earlier `asOf` as `since` to learn how many arrived and which were withdrawn since. Every handover shown is audited; ' +
          'a bad parameter is 400 bad_request with the field named.',
        security: [{ bearer: [] }],
        querystring: handoverListQuerySchema,
        response: { 200: handoverListResponseSchema, 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema },
      },
    },
    (request) => handovers.list(currentUser(request), request.query),
  );

  zapp.get(
    handoverPaths.handover,
    {
      onRequest: requirePermission(auth, 'dossier.read'),
      schema: {
        summary: 'Read the latest version of a dossier sent to your team (audited).',
        description: '404 handover_not_found also for another team\'s handover; 410 dossier_withdrawn; 403 consent_expired.',
        security: [{ bearer: [] }],
        params: handoverParamsSchema,
        response: { 200: handoverDossierResponseSchema, ...errors },
      },
    },
    async (request, reply) => send(reply, await handovers.read(currentUser(request), request.params.dossierId)),
  );

  zapp.get(
    handoverPaths.handoverVersion,
    {
      onRequest: requirePermission(auth, 'dossier.read'),
      schema: {
        summary: 'Read an older (or any) version of a dossier sent to your team (audited).',
        security: [{ bearer: [] }],
        params: handoverVersionParamsSchema,
        response: { 200: handoverDossierResponseSchema, ...errors },
      },
    },
    async (request, reply) => send(reply, await handovers.read(currentUser(request), request.params.dossierId, request.params.version)),
  );

  zapp.post(
    handoverPaths.versionExport,
    {
      onRequest: requirePermission(auth, 'dossier.read'),
      schema: {
        summary: 'Record that you put this version of a dossier on paper (the PDF export), before you make it (audited).',
        description:
          "Allowed exactly when reading the version is: only the recipient team's counsellor, only while consent stands. The audit log " +
          "keeps who, which dossier and version, and when (ids only). The office makes the PDF only after a 201. " +
          "404 handover_not_found also for another team's handover or a version that is not stored; 410 dossier_withdrawn; 403 consent_expired.",
        security: [{ bearer: [] }],
        params: handoverVersionParamsSchema,
        body: dossierExportRequestSchema,
        response: { 201: dossierExportResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const result = await handovers.recordExport(currentUser(request), request.params.dossierId, request.params.version);
      if (result.ok) return reply.code(201).send(result.value);
      return send(reply, result);
    },
  );

  const actions = [
    { path: handoverPaths.accept, body: acceptRequestSchema, summary: 'Accept the handover: you become the contact person.', toBody: (b: object) => ({ action: 'accept', ...b }) },
    { path: handoverPaths.return, body: returnRequestSchema, summary: 'Return the handover to the buurtteam, with a reason from the list and optional text.', toBody: (b: object) => ({ action: 'return', ...b }) },
    { path: handoverPaths.plan, body: planRequestSchema, summary: 'Plan (or move) the first conversation: when, and where or by phone.', toBody: (b: object) => ({ action: 'plan', ...b }) },
    { path: handoverPaths.decision, body: decisionRequestSchema, summary: 'Record the decision (beschikking) with its date.', toBody: (b: object) => ({ action: 'decision', ...b }) },
    { path: handoverPaths.close, body: closeRequestSchema, summary: 'Close the handover.', toBody: (b: object) => ({ action: 'close', ...b }) },
  ] as const;

  for (const a of actions) {
    zapp.post(
      a.path,
      {
        onRequest: requirePermission(auth, 'handover.status'),
        schema: {
          summary: a.summary,
          description:
            'Moves the status as shared/api/handover.ts handoverTransitions says and writes it to the change feed in the same transaction, so it reaches ' +
            "the worker's device. With `revision`, acts only if the handover has not changed since. Two counsellors at once: one wins, the other gets " +
            '409 handover_status_conflict. 404 handover_not_found, 410 dossier_withdrawn, 403 consent_expired.',
          security: [{ bearer: [] }],
          params: handoverParamsSchema,
          body: a.body,
          response: { 200: handoverSummarySchema, ...errors, 409: apiErrorSchema, ...(a.path === handoverPaths.decision || a.path === handoverPaths.plan ? { 422: apiErrorSchema } : {}) },
        },
      },
      async (request, reply) => send(reply, await handovers.act(currentUser(request), request.params.dossierId, a.toBody(request.body as object) as ActionBody)),
    );
  }
}
