import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { handoverPath, handoverPaths } from '../../../shared/api/handover';
import { availableBackends } from '../test-support/backends';
import type { Harness } from '../test-support/harness';
import { count, createHarness } from '../test-support/harness';
import { addSchuldhulpTeam, bearer, dossierFor, pushVersion, sendCase, versionRequest } from '../test-support/handover';

const day = 86_400_000;

describe.each(availableBackends())('hub retention of closed handovers on $name', (backend) => {
  let h: Harness;
  const tokens: Record<string, string> = {};
  let n = 700;

  const handOver = async () => {
    const d = dossierFor(++n, h.clock.now().toISOString().slice(0, 10));
    await sendCase(h, tokens.worker!, d.caseId);
    const req = versionRequest(d);
    expect((await pushVersion(h, tokens.worker!, req)).statusCode).toBe(201);
    return req.dossierId;
  };
  const act = async (dossierId: string, action: 'accept' | 'close') => {
    const res = await h.app.inject({ method: 'POST', url: handoverPath(handoverPaths[action], { dossierId }), headers: bearer(tokens['sh-1']!), payload: {} });
    expect(res.statusCode).toBe(200);
  };
  const bodies = (dossierId: string) => count(h.db, 'dossier_versions WHERE dossier_id = $1::uuid AND body IS NOT NULL', [dossierId]);
  const purgeStubs = (dossierId: string) => count(h.db, "audit_log WHERE action = 'dossier.purge' AND entity_id = $1 AND user_id IS NULL", [dossierId]);

  beforeAll(async () => {
    // The purge runs at start and then every 20 ms here, so a moved clock is seen at once.
    h = await createHarness(backend, { retentionDays: 30, retentionIntervalMs: 20, sessionTtlMs: 365 * day });
    await addSchuldhulpTeam(h);
    for (const u of ['worker', 'sh-1']) tokens[u] = (await h.login(u)).token;
  });
  afterAll(async () => {
    await h.close();
  });

  it('deletes a closed handover’s body after the retention days, keeps the row and an audit stub, and leaves open ones alone', async () => {
    const closedEarly = await handOver();
    await act(closedEarly, 'accept');
    await act(closedEarly, 'close');
    const stillOpen = await handOver();
    await act(stillOpen, 'accept');

    h.clock.advance(20 * day);
    const closedLater = await handOver();
    await act(closedLater, 'accept');
    await act(closedLater, 'close');

    // 29 days after the first close: nothing is due yet.
    h.clock.advance(9 * day);
    await new Promise((r) => setTimeout(r, 100));
    expect(await bodies(closedEarly)).toBe(1);
    expect(await purgeStubs(closedEarly)).toBe(0);

    // 31 days after the first close, 11 after the second.
    h.clock.advance(2 * day);
    await vi.waitFor(async () => expect(await bodies(closedEarly)).toBe(0), { timeout: 5_000, interval: 25 });
    expect(await count(h.db, 'dossiers WHERE dossier_id = $1::uuid AND summary IS NULL AND details IS NULL', [closedEarly])).toBe(1);
    expect(await count(h.db, 'dossier_versions WHERE dossier_id = $1::uuid AND body_bytes > 0', [closedEarly])).toBe(1);
    expect(await purgeStubs(closedEarly)).toBe(1);
    expect(await bodies(closedLater)).toBe(1);
    expect(await bodies(stillOpen)).toBe(1);

    // Later passes purge the second one once, and never the open one, nor the first one twice.
    h.clock.advance(20 * day);
    await vi.waitFor(async () => expect(await bodies(closedLater)).toBe(0), { timeout: 5_000, interval: 25 });
    await new Promise((r) => setTimeout(r, 100));
    expect(await purgeStubs(closedLater)).toBe(1);
    expect(await purgeStubs(closedEarly)).toBe(1);
    expect(await bodies(stillOpen)).toBe(1);
  });
});
