import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths } from '../../../shared/api/cases';
import type { SignalEvent } from '../../../shared/api/signal-events';
import { signalEventBatchResponseSchema, signalEventsBatchPath } from '../../../shared/api/signal-events';
import { availableBackends } from '../test-support/backends';
import type { Harness } from '../test-support/harness';
import { count, createHarness, newCase } from '../test-support/harness';

describe.each(availableBackends())('signal events on $name', (backend) => {
  let h: Harness;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    h = await createHarness(backend);
    for (const name of ['worker', 'counsellor', 'teamlead', 'worker-b']) tokens[name] = (await h.login(name)).token;
  });
  afterAll(async () => {
    await h.close();
  });

  type Recorded = Extract<SignalEvent, { type: 'recorded' }>;
  const recorded = (over: Partial<Recorded> = {}): Recorded => ({
    type: 'recorded',
    eventId: randomUUID(),
    signalId: 'huurachterstand',
    domainId: 'financien',
    crisis: true,
    postcodeArea: '6411',
    week: '2026-W10',
    householdType: 'single-with-children',
    teamId: h.teamA,
    ...over,
  });
  const retraction = (of: SignalEvent): SignalEvent => ({ type: 'retracted', eventId: randomUUID(), retracts: of.eventId, week: '2026-W11', teamId: h.teamA });
  const sendRaw = (payload: unknown, user = 'worker') =>
    h.app.inject({
      method: 'POST',
      url: signalEventsBatchPath,
      headers: { authorization: `Bearer ${tokens[user]}`, 'content-type': 'application/json' },
      payload: JSON.stringify(payload),
    });
  const send = async (events: SignalEvent[], user = 'worker') => {
    const res = await sendRaw({ events }, user);
    expect(res.statusCode, res.body).toBe(200);
    return signalEventBatchResponseSchema.parse(res.json()).results.map((r) => r.status);
  };
  const stored = () => count(h.db, 'signal_events');

  it('stores each event once: 201, then 200 for the same body, 422 for the same id with another body', async () => {
    const a = recorded();
    const b = recorded({ signalId: 'energieschuld' });
    expect(await send([a, b])).toEqual([201, 201]);
    const before = await stored();
    expect(await send([a, { ...b, postcodeArea: '6412' }, { ...a, eventId: a.eventId.toUpperCase() }])).toEqual([200, 422, 200]);
    expect(await stored()).toBe(before);
    const twice = recorded();
    expect(await send([twice, twice, { ...twice, crisis: false }])).toEqual([201, 200, 422]);
    const { rows } = await h.db.query<{ postcode_area: string; crisis: boolean }>('SELECT postcode_area, crisis FROM signal_events WHERE event_id = ANY($1::uuid[]) ORDER BY postcode_area', [[b.eventId, twice.eventId]]);
    expect(rows).toEqual([
      { postcode_area: '6411', crisis: true },
      { postcode_area: '6411', crisis: true },
    ]);
  });

  it('stores a batch once when identical batches race each other', async () => {
    const events = Array.from({ length: 40 }, () => recorded());
    const before = await stored();
    const answers = await Promise.all(Array.from({ length: 4 }, () => send(events)));
    for (let i = 0; i < events.length; i++) expect(answers.map((a) => a[i]).sort()).toEqual([200, 200, 200, 201]);
    expect(await stored()).toBe(before + events.length);
  });

  it('stores a retraction as a row of its own and leaves the recorded event as it was', async () => {
    const event = recorded();
    const back = retraction(event);
    expect(await send([event, back])).toEqual([201, 201]);
    const { rows } = await h.db.query<{ type: string; retracts: string | null; signal_id: string | null }>(
      'SELECT type, retracts::text AS retracts, signal_id FROM signal_events WHERE event_id = ANY($1::uuid[]) ORDER BY type',
      [[event.eventId, back.eventId]],
    );
    expect(rows).toEqual([
      { type: 'recorded', retracts: null, signal_id: 'huurachterstand' },
      { type: 'retracted', retracts: event.eventId, signal_id: null },
    ]);
  });

  it('refuses an event with a name, a household id, a note or an exact date with 400, and stores nothing of the batch', async () => {
    const before = await stored();
    const good = recorded();
    const bad: unknown[] = [
      { ...recorded(), name: 'Jansen' },
      { ...recorded(), householdId: randomUUID() },
      { ...recorded(), caseId: randomUUID() },
      { ...recorded(), note: 'Vader met burn-out' },
      { ...recorded(), recordedAt: '2026-03-02T10:00:00Z' },
      { ...recorded(), week: '2026-03-02' },
      { ...recorded(), week: '2026-W54' },
      { ...retraction(good), signalId: 'huurachterstand' },
      { ...recorded(), postcodeArea: '6411AB' },
      { ...recorded(), signalId: 'Huur achterstand van Jansen' },
      { ...recorded(), householdType: 'gezin Jansen' },
      { ...recorded(), teamId: 'team-a' },
    ];
    for (const event of bad) {
      const res = await sendRaw({ events: [good, event] });
      expect(res.statusCode, JSON.stringify(event)).toBe(400);
      expect(res.json()).toMatchObject({ error: 'bad_request' });
    }
    for (const envelope of [{ events: [] }, { events: [good], note: 'x' }, { events: Array.from({ length: 501 }, () => recorded()) }, [good]]) {
      expect((await sendRaw(envelope)).statusCode).toBe(400);
    }
    expect(await stored()).toBe(before);
  });

  it('lets only workers post, and only for their own team', async () => {
    const before = await stored();
    for (const user of ['counsellor', 'teamlead']) {
      const res = await sendRaw({ events: [recorded()] }, user);
      expect(res.statusCode, user).toBe(403);
      expect(res.json()).toMatchObject({ error: 'forbidden' });
    }
    const foreign = await sendRaw({ events: [recorded(), recorded({ teamId: h.teamB })] });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json()).toMatchObject({ error: 'team_mismatch', message: 'U kunt alleen gegevens van uw eigen team versturen.' });
    expect((await sendRaw({ events: [recorded()] }, 'worker-b')).statusCode).toBe(403);
    expect((await h.app.inject({ method: 'POST', url: signalEventsBatchPath, payload: { events: [recorded()] } })).statusCode).toBe(401);
    expect(await stored()).toBe(before);
    expect(await send([recorded({ teamId: h.teamB })], 'worker-b')).toEqual([201]);
  });

  it('keeps no household, case, worker or moment in the table, and audits a batch without event ids', async () => {
    const body = newCase();
    const push = await h.app.inject({
      method: 'POST',
      url: apiPaths.cases,
      headers: { authorization: `Bearer ${tokens.worker}`, 'idempotency-key': randomUUID() },
      payload: body,
    });
    expect(push.statusCode).toBe(201);
    const event = recorded();
    const auditBefore = await count(h.db, "audit_log WHERE action = 'signal-event.create'");
    await send([event, retraction(event)]);
    expect(await count(h.db, "audit_log WHERE action = 'signal-event.create'")).toBe(auditBefore + 1);
    expect(await count(h.db, 'audit_log WHERE entity_id = ANY($1::text[])', [[event.eventId]])).toBe(0);

    const dump = JSON.stringify((await h.db.query('SELECT * FROM signal_events')).rows);
    const { rows: ids } = await h.db.query<{ id: string }>(
      'SELECT case_id::text AS id FROM cases UNION SELECT user_id::text FROM users UNION SELECT key::text FROM idempotency',
    );
    expect(ids.length).toBeGreaterThan(4);
    for (const { id } of ids) expect(dump).not.toContain(id);
    const { rows: columns } = await h.db.query<{ column_name: string; data_type: string }>(
      "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'signal_events' AND table_schema = current_schema()",
    );
    expect(columns.map((c) => c.column_name).sort()).toEqual(
      ['crisis', 'domain_id', 'event_id', 'household_type', 'postcode_area', 'request_hash', 'retracts', 'signal_id', 'team_id', 'type', 'week'],
    );
    expect(columns.filter((c) => /date|time/.test(c.data_type))).toEqual([]);
  });

  it('keeps the table append-only', async () => {
    await send([recorded()]);
    await expect(h.db.query("UPDATE signal_events SET postcode_area = '6412'")).rejects.toThrow(/append-only/);
    await expect(h.db.query('DELETE FROM signal_events')).rejects.toThrow(/append-only/);
    await expect(h.db.exec('TRUNCATE signal_events')).rejects.toThrow(/append-only/);
  });
});
