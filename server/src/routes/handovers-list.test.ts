import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths } from '../../../shared/api/cases';
import type { Dossier } from '../../../shared/api/dossier';
import type { HandoverListResponse } from '../../../shared/api/handover';
import { handoverPath, handoverPaths } from '../../../shared/api/handover';
import { availableBackends } from '../test-support/backends';
import type { Harness } from '../test-support/harness';
import { createHarness, newCase } from '../test-support/harness';
import { addSchuldhulpTeam, bearer, dossierFor, pushVersion, versionRequest, withdrawConsent } from '../test-support/handover';

/** The inbox's filters, search, keyset paging and arrivals on GET /api/v1/handovers (the harness's today is 2 March 2026). */
describe.each(availableBackends())('the counsellor’s handover list on $name', (backend) => {
  let h: Harness;
  const tokens: Record<string, string> = {};
  const userIds: Record<string, string> = {};
  let n = 500;

  interface Made {
    dossierId: string;
    dossier: Dossier;
  }
  const handOver = async (
    over: { who?: string; area?: string; name?: string; town?: string; basis?: 'crisis' | 'regular'; countedFrom?: string; validUntil?: string } = {},
  ): Promise<Made> => {
    const base = dossierFor(++n);
    const d: Dossier = {
      ...base,
      consent: { ...base.consent, validUntil: over.validUntil ?? base.consent.validUntil },
      client: { ...base.client, name: over.name ?? base.client.name, town: over.town ?? base.client.town },
      aanmelding: { ...base.aanmelding, deadlines: { ...base.aanmelding.deadlines, basis: over.basis ?? 'regular', countedFrom: over.countedFrom ?? '2026-03-02' } },
    };
    const who = tokens[over.who ?? 'worker']!;
    const res = await h.app.inject({ method: 'POST', url: apiPaths.cases, headers: { ...bearer(who), 'idempotency-key': randomUUID() }, payload: newCase({ caseId: d.caseId, postcodeArea: over.area ?? '6411' }) });
    expect(res.statusCode).toBe(201);
    const req = versionRequest(d);
    expect((await pushVersion(h, who, req)).statusCode).toBe(201);
    return { dossierId: req.dossierId, dossier: d };
  };
  const get = (query: string, who = 'sh-1') => h.app.inject({ method: 'GET', url: `${handoverPaths.handovers}${query}`, headers: bearer(tokens[who]!) });
  const list = async (query: string, who = 'sh-1') => {
    const res = await get(query, who);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<HandoverListResponse>();
  };
  const ids = (r: HandoverListResponse) => r.handovers.map((x) => x.dossierId);

  let rik: Made, jose: Made, bart: Made, crisis: Made, late: Made, fromB: Made;

  beforeAll(async () => {
    h = await createHarness(backend);
    await addSchuldhulpTeam(h);
    for (const u of ['worker', 'worker-b', 'counsellor', 'sh-1', 'sh-2']) tokens[u] = (await h.login(u)).token;
    for (const r of (await h.db.query<{ username: string; user_id: string }>('SELECT username, user_id::text AS user_id FROM users')).rows) userIds[r.username] = r.user_id;
    rik = await handOver({ name: 'Rik Jansen', town: 'Heerlen', area: '6411' });
    jose = await handOver({ name: 'José Pérez', town: 'Brunssum', area: '6441' });
    bart = await handOver({ name: 'Bart Bos', town: 'Heerlen', area: '6412' });
    crisis = await handOver({ name: 'Anna Smeets', area: '6411', basis: 'crisis' }); // by 5 March
    late = await handOver({ name: 'Jeroen Smit', area: '6412', countedFrom: '2026-01-05' }); // by 2 February: overdue
    fromB = await handOver({ name: 'Fatima Haddou', who: 'worker-b', town: 'Kerkrade', area: '6461' });
  });
  afterAll(async () => {
    await h.close();
  });

  it('narrows by urgency, neighbourhood and sending worker, keeping the deadline order, and counts what matches', async () => {
    const urgent = await list('?urgent=true&limit=100');
    expect(ids(urgent)).toEqual([late.dossierId, crisis.dossierId]);
    expect(urgent.handovers.map((x) => x.urgency)).toEqual(['overdue', 'crisis']);
    expect(urgent.total).toBe(2);

    const area = await list('?area=6412');
    expect(ids(area)).toEqual([late.dossierId, bart.dossierId]);
    expect(area.handovers.every((x) => x.postcodeArea === '6412')).toBe(true);

    const byB = await list(`?worker=${userIds['worker-b']}`);
    expect(ids(byB)).toEqual([fromB.dossierId]);
    expect(ids(await list(`?worker=${userIds.worker}&area=6411&urgent=true`))).toEqual([crisis.dossierId]);
    expect((await list(`?worker=${userIds.worker}&area=6461`)).total).toBe(0);
  });

  it('offers every neighbourhood and sending worker of the team as a choice, with how many each has', async () => {
    const all = await list('?limit=1');
    expect(all.areas).toEqual([
      { postcodeArea: '6411', count: 2 },
      { postcodeArea: '6412', count: 2 },
      { postcodeArea: '6441', count: 1 },
      { postcodeArea: '6461', count: 1 },
    ]);
    expect(all.workers).toEqual([
      { userId: userIds.worker, name: 'Test worker', count: 5 },
      { userId: userIds['worker-b'], name: 'Test worker-b', count: 1 },
    ]);
    // The choices stay whatever is filtered, so a counsellor can always switch to another one.
    expect((await list('?area=6441')).areas).toEqual(all.areas);
    // A later page ("meer laden") keeps the choices it has: the hub does not count them again.
    expect(await list(`?limit=1&cursor=${all.nextCursor}`)).toMatchObject({ total: 6, areas: [], workers: [] });
  });

  it('searches the sealed names and towns, and the postcode, without caring for capitals or accents', async () => {
    expect(ids(await list('?q=jose'))).toEqual([jose.dossierId]);
    expect(ids(await list('?q=P%C3%89REZ'))).toEqual([jose.dossierId]);
    expect(ids(await list('?q=kerkrade'))).toEqual([fromB.dossierId]);
    expect(ids(await list('?q=6412'))).toEqual([late.dossierId, bart.dossierId]);
    const heerlen = await list('?q=heerlen&limit=1');
    expect(heerlen.total).toBe(4);
    expect(ids(heerlen)).toEqual([late.dossierId]);
    // Search pages on like the rest, and combines with the filters.
    const rest = await list(`?q=heerlen&limit=100&cursor=${heerlen.nextCursor}`);
    expect(ids(rest)).toEqual([crisis.dossierId, rik.dossierId, bart.dossierId]);
    expect(rest.nextCursor).toBeNull();
    expect(ids(await list('?q=heerlen&area=6411&urgent=true'))).toEqual([crisis.dossierId]);
    expect((await list('?q=niemand')).handovers).toEqual([]);
  });

  it('pages with a keyset: no row skipped or repeated when one above the cursor leaves the list', async () => {
    const first = await list('?limit=2');
    expect(first.total).toBe(6);
    expect(ids(first)).toEqual([late.dossierId, crisis.dossierId]);
    // A colleague returns the first row while this counsellor reads page one: with an offset, page two would skip a row.
    expect((await h.app.inject({ method: 'POST', url: handoverPath(handoverPaths.return, { dossierId: late.dossierId }), headers: bearer(tokens['sh-2']!), payload: { reason: 'incomplete' } })).statusCode).toBe(200);
    const seen = [...ids(first)];
    let cursor = first.nextCursor;
    while (cursor) {
      const next = await list(`?limit=2&cursor=${cursor}`);
      seen.push(...ids(next));
      cursor = next.nextCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining([rik.dossierId, jose.dossierId, bart.dossierId, fromB.dossierId]));
    expect(seen).toHaveLength(6);
    // The returned one is gone from the work list, and still there with its status filter.
    expect(ids(await list('?limit=100'))).not.toContain(late.dossierId);
    expect(ids(await list('?status=returned'))).toEqual([late.dossierId]);
  });

  it('says since when what arrived and which dossiers were withdrawn, so the inbox can announce and drop them', async () => {
    const before = await list('?limit=1');
    expect(before.arrived).toBeNull();
    expect(before.withdrawn).toEqual([]);
    h.clock.advance(60_000);
    const arriving = await handOver({ name: 'Nieuwe Inwoner', area: '6411' });
    await handOver({ name: 'Andere Wijk', area: '6413' });
    expect((await withdrawConsent(h, tokens.worker!, rik.dossier)).statusCode).toBe(201);
    const after = await list(`?area=6411&limit=100&since=${encodeURIComponent(before.asOf)}`);
    expect(after.arrived).toBe(1); // only the one in the chosen neighbourhood
    expect(ids(after)).toContain(arriving.dossierId);
    expect(ids(after)).not.toContain(rik.dossierId);
    expect(after.withdrawn).toEqual([rik.dossierId]);
    // Asked again from this answer on, nothing new.
    const again = await list(`?area=6411&since=${encodeURIComponent(after.asOf)}`);
    expect(again.arrived).toBe(0);
    expect(again.withdrawn).toEqual([]);
  });

  it('shows another team’s counsellor nothing: no rows, no choices, no withdrawals, and no search hits', async () => {
    const other = await list(`?view=all&q=jose&since=2026-01-01T00:00:00Z`, 'counsellor');
    expect(other).toMatchObject({ handovers: [], total: 0, arrived: 0, withdrawn: [], ended: [], areas: [], workers: [] });
    expect((await list(`?worker=${userIds.worker}`, 'counsellor')).total).toBe(0);
    expect((await get('', 'worker')).statusCode).toBe(403);
  });

  it('answers a bad parameter with 400 bad_request naming the field, and reads nothing', async () => {
    const bad = ['limit=0', 'limit=101', 'cursor=12', 'cursor=4.2026-03-02.1', 'area=123', 'area=0123', 'worker=piet', 'status=withdrawn', 'status=gone', 'urgent=ja', 'since=gisteren', `q=${'x'.repeat(101)}`, 'view=mine'];
    for (const query of bad) {
      const res = await get(`?${query}`);
      expect(res.statusCode, query).toBe(400);
      const body = res.json<{ error: string; issues: { path: string }[] }>();
      expect(body.error, query).toBe('bad_request');
      expect(body.issues.map((i) => i.path).join(' '), query).toContain(query.split('=')[0]);
    }
  });

  // Last: it moves the clock a day on (and signs in again).
  it('names once the dossiers whose consent ran out since an earlier answer, so an open dossier can say so; another team hears nothing', async () => {
    const lastDay = await handOver({ name: 'Lotte Laatste', area: '6411', validUntil: '2026-03-02' });
    const before = await list('?limit=100');
    expect(ids(before)).toContain(lastDay.dossierId); // its last day: still listed
    expect(before.ended).toEqual([]);
    const sameDay = await list(`?limit=100&since=${encodeURIComponent(before.asOf)}`);
    expect(sameDay.ended).toEqual([]);

    h.clock.advance(24 * 3_600_000); // 3 March: its consent has ended (and yesterday's sessions with it)
    for (const u of ['sh-1', 'counsellor']) tokens[u] = (await h.login(u)).token;
    const after = await list(`?area=6441&since=${encodeURIComponent(sameDay.asOf)}`);
    expect(ids(await list('?view=all&limit=100'))).not.toContain(lastDay.dossierId);
    // Named whatever the filters, as withdrawals are: the open dossier may be outside them.
    expect(after.ended).toEqual([lastDay.dossierId]);
    expect((await list(`?since=${encodeURIComponent(after.asOf)}`)).ended).toEqual([]);
    expect((await list(`?since=${encodeURIComponent(sameDay.asOf)}`, 'counsellor')).ended).toEqual([]);
  });
});
