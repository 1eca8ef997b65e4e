import { describe, expect, it } from 'vitest';
import { settings } from '../../../resources/index';
import type { Change } from '../../../shared/api/changes';
import { sealCaseStatuses } from '../sync/case-statuses';
import { createOutbox } from '../sync/outbox';
import type { DeviceSession } from './session';
import { testDevice } from '../testing/device';
import { fakeClock, freshDb, householdInput, loginFor, worker } from '../testing/fakes';
import { tagParts } from '../data/crypto/places';
import { createTagger } from '../data/crypto/tags';
import { openDraftRepository } from '../data/repositories/draft-repository';
import { createHistoryLog } from '../data/repositories/history-log';
import { openHouseholdRepository } from '../data/repositories/household-repository';
import { intakeRowId, sealSection } from '../data/repositories/intake-repository';
import { holidays, lifeDomains, recipients, signalCatalogue } from '../../../resources/index';
import { buildDossier } from '../../../shared/domain/dossier';
import { rikConsent, rikHousehold, rikIntake, sanne } from '../../../shared/domain/fixtures/rik';
import { openHandoverRepository } from '../data/repositories/handover-repository';
import { purgeClosedHouseholds } from './retention';

const day = 86_400_000;

describe('device retention of closed cases', () => {
  it('deletes a household whose case the hub closed retentionDaysClosedCases ago, with all its rows, and nothing else', async () => {
    const db = freshDb();
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    const clock = fakeClock();
    const tagger = createTagger(key);
    const open = () =>
      openHouseholdRepository({ db, key, clock, outbox: createOutbox({ key, clock }), worker: { id: worker.id, name: worker.displayName }, history: createHistoryLog({ db, key, clock, worker: { id: worker.id, name: worker.displayName } }) });
    const repo = await open();
    const closed = await repo.create(householdInput('Familie Jansen', '6411 AB'));
    const open1 = await repo.create(householdInput('Familie Smeets', '6412 CD'));
    const drafts = openDraftRepository({ db, key, clock });
    for (const h of [closed, open1]) {
      await drafts.save(`household:${h.id}`, { name: 'half getypt' });
      const id = await intakeRowId(tagger, h.id, 'signals');
      await db.intakes.put(await sealSection(key, id, h.id, 'signals', { signals: ['x'] }, clock.now()));
    }
    const change = (seq: number, caseId: string, status: Change['status']): Change => ({ seq, entity: 'dossier', caseId, status, changedAt: new Date(clock.now()).toISOString(), version: 1 });
    await db.caseStatuses.bulkPut(await sealCaseStatuses(key, tagger, [change(1, closed.id, 'received'), change(2, open1.id, 'received'), change(3, closed.id, 'closed'), change(4, open1.id, 'accepted')]));
    expect(await db.history.count()).toBeGreaterThan(0);
    const rowsOf = async (id: string) => ({
      households: await db.households.where('id').equals(id).count(),
      intakes: await db.intakes.where('id').equals(await intakeRowId(tagger, id, 'signals')).count(),
      history: await db.history.where('owner').equals(await tagger.tag(...tagParts.historyOwner(id))).count(),
      drafts: await db.drafts.where('id').equals(await tagger.tag(...tagParts.draft(`household:${id}`))).count(),
      statuses: await db.caseStatuses.where('owner').equals(await tagger.tag(...tagParts.caseStatusOwner(id))).count(),
      outbox: await db.outbox.where('entityId').equals(id).count(),
    });
    const before = await rowsOf(open1.id);
    expect(await rowsOf(closed.id)).toEqual(before);
    expect(before).toMatchObject({ households: 1, intakes: 1, drafts: 1, outbox: 1 });

    const days = settings.retentionDaysClosedCases;
    clock.advance((days - 1) * day);
    expect(await purgeClosedHouseholds({ db, key, now: clock.now(), days })).toEqual([]);
    expect((await rowsOf(closed.id)).households).toBe(1);

    clock.advance(day);
    expect(await purgeClosedHouseholds({ db, key, now: clock.now(), days })).toEqual([closed.id]);
    expect(await rowsOf(closed.id)).toEqual({ households: 0, intakes: 0, history: 0, drafts: 0, statuses: 0, outbox: 0 });
    expect(await rowsOf(open1.id)).toEqual(before);
    // The next unlock lists only the household that stays.
    expect((await open()).list().map((h) => h.id)).toEqual([open1.id]);
    expect(await purgeClosedHouseholds({ db, key, now: clock.now() + 1000 * day, days })).toEqual([]);
  });
});

describe('device retention of a closed case that was handed over', () => {
  it('also deletes its dossier versions and consent withdrawals waiting in the outbox, and their sync states', async () => {
    const db = freshDb();
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    const clock = fakeClock(Date.parse('2026-11-26T10:00:00.000Z'));
    const tagger = createTagger(key);
    const handovers = openHandoverRepository({ db, key, clock, outbox: createOutbox({ key, clock }) });
    const ctx = { lifeDomains, signalCatalogue, settings, holidays, recipients };
    const closedId = rikHousehold.id;
    const openId = crypto.randomUUID();
    const sendVersion = async (id: string) => {
      const consent = { ...rikConsent, id: (await handovers.load(id)).consentId, householdId: id };
      const built = buildDossier({ ...rikHousehold, id }, { ...rikIntake, householdId: id }, consent, sanne, '2026-11-26', ctx);
      if (!built.ok) throw new Error(built.error.code);
      await handovers.send(id, consent, built.value);
    };
    for (const id of [closedId, openId]) {
      // The purge reads only the household rows' keys; what they hold does not matter here.
      await db.households.put({ id, updatedAt: 0, iv: new Uint8Array(12), data: new Uint8Array(16) });
      await sendVersion(id);
      await sendVersion(id);
    }
    // The closed household's first version reached the hub; then its consent was withdrawn and given again.
    const firstOfClosed = (await handovers.load(closedId)).sent[0]!;
    await db.syncStates.put({ kind: 'dossier', entityId: `${firstOfClosed.dossierId}:v1`, state: 'received', at: clock.now() });
    await handovers.withdraw(closedId, '2026-11-26');
    await sendVersion(closedId);
    const messagesOf = async (id: string) => {
      const record = await handovers.load(id);
      const entities = [...record.sent.map((s) => `${s.dossierId}:v${s.version}`), ...record.withdrawn.map((w) => w.consentId)];
      return { outbox: await db.outbox.where('entityId').anyOf(entities).count(), states: await db.syncStates.where('entityId').anyOf(entities).count() };
    };
    expect(await messagesOf(closedId)).toEqual({ outbox: 2, states: 1 });
    const before = await messagesOf(openId);
    expect(before).toEqual({ outbox: 2, states: 0 });

    const change = (seq: number, status: Change['status']): Change => ({ seq, entity: 'dossier', caseId: closedId, status, changedAt: new Date(clock.now()).toISOString(), version: 1 });
    await db.caseStatuses.bulkPut(await sealCaseStatuses(key, tagger, [change(1, 'received'), change(2, 'closed')]));
    const entitiesOfClosed = await (async () => {
      const record = await handovers.load(closedId);
      return [...record.sent.map((s) => `${s.dossierId}:v${s.version}`), ...record.withdrawn.map((w) => w.consentId)];
    })();
    clock.advance(settings.retentionDaysClosedCases * day);
    expect(await purgeClosedHouseholds({ db, key, now: clock.now(), days: settings.retentionDaysClosedCases })).toEqual([closedId]);
    expect(await db.outbox.where('entityId').anyOf(entitiesOfClosed).count()).toBe(0);
    expect(await db.syncStates.where('entityId').anyOf(entitiesOfClosed).count()).toBe(0);
    expect(await messagesOf(openId)).toEqual(before);
  });
});

describe('device retention at unlock', () => {
  it('drops a household from the list at the unlock after its case has been closed retentionDaysClosedCases', async () => {
    const clock = fakeClock();
    const closedOn = new Date(clock.now() - (settings.retentionDaysClosedCases - 1) * day).toISOString();
    const feed: Change[] = [];
    const fetch: typeof globalThis.fetch = (input, init) => {
      const url = new URL(input instanceof Request ? input.url : input);
      if (url.pathname.endsWith('/changes')) return Promise.resolve(Response.json({ checkpoint: feed.length, more: false, changes: feed }));
      const request = JSON.parse(init?.body as string) as { items: { idempotencyKey: string; case: { caseId: string } }[] };
      const results = request.items.map((item) => ({ idempotencyKey: item.idempotencyKey, status: 201, body: { caseId: item.case.caseId, status: 'received', receivedAt: '2026-03-02T09:00:00.000Z' } }));
      return Promise.resolve(Response.json({ results }));
    };
    const { account } = testDevice({ clock, fetch, online: true });
    const enrolled = await account.enroll(loginFor(), '246813');
    if (!enrolled.ok) throw new Error(enrolled.error.code);
    const session = enrolled.value as DeviceSession;
    const closed = await session.households.create(householdInput('Familie Jansen'));
    const stays = await session.households.create(householdInput('Familie Smeets'));
    feed.push({ seq: 1, entity: 'dossier', caseId: closed.id, status: 'closed', changedAt: closedOn, version: 1 }, { seq: 2, entity: 'dossier', caseId: stays.id, status: 'accepted', changedAt: closedOn, version: 1 });
    await session.sync.syncNow();
    expect((await session.sync.statuses(closed.id)).map((c) => c.status)).toEqual(['closed']);
    session.lock();

    // One day short of the retention: still there.
    let unlocked = await account.unlock('246813');
    if (!unlocked.ok) throw new Error(unlocked.error.code);
    expect(unlocked.value.households.list().map((h) => h.id).sort()).toEqual([closed.id, stays.id].sort());
    unlocked.value.lock();

    clock.advance(day);
    unlocked = await account.unlock('246813');
    if (!unlocked.ok) throw new Error(unlocked.error.code);
    expect(unlocked.value.households.list().map((h) => h.id)).toEqual([stays.id]);
    unlocked.value.lock();
  });
});
