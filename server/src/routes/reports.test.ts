import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dossier } from '../../../shared/api/dossier';
import { handoverPath, handoverPaths } from '../../../shared/api/handover';
import type { FunnelReport, OverdueReport, ReportFiltersResponse, SignalsReport, WgsReport } from '../../../shared/api/reports';
import { reportPaths } from '../../../shared/api/reports';
import type { SignalEvent } from '../../../shared/api/signal-events';
import { signalEventsBatchPath } from '../../../shared/api/signal-events';
import { availableBackends } from '../test-support/backends';
import type { Harness } from '../test-support/harness';
import { createHarness } from '../test-support/harness';
import { addSchuldhulpTeam, bearer, dossierFor, pushVersion, sendCase, versionRequest } from '../test-support/handover';

const h5 = { suppressed: true } as const;
const uuidPattern = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

describe.each(availableBackends())('team-lead reports on $name', (backend) => {
  let h: Harness;
  const tokens: Record<string, string> = {};
  /** Every case and dossier id made here: none may appear in any report. */
  const residentIds = new Set<string>();
  let n = 500;

  const get = (url: string, who = 'teamlead') => h.app.inject({ method: 'GET', url, headers: bearer(tokens[who]!) });
  const report = async <T>(url: string, who = 'teamlead'): Promise<T> => {
    const res = await get(url, who);
    expect(res.statusCode, res.body).toBe(200);
    for (const id of res.body.match(uuidPattern) ?? []) expect(residentIds.has(id.toLowerCase()), `report ${url} holds ${id}`).toBe(false);
    return res.json<T>();
  };
  const at = (iso: string) => {
    const ms = new Date(iso).getTime() - h.clock.now().getTime();
    if (ms < 0) throw new Error(`the test clock cannot go back to ${iso}`);
    h.clock.advance(ms);
  };

  const recorded = (signalId: string, domainId: string, over: Partial<Extract<SignalEvent, { type: 'recorded' }>> = {}): Extract<SignalEvent, { type: 'recorded' }> => ({
    type: 'recorded',
    eventId: randomUUID(),
    signalId,
    domainId,
    crisis: false,
    postcodeArea: '6411',
    week: '2026-W10',
    householdType: 'single',
    teamId: h.teamA,
    ...over,
  });
  const sendEvents = async (events: SignalEvent[], who = 'worker') => {
    const res = await h.app.inject({ method: 'POST', url: signalEventsBatchPath, headers: bearer(tokens[who]!), payload: { events } });
    expect(res.statusCode, res.body).toBe(200);
  };
  const times = <T>(k: number, make: () => T): T[] => Array.from({ length: k }, make);

  /** A fresh dossier (its case first) from team A to the schuldhulp team. */
  const handOver = async (basis: 'crisis' | 'regular', countedFrom: string) => {
    const base = dossierFor(++n);
    const d: Dossier = { ...base, aanmelding: { ...base.aanmelding, deadlines: { ...base.aanmelding.deadlines, basis, countedFrom } } };
    await sendCase(h, tokens.worker!, d.caseId);
    const req = versionRequest(d);
    const res = await pushVersion(h, tokens.worker!, req);
    expect(res.statusCode, res.body).toBe(201);
    residentIds.add(req.dossierId.toLowerCase());
    residentIds.add(d.caseId.toLowerCase());
    return req.dossierId;
  };
  const act = async (dossierId: string, action: 'accept' | 'return' | 'plan' | 'decision' | 'close', payload: object = {}) => {
    const res = await h.app.inject({ method: 'POST', url: handoverPath(handoverPaths[action], { dossierId }), headers: bearer(tokens['sh-1']!), payload });
    expect(res.statusCode, res.body).toBe(200);
  };
  const open = async (dossierId: string) => {
    const res = await get(handoverPath(handoverPaths.handover, { dossierId }), 'sh-1');
    expect(res.statusCode, res.body).toBe(200);
  };
  const plan = (dossierId: string, plannedAt: string) => act(dossierId, 'plan', { firstConversation: { plannedAt, how: 'phone', phone: '045 123 4567' } });

  beforeAll(async () => {
    // The story runs over months of the test clock: sessions must outlive it.
    h = await createHarness(backend, { sessionTtlMs: 400 * 86_400_000 });
    await addSchuldhulpTeam(h);
    for (const u of ['worker', 'worker-b', 'counsellor', 'teamlead', 'sh-1', 'sh-lead']) tokens[u] = (await h.login(u)).token;
  });
  afterAll(async () => {
    await h.close();
  });

  it('answers only a team lead: a worker and a counsellor get 403 forbidden, whichever report', async () => {
    for (const path of Object.values(reportPaths)) {
      const url = `${path}?from=2026-03-01&to=2026-03-31`;
      for (const who of ['worker', 'counsellor', 'sh-1']) {
        const res = await get(path === reportPaths.filters || path === reportPaths.overdue ? path : url, who);
        expect(res.statusCode).toBe(403);
        expect(res.json()).toMatchObject({ error: 'forbidden' });
      }
    }
    const filters = await report<ReportFiltersResponse>(reportPaths.filters);
    expect(filters).toMatchObject({ threshold: 5, ownTeamId: h.teamA });
    expect(filters.teams.map((t) => t.name)).toEqual(expect.arrayContaining(['Team A', 'Team B']));
    expect(filters.neighbourhoods).toContainEqual({ postcodeArea: '6411', name: 'Heerlen-Centrum' });
  });

  it('refuses a bad period with 400 and says why, in Dutch', async () => {
    for (const query of ['from=2026-04-01&to=2026-03-01', 'from=2026-02-30&to=2026-03-31', 'from=2020-01-01&to=2026-03-31', 'from=2026-03-01', 'from=2026-03-01&to=2026-03-31&caseId=x']) {
      for (const path of [reportPaths.signals, reportPaths.funnel, reportPaths.wgs]) {
        const res = await get(`${path}?${query}`);
        expect(res.statusCode, `${path}?${query}`).toBe(400);
        expect(res.json()).toMatchObject({ error: 'bad_request' });
      }
    }
    const res = await get(`${reportPaths.signals}?from=2026-04-01&to=2026-03-01`);
    expect(res.json<{ issues: { message: string }[] }>().issues.map((i) => i.message)).toContain('De einddatum ligt vóór de begindatum.');
    expect((await get(`${reportPaths.signals}?from=2026-03-01&to=2026-03-31&crisis=maybe`)).statusCode).toBe(400);
  });

  it('counts signals without the retracted ones; a retraction from another team is stored but cancels nothing', async () => {
    // March (weeks 10 and 11): 12 rent arrears in 6411 (single), 2 of them retracted; 5 energy arrears in 6415 (couple with children).
    const rent = [...times(6, () => recorded('huurachterstand', 'wonen')), ...times(6, () => recorded('huurachterstand', 'wonen', { week: '2026-W11' }))];
    const energy = times(5, () => recorded('energieachterstand', 'geld', { postcodeArea: '6415', householdType: 'couple-with-children' }));
    await sendEvents([...rent, ...energy]);
    const retract = (event: { eventId: string }, teamId: string): SignalEvent => ({ type: 'retracted', eventId: randomUUID(), retracts: event.eventId, week: '2026-W11', teamId });
    await sendEvents([retract(rent[0]!, h.teamA), retract(rent[7]!, h.teamA)]);
    // Retracting the same event twice takes it off once.
    await sendEvents([retract(rent[0]!, h.teamA)]);
    await sendEvents([retract(rent[1]!, h.teamB)], 'worker-b');

    const march = await report<SignalsReport>(`${reportPaths.signals}?from=2026-03-01&to=2026-03-31`);
    expect(march.periods).toEqual([{ key: '2026-03', label: 'maart 2026', from: '2026-03-01', to: '2026-03-31' }]);
    expect(march.total).toEqual({ cells: [15], total: 15 });
    expect(march.bySignal.rows).toEqual([
      { key: 'huurachterstand', label: 'Achterstand met de huur', domainId: 'wonen', cells: [10], total: 10 },
      { key: 'energieachterstand', label: 'Achterstand bij de energieleverancier', domainId: 'geld', cells: [5], total: 5 },
    ]);
    expect(march.byDomain.rows.map((r) => [r.key, r.total])).toEqual([['geld', 5], ['wonen', 10]]);
    expect(march.byNeighbourhood.rows.map((r) => [r.key, r.label, r.total])).toEqual([['6411', 'Heerlen-Centrum', 10], ['6415', 'Heerlerheide', 5]]);
    expect(march.byHouseholdType.rows.map((r) => [r.key, r.total])).toEqual([['single', 10], ['single-with-children', 0], ['couple', 0], ['couple-with-children', 5], ['other', 0]]);
    expect(march.familiesWithChildren).toEqual({ cells: [5], total: 5 });
    expect(march.bySignalFamiliesWithChildren.rows.map((r) => [r.key, r.total])).toEqual([['energieachterstand', 5]]);

    const weeks = await report<SignalsReport>(`${reportPaths.signals}?from=2026-03-01&to=2026-03-31&granularity=week`);
    expect(weeks.periods.map((p) => [p.key, p.label, p.from, p.to])[0]).toEqual(['2026-W10', 'week 10 2026', '2026-03-02', '2026-03-08']);
    expect(weeks.total.cells.slice(0, 2)).toEqual([10, 5]);

    const crisisOnly = await report<SignalsReport>(`${reportPaths.signals}?from=2026-03-01&to=2026-03-31&crisis=crisis`);
    expect(crisisOnly.total).toEqual({ cells: [0], total: 0 });
    const teamB = await report<SignalsReport>(`${reportPaths.signals}?from=2026-03-01&to=2026-03-31&teamId=${h.teamB}`);
    expect(teamB.total.total).toBe(0);
    const geld = await report<SignalsReport>(`${reportPaths.signals}?from=2026-03-01&to=2026-03-31&domainId=geld`);
    expect(geld.total.total).toBe(5);
  });

  it('hides 4 but shows 5, and hides the next-smallest count wherever a total would give a hidden one back', async () => {
    // April: 20 rent arrears (6411, single), 4 energy arrears (6415, couple with children), 9 school things (6417, single with children).
    await sendEvents([
      ...times(20, () => recorded('huurachterstand', 'wonen', { week: '2026-W15' })),
      ...times(4, () => recorded('energieachterstand', 'geld', { week: '2026-W15', postcodeArea: '6415', householdType: 'couple-with-children' })),
      ...times(9, () => recorded('geen-geld-schoolspullen', 'kinderen-en-opvoeding', { week: '2026-W16', postcodeArea: '6417', householdType: 'single-with-children' })),
    ]);
    const april = await report<SignalsReport>(`${reportPaths.signals}?from=2026-04-01&to=2026-04-30`);
    // By hand: 33 = 20 + 4 + 9; the 4 is hidden, so the 9 is hidden too, in every table that adds up to 33.
    expect(april.total).toEqual({ cells: [33], total: 33 });
    expect(april.bySignal.rows.map((r) => [r.key, r.cells[0], r.total])).toEqual([
      ['huurachterstand', 20, 20],
      ['energieachterstand', h5, h5],
      ['geen-geld-schoolspullen', h5, h5],
    ]);
    expect(april.byDomain.rows.map((r) => [r.key, r.total])).toEqual([['geld', h5], ['wonen', 20], ['kinderen-en-opvoeding', h5]]);
    expect(april.byNeighbourhood.rows.map((r) => [r.key, r.total])).toEqual([['6411', 20], ['6415', h5], ['6417', h5]]);
    expect(april.byHouseholdType.rows.map((r) => [r.key, r.total])).toEqual([['single', 20], ['single-with-children', h5], ['couple', 0], ['couple-with-children', h5], ['other', 0]]);
    // Families with children: 9 + 4 = 13 may show; it does not tell the 4 apart from the 9.
    expect(april.familiesWithChildren).toEqual({ cells: [13], total: 13 });
    expect(april.bySignalFamiliesWithChildren.rows.map((r) => [r.key, r.total])).toEqual([['energieachterstand', h5], ['geen-geld-schoolspullen', h5]]);
  });

  it('follows each handover through the funnel with median and 90th-percentile lead times, and never names one', async () => {
    // Six handovers arrive on Monday 2 March 09:00; the counsellor opens them after 1, 1, 2, 2, 3 and 5 days.
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push(await handOver('regular', '2026-03-02'));
    const opened = [1, 1, 2, 2, 3, 5];
    const accepted = [0.5, 1, 1, 2, 4]; // days after opening, for the first five
    const plan0 = new Date('2026-03-02T09:00:00.000Z').getTime();
    const day = 86_400_000;
    const steps: { at: number; run: () => Promise<void> }[] = [];
    ids.forEach((id, i) => steps.push({ at: plan0 + opened[i]! * day, run: () => open(id) }));
    ids.slice(0, 5).forEach((id, i) => steps.push({ at: plan0 + (opened[i]! + accepted[i]!) * day, run: () => act(id, 'accept') }));
    steps.push({ at: plan0 + 6 * day, run: () => act(ids[5]!, 'return', { reason: 'incomplete' }) });
    steps.sort((a, b) => a.at - b.at);
    for (const s of steps) {
      at(new Date(s.at).toISOString());
      await s.run();
    }
    at('2026-03-12T09:00:00.000Z');
    const funnel = await report<FunnelReport>(`${reportPaths.funnel}?from=2026-03-02&to=2026-03-02`);
    const step = (name: string) => funnel.steps.find((s) => s.step === name);
    expect(step('sent')).toEqual({ step: 'sent', count: 6, leadTime: null });
    // Opened after 1, 1, 2, 2, 3, 5 days: median (2 + 2) / 2 = 2; 90th percentile 3 + 0.5 × (5 − 3) = 4.
    expect(step('received')).toEqual({ step: 'received', count: 6, leadTime: { since: 'sent', count: 6, medianDays: 2, p90Days: 4 } });
    // Accepted 0.5, 1, 1, 2, 4 days after opening: median 1; 90th percentile 2 + 0.6 × (4 − 2) = 3.2.
    expect(step('accepted')).toEqual({ step: 'accepted', count: 5, leadTime: { since: 'received', count: 5, medianDays: 1, p90Days: 3.2 } });
    // One return: too few to show, and so is its lead time and its reason.
    expect(step('returned')).toEqual({ step: 'returned', count: h5, leadTime: { since: 'received', count: h5, medianDays: h5, p90Days: h5 } });
    expect(funnel.returnReasons.rows.find((r) => r.reason === 'incomplete')).toEqual({ reason: 'incomplete', count: h5 });
    expect(funnel.returnReasons.total).toEqual(h5);
    expect(step('first-conversation')?.count).toBe(0);
    // Workload: five open handovers of team A, sent by its one worker; the team lead sees the worker by name, never an id.
    expect(funnel.workloadByTeam.rows).toEqual([{ key: h.teamA, label: 'Team A', open: 5, perMonth: { cells: [6], total: 6 } }]);
    expect(funnel.workloadByWorker.rows).toEqual([{ key: 'worker-1', label: 'Test worker', open: 5, perMonth: { cells: [6], total: 6 } }]);
  });

  it('counts the Wgs term as kept across a holiday: a crisis from Thursday 2 April is due Wednesday 8 April, after Easter Monday', async () => {
    at('2026-04-02T08:00:00.000Z');
    const crisis: string[] = [];
    for (let i = 0; i < 5; i++) crisis.push(await handOver('crisis', '2026-04-02'));
    for (const id of crisis) {
      await open(id);
      await act(id, 'accept');
      // 8 April is the third working day after 2 April only because Easter Monday (6 April) is not one.
      await plan(id, '2026-04-08T10:00:00+02:00');
    }
    const late = await handOver('crisis', '2026-04-02');
    await act(late, 'accept');
    await plan(late, '2026-04-09T10:00:00+02:00');
    at('2026-04-20T09:00:00.000Z');
    const wgs = await report<WgsReport>(`${reportPaths.wgs}?from=2026-04-01&to=2026-04-30`);
    expect(wgs.months.map((m) => m.key)).toEqual(['2026-04']);
    expect(wgs.firstConversation.crisis.cells[0]).toEqual({ met: 5, late: h5, pending: 0, share: h5 });
    // The March handovers (due 30 March, none planned) were late; the April ones are not in April's regular count.
    const march = await report<WgsReport>(`${reportPaths.wgs}?from=2026-03-01&to=2026-03-31`);
    expect(march.firstConversation.regular.total).toEqual({ met: 0, late: 5, pending: 0, share: 0 });
    // Decisions: 8 weeks after 8 April is 3 June, not yet passed.
    const june = await report<WgsReport>(`${reportPaths.wgs}?from=2026-06-01&to=2026-06-30`);
    expect(june.decision.crisis.total).toEqual({ met: 0, late: 0, pending: 6, share: null });
    // Decided today, 20 April: well within the term (a decision is recorded once taken, never ahead).
    for (const id of crisis) await act(id, 'decision', { decidedOn: '2026-04-20', note: 'Toegelaten tot de schuldregeling.' });
    const juneAgain = await report<WgsReport>(`${reportPaths.wgs}?from=2026-06-01&to=2026-06-30`);
    expect(juneAgain.decision.crisis.total).toEqual({ met: 5, late: 0, pending: h5, share: 1 });
  });

  it("lists the overdue handovers of the lead's own team with status and days overdue, and nothing that points at a resident", async () => {
    at('2026-04-21T09:00:00.000Z');
    const overdue = await report<OverdueReport>(reportPaths.overdue);
    expect(overdue.today).toBe('2026-04-21');
    // The five accepted March handovers, none planned, were due 30 March: 22 days overdue.
    expect(overdue.items).toContainEqual({ status: 'accepted', term: 'first-conversation', basis: 'regular', daysOverdue: 22 });
    expect(overdue.items.every((i) => Object.keys(i).sort().join() === 'basis,daysOverdue,status,term')).toBe(true);
    // The schuldhulp team's lead sees the same handovers (received by that team); a lead of a team without any sees none.
    expect((await report<OverdueReport>(reportPaths.overdue, 'sh-lead')).items.length).toBe(overdue.items.length);
  });
});
