import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { apiPaths } from '../../../shared/api/cases';
import type { Dossier } from '../../../shared/api/dossier';
import type { DossierVersionRequest } from '../../../shared/api/handover';
import { handoverPaths } from '../../../shared/api/handover';
import { realisticDossier } from '../../../shared/domain/fixtures/realistic';
import { holidays, lifeDomains, recipients, settings, signalCatalogue } from '../../../resources/index';
import { argon2Hasher } from '../services/passwords';
import type { Harness } from './harness';
import { newCase, password } from './harness';

export const recipientId = 'schuldhulp-heerlen';
const ctx = { lifeDomains, signalCatalogue, settings, holidays, recipients };

/** A realistic dossier built on the harness's day (2 March 2026), for a case of its own. */
export const dossierFor = (n: number, today = '2026-03-02'): Dossier => realisticDossier(n, ctx, today);

/** The team that receives schuldhulp-heerlen's dossiers, with two counsellors and a team lead of its own. */
export async function addSchuldhulpTeam(h: Harness): Promise<string> {
  const team = await h.db.query<{ team_id: string }>('SELECT team_id::text AS team_id FROM recipient_teams WHERE recipient_id = $1', [recipientId]);
  const teamId = team.rows[0]?.team_id;
  if (!teamId) throw new Error('recipient team missing: is the app ready?');
  const hash = await argon2Hasher.hash(password);
  for (const [username, role] of [['sh-1', 'counsellor'], ['sh-2', 'counsellor'], ['sh-lead', 'teamlead']] as const) {
    await h.db.query('INSERT INTO users (user_id, username, display_name, password_hash, role, team_id) VALUES ($1, $2, $3, $4, $5, $6)', [
      randomUUID(),
      username,
      `Consulent ${username}`,
      hash,
      role,
      teamId,
    ]);
  }
  return teamId;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Sends the case of a dossier first, as the device's outbox does. */
export async function sendCase(h: Harness, token: string, caseId: string): Promise<void> {
  const res = await h.app.inject({ method: 'POST', url: apiPaths.cases, headers: { ...bearer(token), 'idempotency-key': randomUUID() }, payload: newCase({ caseId }) });
  if (res.statusCode !== 201) throw new Error(`case ${caseId}: ${res.statusCode} ${res.body}`);
}

export const versionRequest = (dossier: Dossier, over: Partial<DossierVersionRequest> = {}): DossierVersionRequest => ({
  dossierId: randomUUID(),
  caseId: dossier.caseId,
  recipientId,
  version: 1,
  dossier,
  ...over,
});

export function pushVersion(h: Harness, token: string, body: unknown, key: string = randomUUID()): Promise<LightMyRequestResponse> {
  return h.app.inject({ method: 'POST', url: handoverPaths.dossiers, headers: { ...bearer(token), 'idempotency-key': key }, payload: body as object });
}

/** The worker sends the resident's withdrawal of the consent under this dossier, as the device's outbox does. */
export function withdrawConsent(h: Harness, token: string, dossier: Pick<Dossier, 'caseId' | 'consent'>, withdrawnOn = '2026-03-02'): Promise<LightMyRequestResponse> {
  return h.app.inject({
    method: 'POST',
    url: handoverPaths.consentWithdrawals,
    headers: { ...bearer(token), 'idempotency-key': randomUUID() },
    payload: { caseId: dossier.caseId, consentId: dossier.consent.consentId, withdrawnOn },
  });
}
