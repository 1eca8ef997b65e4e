import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Change } from '../../../shared/api/changes';
import { changesPath, changesResponseSchema } from '../../../shared/api/changes';
import type { Dossier } from '../../../shared/api/dossier';
import { handoverPath, handoverPaths } from '../../../shared/api/handover';
import { availableBackends } from '../test-support/backends';
import type { Harness } from '../test-support/harness';
import { count, createHarness } from '../test-support/harness';
import { addSchuldhulpTeam, bearer, dossierFor, pushVersion, sendCase, versionRequest, withdrawConsent } from '../test-support/handover';

const day = 86_400_000;
const note = 'Graag de schulden van mevrouw op een rij, met de bedragen.';

/** The counsellor's explanation with a return reaches the worker who sent the dossier, and is deleted with the dossier. */
describe.each(availableBackends())('the return note in the change feed on $name', (backend) => {
  let h: Harness;
  const tokens: Record<string, string> = {};
  let n = 900;

  const handOver = async () => {
    const dossier = dossierFor(++n, h.clock.now().toISOString().slice(0, 10));
    await sendCase(h, tokens.worker!, dossier.caseId);
    const req = versionRequest(dossier);
    expect((await pushVersion(h, tokens.worker!, req)).statusCode).toBe(201);
    return { dossierId: req.dossierId, dossier };
  };
  const act = async (dossierId: string, action: 'accept' | 'return' | 'close', payload: object = {}) => {
    const res = await h.app.inject({ method: 'POST', url: handoverPath(handoverPaths[action], { dossierId }), headers: bearer(tokens['sh-1']!), payload });
    expect(res.statusCode, res.body).toBe(200);
  };
  const feedOf = async (caseId: string, who = 'worker'): Promise<Change[]> => {
    const res = await h.app.inject({ method: 'GET', url: `${changesPath}?since=0&limit=1000`, headers: bearer(tokens[who]!) });
    expect(res.statusCode).toBe(200);
    return changesResponseSchema.parse(res.json()).changes.filter((c) => c.caseId === caseId && c.entity === 'dossier');
  };
  const notesStored = (caseId: string) => count(h.db, 'changes WHERE case_id = $1::uuid AND note IS NOT NULL', [caseId]);
  const withdraw = (d: Dossier) => withdrawConsent(h, tokens.worker!, d, h.clock.now().toISOString().slice(0, 10));

  beforeAll(async () => {
    h = await createHarness(backend, { retentionDays: 30, retentionIntervalMs: 20, sessionTtlMs: 365 * day });
    await addSchuldhulpTeam(h);
    for (const u of ['worker', 'worker-b', 'sh-1']) tokens[u] = (await h.login(u)).token;
  });
  afterAll(async () => {
    await h.close();
  });

  it('carries the note with the return to the sending team’s worker, sealed at rest, and no note where none was written', async () => {
    const withNote = await handOver();
    await act(withNote.dossierId, 'return', { reason: 'incomplete', note: `  ${note}  ` });
    expect((await feedOf(withNote.dossier.caseId)).map((c) => [c.status, c.reason ?? null, c.note ?? null])).toEqual([
      ['received', null, null],
      ['returned', 'incomplete', note],
    ]);
    expect(await notesStored(withNote.dossier.caseId)).toBe(1);
    expect(await count(h.db, "changes WHERE encode(note, 'escape') LIKE '%schulden%'")).toBe(0);
    // Another team's worker never sees the change, let alone its note.
    expect(await feedOf(withNote.dossier.caseId, 'worker-b')).toEqual([]);

    const without = await handOver();
    await act(without.dossierId, 'return', { reason: 'not-debt-help' });
    const [, returned] = await feedOf(without.dossier.caseId);
    expect(returned).toMatchObject({ status: 'returned', reason: 'not-debt-help' });
    expect(returned).not.toHaveProperty('note');
  });

  it('deletes the note when the resident withdraws consent', async () => {
    const { dossierId, dossier } = await handOver();
    await act(dossierId, 'return', { reason: 'incomplete', note });
    expect(await notesStored(dossier.caseId)).toBe(1);
    expect((await withdraw(dossier)).statusCode).toBe(201);
    expect(await notesStored(dossier.caseId)).toBe(0);
    expect((await feedOf(dossier.caseId)).map((c) => [c.status, c.note ?? null])).toEqual([
      ['received', null],
      ['returned', null],
      ['withdrawn', null],
    ]);
  });

  // Last: it moves the clock.
  it('deletes the note with the dossier’s texts once the handover was closed the retention days ago', async () => {
    const { dossierId, dossier } = await handOver();
    await act(dossierId, 'return', { reason: 'incomplete', note });
    expect((await pushVersion(h, tokens.worker!, versionRequest(dossier, { dossierId, version: 2 }))).statusCode).toBe(201);
    await act(dossierId, 'accept');
    await act(dossierId, 'close');
    h.clock.advance(29 * day);
    await new Promise((r) => setTimeout(r, 100));
    expect(await notesStored(dossier.caseId)).toBe(1);
    h.clock.advance(2 * day);
    await vi.waitFor(async () => expect(await notesStored(dossier.caseId)).toBe(0), { timeout: 5_000, interval: 25 });
    expect((await feedOf(dossier.caseId)).find((c) => c.status === 'returned')).not.toHaveProperty('note');
  });
});
