import type { z } from 'zod';
import { dossierSchema } from '../../../../shared/api/dossier';
import { dossierVersionRequestSchema, maxDossierBatchItems } from '../../../../shared/api/handover';
import { hubError } from '../hub-client';
import { confirmed, defineKind, refused } from './kind';
import type { ItemOutcome } from './kind';

import { DOSSIER_KIND, dossierEntity } from '../../data/outbox-port';

export { DOSSIER_KIND, dossierEntity };

/** A dossier version: the envelope of POST /api/v1/dossiers with the built dossier itself as its body. */
export const dossierMessageSchema = dossierVersionRequestSchema.extend({ dossier: dossierSchema }).superRefine((m, ctx) => {
  if (m.dossier.caseId !== m.caseId) ctx.addIssue({ code: 'custom', path: ['dossier', 'caseId'], message: 'Het dossier hoort bij een ander huishouden.' });
});
export type DossierMessage = z.infer<typeof dossierMessageSchema>;

/**
 * One version of a warm-handover dossier for one recipient, sent in batches to POST /api/v1/dossiers/batch.
 * Version 1 waits until the hub confirmed its case (new-case); every later version waits for the version
 * before it, so the hub never sees a gap.
 */
export const dossierKind = defineKind({
  name: DOSSIER_KIND,
  body: dossierMessageSchema,
  // ~13 KB each: 20 keeps one request small, well under the route's limit.
  batchSize: Math.min(20, maxDossierBatchItems),
  entityOf: (body) => dossierEntity(body.dossierId, body.version),
  waitsFor: (body) =>
    body.version === 1 ? { kind: 'new-case', entityId: body.caseId } : { kind: DOSSIER_KIND, entityId: dossierEntity(body.dossierId, body.version - 1) },
  async send(hub, items) {
    const answer = await hub.postDossiers(items.map(({ key, body }) => ({ idempotencyKey: key, request: body })));
    if (answer.kind !== 'ok') return answer;
    const outcomes = new Map<string, ItemOutcome>();
    for (const result of answer.value.results) {
      outcomes.set(result.idempotencyKey, result.ok ? confirmed(Date.parse(result.body.receivedAt)) : refused(hubError(result.body)));
    }
    return { kind: 'ok', value: outcomes };
  },
});
