import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangesResponse } from '../../../shared/api/changes';
import { changesPath } from '../../../shared/api/changes';
import type { DossierBatchResponse, DossierVersionError, DossierVersionResponse } from '../../../shared/api/handover';
import { handoverPaths } from '../../../shared/api/handover';
import { availableBackends } from '../test-support/backends';
import type { Harness } from '../test-support/harness';
import { count, createHarness } from '../test-support/harness';
import { bearer, dossierFor, pushVersion, sendCase, versionRequest } from '../test-support/handover';
import { pushChunk } from '../services/dossier-service';

describe.each(availableBackends())('dossier routes on $name', (backend) => {
  let h: Harness;
  let worker: string;
  let workerB: string;
  let n = 0;
  /** A fresh realistic dossier whose case the worker has sent. */
  const freshDossier = async () => {
    const d = dossierFor(++n);
    await sendCase(h, worker, d.caseId);
    return d;
  };
  const feed = async (token = worker) =>
    (await h.app.inject({ method: 'GET', url: `${changesPath}?since=0&limit=1000`, headers: bearer(token) })).json<ChangesResponse>().changes;

  beforeAll(async () => {
    h = await createHarness(backend);
    worker = (await h.login('worker')).token;
    workerB = (await h.login('worker-b')).token;
  });
  afterAll(async () => {
    await h.close();
  });

  it('stores versions in order, answers a repeat of a key with the first answer, and refuses a stale or skipped version', async () => {
    const d = await freshDossier();
    const first = versionRequest(d);
    const key = randomUUID();
    const v1 = await pushVersion(h, worker, first, key);
    expect(v1.statusCode).toBe(201);
    expect(v1.json<DossierVersionResponse>()).toMatchObject({ dossierId: first.dossierId, caseId: d.caseId, version: 1, status: 'received' });
    // The hub computes the term itself: the realistic family has a crisis recorded on 2 March 2026 → 3 working days.
    expect(v1.json<DossierVersionResponse>().firstConversationBy).toBe(d.aanmelding.deadlines.firstConversationBy);

    const again = await pushVersion(h, worker, first, key);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(v1.json());

    const changed = { ...d, hulpvraag: `${d.hulpvraag} En nu is er ook een brief van de deurwaarder.` };
    const v2 = await pushVersion(h, worker, versionRequest(changed, { dossierId: first.dossierId, version: 2 }));
    expect(v2.statusCode).toBe(201);
    expect(v2.json<DossierVersionResponse>().version).toBe(2);

    const staleKey = randomUUID();
    const stale = await pushVersion(h, worker, versionRequest(changed, { dossierId: first.dossierId, version: 2 }), staleKey);
    expect(stale.statusCode).toBe(409);
    expect(stale.json<DossierVersionError>()).toMatchObject({ error: 'dossier_version_conflict', latestVersion: 2 });
    const gap = await pushVersion(h, worker, versionRequest(changed, { dossierId: first.dossierId, version: 4 }));
    expect(gap.statusCode).toBe(409);
    expect(gap.json<DossierVersionError>()).toMatchObject({ error: 'dossier_version_gap', latestVersion: 2 });
    const noFirst = await pushVersion(h, worker, versionRequest(d, { version: 2 }));
    expect(noFirst.json<DossierVersionError>()).toMatchObject({ error: 'dossier_version_gap', latestVersion: null });

    // Both versions are kept, the first unchanged; the feed says 'received' once, for version 1.
    expect(await count(h.db, 'dossier_versions WHERE dossier_id = $1', [first.dossierId])).toBe(2);
    const mine = (await feed()).filter((c) => c.caseId === d.caseId && c.entity === 'dossier');
    expect(mine).toMatchObject([{ status: 'received', version: 1 }]);
    // A refused version gives its key back: the device may send version 3 under it.
    const v3 = await pushVersion(h, worker, versionRequest(changed, { dossierId: first.dossierId, version: 3 }), staleKey);
    expect(v3.statusCode).toBe(201);
  });

  it('refuses wrong types, missing or invalid consent, an unknown recipient and an oversized body, storing nothing', async () => {
    const d = await freshDossier();
    const cases: [unknown, number, string][] = [
      [{ ...versionRequest(d), version: '1' }, 400, 'bad_request'],
      [versionRequest({ ...d, client: { ...d.client, members: 'twee' } } as never), 400, 'bad_request'],
      [versionRequest((({ consent: _, ...rest }) => rest)(d) as never), 422, 'consent_missing'],
      [versionRequest({ ...d, consent: { ...d.consent, validUntil: '2026-03-01', givenOn: '2025-03-02' } }), 422, 'consent_not_valid'],
      [versionRequest({ ...d, consent: { ...d.consent, givenOn: '2026-03-03' } }), 422, 'consent_not_valid'],
      [versionRequest({ ...d, recipients: [{ id: 'schuldhulp-maastricht', name: 'Maastricht' }] }, { recipientId: 'schuldhulp-maastricht' }), 422, 'unknown_recipient'],
      [versionRequest(d, { recipientId: 'schuldhulp-maastricht' }), 422, 'recipient_not_consented'],
      [versionRequest(d, { caseId: randomUUID() }), 422, 'dossier_mismatch'],
      [versionRequest({ ...d, hulpvraag: 'Ik wil hulp. '.repeat(22_000) }), 413, 'dossier_too_large'],
    ];
    for (const [body, status, error] of cases) {
      const res = await pushVersion(h, worker, body);
      expect({ status: res.statusCode, error: res.json<DossierVersionError>().error }, JSON.stringify(res.json()).slice(0, 300)).toEqual({ status, error });
      expect(res.json<DossierVersionError>().message).toMatch(/[a-z]/);
    }
    expect(await count(h.db, 'dossiers WHERE case_id = $1', [d.caseId])).toBe(0);
  });

  it('refuses a case the hub does not know and a case of another team', async () => {
    const unknown = dossierFor(++n);
    const res = await pushVersion(h, worker, versionRequest(unknown));
    expect(res.statusCode).toBe(404);
    expect(res.json<DossierVersionError>().error).toBe('case_not_found');
    const d = await freshDossier();
    const other = await pushVersion(h, workerB, versionRequest(d));
    expect(other.statusCode).toBe(403);
    expect(other.json<DossierVersionError>().error).toBe('case_of_other_team');
    expect(await count(h.db, 'dossiers WHERE case_id = ANY($1::uuid[])', [[unknown.caseId, d.caseId]])).toBe(0);
  });

  it('lets only a worker send dossiers', async () => {
    const d = await freshDossier();
    for (const username of ['counsellor', 'teamlead']) {
      const res = await pushVersion(h, (await h.login(username)).token, versionRequest(d));
      expect(res.statusCode).toBe(403);
    }
  });

  it('keeps no resident words in the database: a dump of every table shows none of them', async () => {
    const d = await freshDossier();
    expect((await pushVersion(h, worker, versionRequest(d))).statusCode).toBe(201);
    const words = [d.client.name, d.client.street, d.hulpvraag.slice(0, 40), d.client.contact.bestTime, d.domains[0]!.ownView.slice(0, 30)];
    // The words are there to find: the dossier as sent holds every one of them.
    for (const w of words) expect(w.length).toBeGreaterThan(5);
    for (const w of words) expect(JSON.stringify(d)).toContain(w);
    const tables = await h.db.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
    );
    expect(tables.rows.map((t) => t.table_name)).toEqual(expect.arrayContaining(['dossiers', 'dossier_versions', 'idempotency', 'audit_log', 'changes']));
    let dump = '';
    for (const { table_name } of tables.rows) {
      // As COPY would write them: every row as text, bytea as hex. Decode hex too, so plain UTF-8 in a bytea would show.
      const rows = await h.db.query<{ row: string }>(`SELECT t::text AS row FROM ${table_name} t`);
      for (const { row } of rows.rows) dump += `${row}\n${Buffer.from(row.match(/\\\\x([0-9a-f]+)/g)?.join('').replace(/\\\\x/g, '') ?? '', 'hex').toString('utf8')}\n`;
    }
    for (const w of words) expect(dump).not.toContain(w);
    expect(dump).toContain(d.caseId);
  });

  it('withdraws: deletes the bodies, reports withdrawn, answers a repeat alike and refuses later versions with that consent', async () => {
    const d = await freshDossier();
    const req = versionRequest(d);
    await pushVersion(h, worker, req);
    await pushVersion(h, worker, versionRequest(d, { dossierId: req.dossierId, version: 2 }));
    const body = { caseId: d.caseId, consentId: d.consent.consentId, withdrawnOn: '2026-03-02' };
    const key = randomUUID();
    const send = (k = key, b: object = body, token = worker) =>
      h.app.inject({ method: 'POST', url: handoverPaths.consentWithdrawals, headers: { ...bearer(token), 'idempotency-key': k }, payload: b });
    const res = await send();
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ ...body, dossiersWithdrawn: 1 });
    const again = await send();
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(res.json());
    expect((await send(key, { ...body, withdrawnOn: '2026-03-01' })).statusCode).toBe(422);

    expect(await count(h.db, 'dossier_versions WHERE dossier_id = $1 AND body IS NOT NULL', [req.dossierId])).toBe(0);
    expect(await count(h.db, 'dossier_versions WHERE dossier_id = $1', [req.dossierId])).toBe(2);
    expect(await count(h.db, "dossiers WHERE dossier_id = $1 AND status = 'withdrawn' AND summary IS NULL", [req.dossierId])).toBe(1);
    expect(await count(h.db, "audit_log WHERE action = 'dossier.delete' AND entity_id = $1", [req.dossierId])).toBe(1);
    expect((await feed()).filter((c) => c.caseId === d.caseId && c.entity === 'dossier').map((c) => [c.status, c.version])).toEqual([
      ['received', 1],
      ['withdrawn', 2],
    ]);

    const later = await pushVersion(h, worker, versionRequest(d, { dossierId: req.dossierId, version: 3 }));
    expect(later.json<DossierVersionError>()).toMatchObject({ error: 'consent_withdrawn' });
    const elsewhere = await pushVersion(h, worker, versionRequest(d));
    expect(elsewhere.json<DossierVersionError>()).toMatchObject({ error: 'consent_withdrawn' });
    // New consent, new dossier: the resident may agree again.
    const renewed = await pushVersion(h, worker, versionRequest({ ...d, consent: { ...d.consent, consentId: randomUUID() } }));
    expect(renewed.statusCode).toBe(201);

    expect((await send(randomUUID(), { ...body, caseId: randomUUID() })).json()).toMatchObject({ error: 'case_not_found' });
    expect((await send(randomUUID(), body, workerB)).json()).toMatchObject({ error: 'case_of_other_team' });
  });

  it('answers a retry after the consent ended with the answer the device missed, and refuses a new version then', async () => {
    const d = await freshDossier();
    const short = { ...d, consent: { ...d.consent, validUntil: '2026-03-03' } };
    const req = versionRequest(short);
    const key = randomUUID();
    const first = await pushVersion(h, worker, req, key);
    expect(first.statusCode).toBe(201);
    h.clock.advance(2 * 24 * 3_600_000);
    const token = (await h.login('worker')).token;
    try {
      const retry = await pushVersion(h, token, req, key);
      expect(retry.statusCode).toBe(201);
      expect(retry.json()).toEqual(first.json());
      const next = await pushVersion(h, token, versionRequest(short, { dossierId: req.dossierId, version: 2 }));
      expect(next.json<DossierVersionError>()).toMatchObject({ error: 'consent_not_valid' });
    } finally {
      h.clock.advance(-2 * 24 * 3_600_000);
      worker = (await h.login('worker')).token;
    }
  });

  it('stores a version once when devices race: the same key gives one answer, another key a 409', async () => {
    const d = await freshDossier();
    const req = versionRequest(d);
    const key = randomUUID();
    const sameKey = await Promise.all(Array.from({ length: 4 }, () => pushVersion(h, worker, req, key)));
    expect(sameKey.map((r) => r.statusCode)).toEqual([201, 201, 201, 201]);
    expect(new Set(sameKey.map((r) => r.body)).size).toBe(1);
    const next = versionRequest(d, { dossierId: req.dossierId, version: 2 });
    const otherKeys = await Promise.all(Array.from({ length: 4 }, () => pushVersion(h, worker, next)));
    expect(otherKeys.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409]);
    expect(await count(h.db, 'dossier_versions WHERE dossier_id = $1', [req.dossierId])).toBe(2);
    expect(await count(h.db, "changes WHERE case_id = $1 AND entity = 'dossier'", [d.caseId])).toBe(1);
  });

  it('takes a batch item by item, versions of one dossier in their order', async () => {
    const d = await freshDossier();
    const req = versionRequest(d);
    const items = [
      { idempotencyKey: randomUUID(), request: req },
      { idempotencyKey: randomUUID(), request: versionRequest(d, { dossierId: req.dossierId, version: 2 }) },
      { idempotencyKey: randomUUID(), request: { ...req, version: 0 } },
      { idempotencyKey: randomUUID(), request: versionRequest(d, { dossierId: req.dossierId, version: 2 }) },
    ];
    const res = await h.app.inject({ method: 'POST', url: handoverPaths.dossierBatch, headers: bearer(worker), payload: { items } });
    expect(res.statusCode).toBe(200);
    const results = res.json<DossierBatchResponse>().results;
    expect(results.map((r) => [r.idempotencyKey, r.status, r.ok ? r.body.version : r.body.error])).toEqual([
      [items[0]!.idempotencyKey, 201, 1],
      [items[1]!.idempotencyKey, 201, 2],
      [items[2]!.idempotencyKey, 400, 'bad_request'],
      [items[3]!.idempotencyKey, 409, 'dossier_version_conflict'],
    ]);
    const replay = await h.app.inject({ method: 'POST', url: handoverPaths.dossierBatch, headers: bearer(worker), payload: { items: items.slice(0, 2) } });
    expect(replay.json<DossierBatchResponse>().results.map((r) => r.status)).toEqual([200, 200]);
    const empty = await h.app.inject({ method: 'POST', url: handoverPaths.dossierBatch, headers: bearer(worker), payload: { items: [] } });
    expect(empty.statusCode).toBe(400);
    // One audit row per version the store decided on, with its outcome: stored, refused as stale, replayed.
    const audit = await h.db.query<{ entity_id: string; outcome: string }>(
      "SELECT entity_id, outcome FROM audit_log WHERE action = 'dossier.write' AND entity_id LIKE $1 ORDER BY id",
      [`${req.dossierId}:%`],
    );
    expect(audit.rows.map((r) => [r.entity_id, r.outcome])).toEqual([
      [`${req.dossierId}:1`, 'ok'],
      [`${req.dossierId}:2`, 'ok'],
      [`${req.dossierId}:2`, 'conflict'],
      [`${req.dossierId}:1`, 'replayed'],
      [`${req.dossierId}:2`, 'replayed'],
    ]);
  });

  it('takes a batch longer than one step of the push alike: versions in order across steps, a key repeated in a later step', async () => {
    // On PostgreSQL the push stores pushChunk items while it checks the next ones. Versions 1 and 2 of one
    // dossier straddle that boundary, and the last item repeats the key of version 1.
    const [d, other] = [await freshDossier(), await freshDossier()];
    const straddled = versionRequest(d);
    const items = [
      ...Array.from({ length: pushChunk - 1 }, (_, i) => ({ idempotencyKey: randomUUID(), request: { ...versionRequest(other), version: 0, n: i } })),
      { idempotencyKey: randomUUID(), request: straddled },
      { idempotencyKey: randomUUID(), request: versionRequest(d, { dossierId: straddled.dossierId, version: 2 }) },
      ...Array.from({ length: 100 - pushChunk - 2 }, () => ({ idempotencyKey: randomUUID(), request: versionRequest(other, { caseId: randomUUID() }) })),
    ];
    items.push({ idempotencyKey: items[pushChunk - 1]!.idempotencyKey, request: straddled });
    const res = await h.app.inject({ method: 'POST', url: handoverPaths.dossierBatch, headers: bearer(worker), payload: { items } });
    const results = res.json<DossierBatchResponse>().results;
    expect(results).toHaveLength(100);
    expect(new Set(results.slice(0, pushChunk - 1).map((r) => (r.ok ? r.status : r.body.error)))).toEqual(new Set(['bad_request']));
    // The case id of the envelope is not the body's.
    expect(new Set(results.slice(pushChunk + 1, 99).map((r) => (r.ok ? r.status : r.body.error)))).toEqual(new Set(['dossier_mismatch']));
    expect([results[pushChunk - 1], results[pushChunk], results[99]].map((r) => [r!.status, r!.ok ? r!.body.version : r!.body.error])).toEqual([
      [201, 1],
      [201, 2],
      [200, 1],
    ]);
    expect(await count(h.db, 'dossier_versions WHERE dossier_id = $1', [straddled.dossierId])).toBe(2);
    expect((await feed()).filter((c) => c.caseId === d.caseId && c.entity === 'dossier')).toMatchObject([{ status: 'received', version: 1 }]);
    const audited = await h.db.query<{ outcome: string; n: number }>(
      "SELECT outcome, count(*)::int AS n FROM audit_log WHERE action = 'dossier.write' AND entity_id LIKE $1 GROUP BY outcome ORDER BY outcome",
      [`${straddled.dossierId}:%`],
    );
    expect(audited.rows).toEqual([
      { outcome: 'ok', n: 2 },
      { outcome: 'replayed', n: 1 },
    ]);
  });

  it('stores a batch whose first step is refused whole', async () => {
    const d = await freshDossier();
    const items = [
      ...Array.from({ length: pushChunk }, (_, i) => ({ idempotencyKey: randomUUID(), request: { ...versionRequest(d), version: 0, n: i } })),
      { idempotencyKey: randomUUID(), request: versionRequest(d) },
    ];
    const res = await h.app.inject({ method: 'POST', url: handoverPaths.dossierBatch, headers: bearer(worker), payload: { items } });
    const results = res.json<DossierBatchResponse>().results;
    expect(results.slice(0, pushChunk).every((r) => r.status === 400)).toBe(true);
    expect(results[pushChunk]).toMatchObject({ status: 201, body: { version: 1 } });
  });

  it('writes the audit rows of a stored batch with its versions, one per item', async () => {
    const [a, b] = [await freshDossier(), await freshDossier()];
    const requests = [versionRequest(a), versionRequest(b)];
    const items = requests.map((request) => ({ idempotencyKey: randomUUID(), request }));
    const res = await h.app.inject({ method: 'POST', url: handoverPaths.dossierBatch, headers: bearer(worker), payload: { items } });
    expect(res.json<DossierBatchResponse>().results.map((r) => r.status)).toEqual([201, 201]);
    const audit = await h.db.query<{ entity_id: string; outcome: string }>(
      "SELECT entity_id, outcome FROM audit_log WHERE action = 'dossier.write' AND entity_id = ANY($1::text[]) ORDER BY id",
      [requests.map((r) => `${r.dossierId}:1`)],
    );
    expect(audit.rows.map((r) => [r.entity_id, r.outcome])).toEqual(requests.map((r) => [`${r.dossierId}:1`, 'ok']));
  });
});
