import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangesResponse } from '../../../shared/api/changes';
import { changesPath } from '../../../shared/api/changes';
import type { Dossier } from '../../../shared/api/dossier';
import type { HandoverDossierResponse, HandoverListResponse, HandoverSummary } from '../../../shared/api/handover';
import { handoverPath, handoverPaths } from '../../../shared/api/handover';
import { availableBackends } from '../test-support/backends';
import type { Harness } from '../test-support/harness';
import { count, createHarness } from '../test-support/harness';
import { holidays, settings } from '../../../resources/index';
import { wgsDecisionDeadline } from '../../../shared/domain/urgency';
import { decisionTerm } from '../../../shared/api/handover-terms';
import { addSchuldhulpTeam, bearer, dossierFor, pushVersion, sendCase, versionRequest, withdrawConsent } from '../test-support/handover';

/** The decision deadline as the worker's device computes it from the first conversation's day (shared/domain). */
const handoverDeadlinesOf = (day: string) => wgsDecisionDeadline(day, holidays, settings.wgs.decisionWeeks);

describe.each(availableBackends())('counsellor handover routes on $name', (backend) => {
  let h: Harness;
  const tokens: Record<string, string> = {};
  let n = 100;

  /** Sends a fresh dossier (its case first) with the given Wgs basis and start day; returns its dossier id. */
  const handOver = async (over: { basis?: 'crisis' | 'regular'; countedFrom?: string; validUntil?: string } = {}) => {
    const base = dossierFor(++n);
    const d: Dossier = {
      ...base,
      aanmelding: { ...base.aanmelding, deadlines: { ...base.aanmelding.deadlines, basis: over.basis ?? 'regular', countedFrom: over.countedFrom ?? '2026-03-02' } },
      consent: { ...base.consent, validUntil: over.validUntil ?? base.consent.validUntil },
    };
    await sendCase(h, tokens.worker!, d.caseId);
    const req = versionRequest(d);
    const res = await pushVersion(h, tokens.worker!, req);
    expect(res.statusCode).toBe(201);
    return { dossierId: req.dossierId, dossier: d };
  };
  const get = (url: string, who = 'sh-1') => h.app.inject({ method: 'GET', url, headers: bearer(tokens[who]!) });
  const act = (dossierId: string, action: keyof typeof handoverPaths, payload: object = {}, who = 'sh-1') =>
    h.app.inject({ method: 'POST', url: handoverPath(handoverPaths[action], { dossierId }), headers: bearer(tokens[who]!), payload });
  const list = async (query = '', who = 'sh-1') => {
    const res = await get(`${handoverPaths.handovers}${query}`, who);
    expect(res.statusCode).toBe(200);
    return res.json<HandoverListResponse>();
  };
  /**
   * Runs `steps` with the hub's clock at `iso`, signed in that day (a sign-in clears the sessions that have ended by
   * then, the test day's among them), and turns the clock back; the new sessions still hold on the test day.
   */
  const onDay = async (iso: string, steps: () => Promise<void>) => {
    const ms = Date.parse(iso) - h.clock.now().getTime();
    h.clock.advance(ms);
    try {
      for (const u of ['worker', 'sh-1', 'sh-2']) tokens[u] = (await h.login(u)).token;
      await steps();
    } finally {
      h.clock.advance(-ms);
    }
  };
  const feedFor = async (caseId: string) =>
    (await get(`${changesPath}?since=0&limit=1000`, 'worker')).json<ChangesResponse>().changes.filter((c) => c.caseId === caseId && c.entity === 'dossier');

  beforeAll(async () => {
    h = await createHarness(backend);
    await addSchuldhulpTeam(h);
    for (const u of ['worker', 'worker-b', 'counsellor', 'teamlead', 'sh-1', 'sh-2', 'sh-lead']) tokens[u] = (await h.login(u)).token;
  });
  afterAll(async () => {
    await h.close();
  });

  it('lists the team’s handovers overdue first, then crises, then by deadline, a page at a time', async () => {
    const regular = await handOver({ basis: 'regular', countedFrom: '2026-03-02' }); // by 30 March
    const crisis = await handOver({ basis: 'crisis', countedFrom: '2026-03-02' }); // by 5 March
    const lateCrisis = await handOver({ basis: 'crisis', countedFrom: '2026-02-20' }); // by 25 February: overdue
    const lateRegular = await handOver({ basis: 'regular', countedFrom: '2026-01-05' }); // by 2 February: overdue
    const all = await list('?limit=100');
    const order = [lateRegular, lateCrisis, crisis, regular].map((x) => x.dossierId);
    expect(all.handovers.map((x) => x.dossierId).filter((id) => order.includes(id))).toEqual(order);
    const byId = new Map(all.handovers.map((x) => [x.dossierId, x]));
    expect(byId.get(lateRegular.dossierId)).toMatchObject({ urgency: 'overdue', status: 'received', deadlines: { basis: 'regular', firstConversationBy: '2026-02-02' } });
    expect(byId.get(crisis.dossierId)).toMatchObject({ urgency: 'crisis', deadlines: { firstConversationBy: '2026-03-05' } });
    expect(byId.get(regular.dossierId)).toMatchObject({ urgency: 'regular', clientName: regular.dossier.client.name, town: 'Heerlen', postcodeArea: '6411' });

    const first = await list('?limit=2');
    expect(first.handovers.map((x) => x.dossierId)).toEqual(all.handovers.slice(0, 2).map((x) => x.dossierId));
    expect(first.nextCursor).toMatch(/^[0-3]\./);
    const second = await list(`?limit=100&cursor=${first.nextCursor}`);
    expect(second.handovers.map((x) => x.dossierId)).toEqual(all.handovers.slice(2).map((x) => x.dossierId));
    expect(second.nextCursor).toBeNull();
    expect(all.total).toBe(all.handovers.length);
  });

  it('shows nothing to a counsellor of another team, and the list is no route for a worker or a team lead', async () => {
    await handOver();
    expect((await list('', 'counsellor')).handovers).toEqual([]);
    for (const who of ['worker', 'sh-lead', 'teamlead']) expect((await get(handoverPaths.handovers, who)).statusCode).toBe(403);
  });

  it('reads the latest version and older ones, auditing every read; a team lead and a worker read nothing', async () => {
    const { dossierId, dossier } = await handOver();
    const changed = { ...dossier, hulpvraag: 'Er is nu ook een aanmaning van de zorgverzekeraar.' };
    expect((await pushVersion(h, tokens.worker!, versionRequest(changed, { dossierId, version: 2 }))).statusCode).toBe(201);
    const before = await count(h.db, "audit_log WHERE action = 'dossier.read' AND entity_id LIKE $1", [`${dossierId}%`]);

    const latest = await get(handoverPath(handoverPaths.handover, { dossierId }));
    expect(latest.statusCode).toBe(200);
    const body = latest.json<HandoverDossierResponse>();
    expect(body).toMatchObject({ version: 2, handover: { latestVersion: 2, status: 'received' } });
    expect(body.dossier).toEqual(changed);
    expect(body.versions.map((v) => v.version)).toEqual([1, 2]);
    const older = await get(handoverPath(handoverPaths.handoverVersion, { dossierId, version: 1 }));
    expect(older.json<HandoverDossierResponse>().dossier).toEqual(dossier);
    expect((await get(handoverPath(handoverPaths.handoverVersion, { dossierId, version: 3 }))).statusCode).toBe(404);
    expect(await count(h.db, "audit_log WHERE action = 'dossier.read' AND entity_id LIKE $1", [`${dossierId}%`])).toBe(before + 3);

    for (const who of ['sh-lead', 'worker', 'teamlead']) expect((await get(handoverPath(handoverPaths.handover, { dossierId }), who)).statusCode).toBe(403);
    const other = await get(handoverPath(handoverPaths.handover, { dossierId }), 'counsellor');
    expect(other.statusCode).toBe(404);
    expect(other.json()).toMatchObject({ error: 'handover_not_found' });
  });

  it('moves accept → plan → decision → close, each to the worker’s change feed', async () => {
    const { dossierId, dossier } = await handOver({ basis: 'crisis', countedFrom: '2026-03-02' });
    const accepted = await act(dossierId, 'accept');
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json<HandoverSummary>()).toMatchObject({ status: 'accepted', contactPerson: { name: 'Consulent sh-1' } });
    expect((await act(dossierId, 'accept')).statusCode).toBe(200);

    const badPlan = await act(dossierId, 'plan', { firstConversation: { plannedAt: '2026-03-04T10:00:00+01:00', how: 'visit' } });
    expect(badPlan.statusCode).toBe(400);
    const planned = await act(dossierId, 'plan', { firstConversation: { plannedAt: '2026-03-04T10:00:00+01:00', how: 'visit', place: 'Akerstraat 12, Heerlen' } });
    expect(planned.json<HandoverSummary>()).toMatchObject({
      status: 'first-conversation-planned',
      firstConversation: { plannedAt: '2026-03-04T09:00:00.000Z', how: 'visit', place: 'Akerstraat 12, Heerlen' },
      // 8 weeks after 4 March 2026.
      deadlines: { decisionBy: '2026-04-29' },
    });
    // A decision before the first conversation (4 March) is refused, and nothing changes.
    const early = await act(dossierId, 'decision', { decidedOn: '2026-03-03', note: 'Te vroeg.' });
    expect(early.statusCode).toBe(422);
    expect(early.json()).toMatchObject({ error: 'decision_before_first_conversation', message: 'Het besluit kan niet eerder zijn dan het eerste gesprek. Er is niets opgeslagen.' });
    expect((await act(dossierId, 'decision', { decidedOn: '03-20-2026', note: 'Toegelaten.' })).statusCode).toBe(400);
    // The decision is taken on 20 March, after the conversation, and recorded that day.
    await onDay('2026-03-20T14:00:00.000Z', async () => {
      const decided = await act(dossierId, 'decision', { decidedOn: '2026-03-20', note: 'Toegelaten tot schuldregeling.' });
      expect(decided.json<HandoverSummary>()).toMatchObject({ status: 'decided', decision: { decidedOn: '2026-03-20', note: 'Toegelaten tot schuldregeling.' } });
      expect((await act(dossierId, 'close')).json<HandoverSummary>().status).toBe('closed');
      expect((await act(dossierId, 'accept')).statusCode).toBe(409);
    });

    expect((await feedFor(dossier.caseId)).map((c) => [c.status, c.plannedAt ?? c.decidedOn ?? null])).toEqual([
      ['received', null],
      ['accepted', null],
      ['first-conversation-planned', '2026-03-04T09:00:00.000Z'],
      // The day of the decision goes to the worker's device: "Besluit genomen op 20 maart 2026".
      ['decided', '2026-03-20'],
      ['closed', null],
    ]);
    expect((await list('?limit=100')).handovers.map((x) => x.dossierId)).not.toContain(dossierId);
    expect((await list('?view=all&limit=100')).handovers.map((x) => x.dossierId)).toContain(dossierId);
    // The place is the counsellor's free text: sealed like the dossier.
    expect(await count(h.db, "dossiers WHERE encode(details, 'escape') LIKE '%Akerstraat%'")).toBe(0);
  });

  it('counts the decision term from the first conversation’s Dutch day, as the device and the office screen do', async () => {
    const { dossierId } = await handOver({ basis: 'regular', countedFrom: '2026-03-02' });
    expect((await act(dossierId, 'accept')).statusCode).toBe(200);
    // 23:30 UTC on 4 March is 00:30 on 5 March in Heerlen: the term counts from 5 March.
    for (const [plannedAt, day] of [
      ['2026-03-04T23:30:00Z', '2026-03-05'],
      ['2026-03-04T22:59:00Z', '2026-03-04'],
      // 8 weeks after 30 March 2026 is Whit Monday, 25 May: the term moves to the next working day.
      ['2026-03-30T08:00:00Z', '2026-03-30'],
    ] as const) {
      const planned = await act(dossierId, 'plan', { firstConversation: { plannedAt, how: 'video' } });
      expect(planned.statusCode).toBe(200);
      const device = handoverDeadlinesOf(day);
      expect(planned.json<HandoverSummary>().deadlines.decisionBy).toBe(device);
      if (day === '2026-03-30') expect(device).toBe('2026-05-26');
      expect(decisionTerm(planned.json<HandoverSummary>())).toMatchObject({ firstConversationOn: day, decisionBy: device });
    }
    expect(decisionTerm((await act(dossierId, 'plan', { firstConversation: { plannedAt: '2026-03-04T23:30:00Z', how: 'video' } })).json<HandoverSummary>())).toMatchObject({
      firstConversationOn: '2026-03-05',
      decisionBy: '2026-04-30',
    });
  });

  it('lets one of two counsellors record the decision or close, the other gets 409 with a Dutch message', async () => {
    const { dossierId } = await handOver();
    await act(dossierId, 'accept');
    await act(dossierId, 'plan', { firstConversation: { plannedAt: '2026-03-04T10:00:00+01:00', how: 'video' } });
    await onDay('2026-03-21T09:00:00.000Z', async () => {
      const [a, b] = await Promise.all([
        act(dossierId, 'decision', { decidedOn: '2026-03-20', note: 'Toegelaten.' }, 'sh-1'),
        act(dossierId, 'decision', { decidedOn: '2026-03-21', note: 'Afgewezen.' }, 'sh-2'),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
      expect((a.statusCode === 409 ? a : b).json<{ message: string }>().message).toMatch(/collega/);
      const decided = (a.statusCode === 200 ? a : b).json<HandoverSummary>();
      const [c, d] = await Promise.all([act(dossierId, 'close', { revision: decided.revision }, 'sh-1'), act(dossierId, 'close', { revision: decided.revision }, 'sh-2')]);
      expect([c.statusCode, d.statusCode].sort()).toEqual([200, 409]);
      expect((c.statusCode === 409 ? c : d).json<{ error: string }>().error).toBe('handover_status_conflict');
    });
  });

  it('refuses a decision on a day that has not come yet in the Netherlands, and stores nothing', async () => {
    const { dossierId, dossier } = await handOver();
    await act(dossierId, 'accept');
    await act(dossierId, 'plan', { firstConversation: { plannedAt: '2026-03-02T14:00:00+01:00', how: 'video' } });
    const before = await feedFor(dossier.caseId);
    // 22:30 UTC on 2 March is 23:30 in Heerlen: 3 March has not begun there.
    await onDay('2026-03-02T22:30:00.000Z', async () => {
      for (const decidedOn of ['2026-03-03', '2027-03-02']) {
        const ahead = await act(dossierId, 'decision', { decidedOn, note: 'Toegelaten.' });
        expect(ahead.statusCode).toBe(422);
        expect(ahead.json()).toMatchObject({
          error: 'decision_in_future',
          message: 'Het besluit kan niet in de toekomst liggen. Leg het vast als het genomen is. Er is niets opgeslagen.',
        });
      }
      const still = (await get(handoverPath(handoverPaths.handover, { dossierId }))).json<HandoverDossierResponse>().handover;
      expect(still).toMatchObject({ status: 'first-conversation-planned', decision: null });
      expect(await feedFor(dossier.caseId)).toEqual(before);
      expect(await count(h.db, "audit_log WHERE action = 'handover.decision' AND entity_id = $1 AND outcome = 'rejected'", [dossierId])).toBe(2);
    });
    // 23:30 UTC is 00:30 on 3 March in Heerlen: now it is today.
    await onDay('2026-03-02T23:30:00.000Z', async () => {
      const decided = await act(dossierId, 'decision', { decidedOn: '2026-03-03', note: 'Toegelaten.' });
      expect(decided.statusCode).toBe(200);
      expect(decided.json<HandoverSummary>().decision).toEqual({ decidedOn: '2026-03-03', note: 'Toegelaten.' });
    });
  });

  it('refuses a first conversation on a day before the handover arrived, such as a year typed wrong', async () => {
    // It arrives on 2 March at 10:00 in Heerlen (the test clock).
    const { dossierId, dossier } = await handOver();
    await act(dossierId, 'accept');
    const before = await feedFor(dossier.caseId);
    for (const plannedAt of ['2016-03-04T10:00:00+01:00', '2026-03-01T23:59:00+01:00']) {
      const early = await act(dossierId, 'plan', { firstConversation: { plannedAt, how: 'phone', phone: '045 123 45 67' } });
      expect(early.statusCode).toBe(422);
      expect(early.json()).toMatchObject({
        error: 'first_conversation_before_handover',
        message: 'Het eerste gesprek kan niet eerder zijn dan de dag waarop de overdracht binnenkwam. Er is niets opgeslagen.',
      });
    }
    expect((await get(handoverPath(handoverPaths.handover, { dossierId }))).json<HandoverDossierResponse>().handover).toMatchObject({ status: 'accepted', firstConversation: null });
    expect(await feedFor(dossier.caseId)).toEqual(before);
    // Earlier that same day counts as that day: a conversation held at the kitchen table before the handover was sent.
    const sameDay = await act(dossierId, 'plan', { firstConversation: { plannedAt: '2026-03-01T23:30:00Z', how: 'video' } });
    expect(sameDay.statusCode).toBe(200);
    expect(sameDay.json<HandoverSummary>().status).toBe('first-conversation-planned');
  });

  it('refuses a first conversation more than a year after the day the handover arrived, such as a year typed wrong', async () => {
    // It arrives on 2 March 2026 at 10:00 in Heerlen (the test clock): 2 March 2027 is the last day.
    const { dossierId, dossier } = await handOver();
    await act(dossierId, 'accept');
    const before = await feedFor(dossier.caseId);
    // 2062 for 2026; the first minute of 3 March 2027 in Heerlen; 23:30 UTC on 2 March 2027 is 00:30 on 3 March there.
    for (const plannedAt of ['2062-03-04T10:00:00+01:00', '2027-03-03T00:00:00+01:00', '2027-03-02T23:30:00Z']) {
      const far = await act(dossierId, 'plan', { firstConversation: { plannedAt, how: 'phone', phone: '045 123 45 67' } });
      expect(far.statusCode).toBe(422);
      expect(far.json()).toMatchObject({
        error: 'first_conversation_too_far_ahead',
        message: 'Het eerste gesprek kan niet later zijn dan een jaar na de dag waarop de overdracht binnenkwam. Kijk het jaar na. Er is niets opgeslagen.',
      });
    }
    expect((await get(handoverPath(handoverPaths.handover, { dossierId }))).json<HandoverDossierResponse>().handover).toMatchObject({ status: 'accepted', firstConversation: null });
    expect(await feedFor(dossier.caseId)).toEqual(before);
    expect(await count(h.db, "audit_log WHERE action = 'handover.plan' AND entity_id = $1 AND outcome = 'rejected'", [dossierId])).toBe(3);
    // The last evening of that year still counts as that day.
    const lastDay = await act(dossierId, 'plan', { firstConversation: { plannedAt: '2027-03-02T23:30:00+01:00', how: 'video' } });
    expect(lastDay.statusCode).toBe(200);
    expect(lastDay.json<HandoverSummary>()).toMatchObject({ status: 'first-conversation-planned', firstConversation: { plannedAt: '2027-03-02T22:30:00.000Z' } });
  });

  it('refuses a decision without its outcome (no note, empty, only spaces) at the border, and stores nothing', async () => {
    const { dossierId, dossier } = await handOver();
    await act(dossierId, 'accept');
    await act(dossierId, 'plan', { firstConversation: { plannedAt: '2026-03-02T14:00:00+01:00', how: 'video' } });
    const before = await feedFor(dossier.caseId);
    for (const note of [undefined, '', '  \n\t ']) {
      const bare = await act(dossierId, 'decision', { decidedOn: '2026-03-02', ...(note === undefined ? {} : { note }) });
      expect(bare.statusCode).toBe(400);
      expect(bare.json()).toMatchObject({ error: 'bad_request', issues: [{ path: 'body.note', message: 'Schrijf kort wat het besluit is.' }] });
    }
    expect((await get(handoverPath(handoverPaths.handover, { dossierId }))).json<HandoverDossierResponse>().handover).toMatchObject({ status: 'first-conversation-planned', decision: null });
    expect(await feedFor(dossier.caseId)).toEqual(before);
    // The outcome is stored without the spaces around it.
    const decided = await act(dossierId, 'decision', { decidedOn: '2026-03-02', note: '  Afgewezen: geen vaste woonplaats.  ' });
    expect(decided.json<HandoverSummary>().decision).toEqual({ decidedOn: '2026-03-02', note: 'Afgewezen: geen vaste woonplaats.' });
  });

  it('asks which other reason it is: a return for “another reason” with a note of only spaces is refused', async () => {
    const { dossierId, dossier } = await handOver();
    for (const note of [undefined, '', '   \n  ']) {
      const bare = await act(dossierId, 'return', { reason: 'other', ...(note === undefined ? {} : { note }) });
      expect(bare.statusCode).toBe(400);
      expect(bare.json()).toMatchObject({ error: 'bad_request', issues: [{ path: 'body.note', message: 'Schrijf op wat de andere reden is.' }] });
    }
    expect(await feedFor(dossier.caseId)).toHaveLength(1);
    // A listed reason needs no note; spaces are stored as no note at all.
    const listed = await act(dossierId, 'return', { reason: 'incomplete', note: '   ' });
    expect(listed.json<HandoverSummary>().returned).toEqual({ reason: 'incomplete', note: '' });
    const other = await handOver();
    const explained = await act(other.dossierId, 'return', { reason: 'other', note: '  De inwoner is verhuisd naar Brunssum.  ' });
    expect(explained.json<HandoverSummary>().returned).toEqual({ reason: 'other', note: 'De inwoner is verhuisd naar Brunssum.' });
  });

  it('returns with a reason; a new version from the worker makes it received again', async () => {
    const { dossierId, dossier } = await handOver();
    const returned = await act(dossierId, 'return', { reason: 'incomplete', note: 'De inkomsten ontbreken.' });
    expect(returned.json<HandoverSummary>()).toMatchObject({ status: 'returned', returned: { reason: 'incomplete', note: 'De inkomsten ontbreken.' } });
    expect((await act(dossierId, 'return', { reason: 'not-a-reason' })).statusCode).toBe(400);
    expect((await pushVersion(h, tokens.worker!, versionRequest(dossier, { dossierId, version: 2 }))).json()).toMatchObject({ status: 'received', version: 2 });
    expect((await feedFor(dossier.caseId)).map((c) => [c.status, c.reason ?? null, c.version])).toEqual([
      ['received', null, 1],
      ['returned', 'incomplete', 1],
      ['received', null, 2],
    ]);
    expect((await act(dossierId, 'accept')).json<HandoverSummary>().status).toBe('accepted');
  });

  it('lets one of two counsellors win, the other gets 409 with a Dutch message; a stale revision is refused too', async () => {
    const { dossierId } = await handOver();
    const [a, b] = await Promise.all([act(dossierId, 'accept', {}, 'sh-1'), act(dossierId, 'accept', {}, 'sh-2')]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json<{ error: string; message: string }>()).toMatchObject({ error: 'handover_status_conflict' });
    expect(loser.json<{ message: string }>().message).toMatch(/collega/);
    const winner = (a.statusCode === 200 ? a : b).json<HandoverSummary>();
    const stale = await act(dossierId, 'close', { revision: winner.revision - 1 });
    expect(stale.statusCode).toBe(409);
    expect((await act(dossierId, 'close', { revision: winner.revision })).statusCode).toBe(200);
    // Once the change feed writer and the row lock meet, exactly one 'accepted' went to the worker.
    expect(await count(h.db, "changes WHERE status = 'accepted' AND case_id = (SELECT case_id FROM dossiers WHERE dossier_id = $1)", [dossierId])).toBe(1);
  });

  it('stops showing a withdrawn handover, and one whose consent has ended', async () => {
    const withdrawn = await handOver();
    expect((await withdrawConsent(h, tokens.worker!, withdrawn.dossier)).statusCode).toBe(201);
    expect((await get(handoverPath(handoverPaths.handover, { dossierId: withdrawn.dossierId }))).json()).toMatchObject({ error: 'dossier_withdrawn' });
    expect((await act(withdrawn.dossierId, 'accept')).statusCode).toBe(410);
    expect((await list('?view=all&limit=100')).handovers.map((x) => x.dossierId)).not.toContain(withdrawn.dossierId);

    const ending = await handOver({ validUntil: '2026-03-05' });
    expect((await list('?limit=100')).handovers.map((x) => x.dossierId)).toContain(ending.dossierId);
    h.clock.advance(4 * 24 * 3_600_000);
    tokens['sh-1'] = (await h.login('sh-1')).token; // the session of four days ago has ended
    expect((await get(handoverPath(handoverPaths.handover, { dossierId: ending.dossierId }))).json()).toMatchObject({ error: 'consent_expired' });
    expect((await act(ending.dossierId, 'accept')).statusCode).toBe(403);
    expect((await list('?view=all&limit=100')).handovers.map((x) => x.dossierId)).not.toContain(ending.dossierId);
    h.clock.advance(-4 * 24 * 3_600_000);
  });
});
