import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dossier } from '../../../shared/api/dossier';
import type { DossierExportResponse } from '../../../shared/api/handover';
import { handoverPath, handoverPaths } from '../../../shared/api/handover';
import { availableBackends } from '../test-support/backends';
import type { Harness } from '../test-support/harness';
import { createHarness } from '../test-support/harness';
import { addSchuldhulpTeam, bearer, dossierFor, pushVersion, sendCase, versionRequest, withdrawConsent } from '../test-support/handover';

/** POST /api/v1/handovers/:dossierId/versions/:version/exports: the audit of the counsellor's PDF export (who, which version, when). */
describe.each(availableBackends())('recording a dossier export on $name', (backend) => {
  let h: Harness;
  const tokens: Record<string, string> = {};
  const userIds: Record<string, string> = {};
  let n = 700;

  const handOver = async (validUntil?: string) => {
    const base = dossierFor(++n);
    const d: Dossier = { ...base, consent: { ...base.consent, validUntil: validUntil ?? base.consent.validUntil } };
    await sendCase(h, tokens.worker!, d.caseId);
    const req = versionRequest(d);
    expect((await pushVersion(h, tokens.worker!, req)).statusCode).toBe(201);
    return { dossierId: req.dossierId, dossier: d };
  };
  const exportOf = (dossierId: string, version: number | string, who = 'sh-1', payload: unknown = {}) =>
    h.app.inject({ method: 'POST', url: handoverPath(handoverPaths.versionExport, { dossierId, version }), headers: bearer(tokens[who]!), payload: payload as object });
  const auditOf = async (entityId: string) =>
    (
      await h.db.query<{ user_id: string | null; action: string; entity_type: string; entity_id: string; outcome: string; at: string }>(
        `SELECT user_id::text AS user_id, action, entity_type, entity_id, outcome, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') AS at FROM audit_log WHERE entity_id = $1 AND action = 'dossier.export' ORDER BY id`,
        [entityId],
      )
    ).rows;

  beforeAll(async () => {
    h = await createHarness(backend);
    await addSchuldhulpTeam(h);
    for (const u of ['worker', 'counsellor', 'teamlead', 'sh-1', 'sh-lead']) tokens[u] = (await h.login(u)).token;
    for (const r of (await h.db.query<{ username: string; user_id: string }>('SELECT username, user_id::text AS user_id FROM users')).rows) userIds[r.username] = r.user_id;
  });
  afterAll(async () => {
    await h.close();
  });

  it('writes who exported which version and when to the audit log, with ids only, and answers that with 201', async () => {
    const { dossierId, dossier } = await handOver();
    h.clock.advance(90_000);
    const res = await exportOf(dossierId, 1);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<DossierExportResponse>()).toEqual({ dossierId, version: 1, exportedAt: '2026-03-02T09:01:30.000Z' });
    const rows = await auditOf(`${dossierId}:1`);
    expect(rows).toEqual([{ user_id: userIds['sh-1'], action: 'dossier.export', entity_type: 'dossier', entity_id: `${dossierId}:1`, outcome: 'ok', at: '2026-03-02T09:01:30' }]);
    // Nothing of the resident in the row or the answer.
    const written = JSON.stringify(rows) + res.body;
    for (const text of [dossier.client.name, dossier.hulpvraag, dossier.client.town]) expect(written).not.toContain(text);
    // A second export is a second row: each paper copy is on record.
    expect((await exportOf(dossierId, 1)).statusCode).toBe(201);
    expect(await auditOf(`${dossierId}:1`)).toHaveLength(2);
  });

  it('refuses a version the hub does not have, another team’s dossier, and roles that may not read dossiers, each on record', async () => {
    const { dossierId } = await handOver();
    const missing = await exportOf(dossierId, 2);
    expect([missing.statusCode, missing.json<{ error: string }>().error]).toEqual([404, 'handover_not_found']);
    expect((await auditOf(`${dossierId}:2`)).map((r) => r.outcome)).toEqual(['rejected']);
    const otherTeam = await exportOf(dossierId, 1, 'counsellor');
    expect([otherTeam.statusCode, otherTeam.json<{ error: string }>().error]).toEqual([404, 'handover_not_found']);
    expect((await exportOf(randomUUID(), 1)).statusCode).toBe(404);
    for (const who of ['worker', 'teamlead', 'sh-lead']) expect((await exportOf(dossierId, 1, who)).statusCode, who).toBe(403);
    expect((await auditOf(`${dossierId}:1`)).map((r) => [r.user_id, r.outcome])).toEqual([[userIds.counsellor, 'denied']]);
  });

  it('refuses once consent is withdrawn (410) or has ended (403 consent_expired)', async () => {
    const withdrawn = await handOver();
    expect((await withdrawConsent(h, tokens.worker!, withdrawn.dossier)).statusCode).toBe(201);
    const gone = await exportOf(withdrawn.dossierId, 1);
    expect([gone.statusCode, gone.json<{ error: string }>().error]).toEqual([410, 'dossier_withdrawn']);

    const lastDay = await handOver('2026-03-02');
    expect((await exportOf(lastDay.dossierId, 1)).statusCode).toBe(201); // its last day
    h.clock.advance(24 * 3_600_000); // its consent has ended, and yesterday's sessions too
    for (const u of Object.keys(tokens)) tokens[u] = (await h.login(u)).token;
    const ended = await exportOf(lastDay.dossierId, 1);
    expect([ended.statusCode, ended.json<{ error: string }>().error]).toEqual([403, 'consent_expired']);
    expect((await auditOf(`${lastDay.dossierId}:1`)).map((r) => r.outcome)).toEqual(['ok', 'denied']);
  });

  it('answers a bad dossier id, version or body with 400 and records no export', async () => {
    const { dossierId } = await handOver();
    const before = await h.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'dossier.export' AND outcome = 'ok'`);
    for (const [id, version, body] of [
      ['niet-een-id', 1, {}],
      [dossierId, 0, {}],
      [dossierId, 'een', {}],
      [dossierId, 100_001, {}],
      [dossierId, 1, { version: 1 }],
      [dossierId, 1, { name: 'Bart' }],
    ] as const) {
      const res = await exportOf(id, version, 'sh-1', body);
      expect([res.statusCode, res.json<{ error: string }>().error], `${id} ${version} ${JSON.stringify(body)}`).toEqual([400, 'bad_request']);
    }
    const after = await h.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'dossier.export' AND outcome = 'ok'`);
    expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
  });
});
