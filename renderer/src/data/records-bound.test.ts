import { describe, expect, it } from 'vitest';
import { lifeDomains } from '../../../resources/index';
import { emptyDomainEntry, emptyFinances } from '../../../shared/domain/intake.schema';
import type { EncryptedRow } from './db';
import type { DeviceSession } from '../app/session';
import { testDevice } from '../testing/device';
import { dumpIndexedDb, householdInput, loginFor, readableText } from '../testing/fakes';

/**
 * Someone with write access to IndexedDB but without the key moves ciphertexts around.
 * Each moved record must end unreadable (or stuck, for the outbox), never shown or sent as another
 * household's data. Rows are found the way such a person would: by comparing raw dumps.
 */

/** A hub that takes every new case and records which case ids reached it. */
function recordingHub() {
  const caseIds: string[] = [];
  const state = { up: false };
  const fetch: typeof globalThis.fetch = (input, init) => {
    if (!state.up) return Promise.reject(new TypeError('fetch failed'));
    const url = new URL(input instanceof Request ? input.url : input);
    if (init?.method === 'GET' || url.pathname.endsWith('/changes')) return Promise.resolve(Response.json({ checkpoint: 0, changes: [] }));
    const request = JSON.parse(init?.body as string) as { items: { idempotencyKey: string; case: { caseId: string } }[] };
    caseIds.push(...request.items.map((i) => i.case.caseId));
    const results = request.items.map((item) => ({
      idempotencyKey: item.idempotencyKey,
      status: 201,
      body: { caseId: item.case.caseId, status: 'received', receivedAt: '2026-03-02T09:00:00.000Z' },
    }));
    return Promise.resolve(Response.json({ results }));
  };
  return { fetch, caseIds, state };
}

async function device(fetch?: typeof globalThis.fetch) {
  const ctx = testDevice(fetch ? { fetch, online: true } : {});
  const enrolled = await ctx.account.enroll(loginFor(), '246813');
  if (!enrolled.ok) throw new Error(enrolled.error.code);
  const session = enrolled.value as DeviceSession;
  const [a, b] = [await session.households.create(householdInput('Familie Aerts')), await session.households.create(householdInput('Familie Bos'))];
  return { ...ctx, session, a, b };
}

/** The rows a save added or changed, found by diffing the table before and after (no key needed). */
async function rowsWrittenBy(table: { toArray(): Promise<EncryptedRow[]> }, save: () => Promise<unknown>): Promise<EncryptedRow[]> {
  const before = new Map((await table.toArray()).map((r) => [r.id, r.data.join()]));
  await save();
  return (await table.toArray()).filter((r) => before.get(r.id) !== r.data.join());
}

describe('records bound to their place', () => {
  it("shows a mental-health section moved into another household's money section as unreadable, never as that household's data", async () => {
    const { db, session, a, b } = await device();
    // A save also rewrites the household's activity row (when its intake last changed); saved once
    // before, that row is no longer new, so the one new row of each save below is its section.
    for (const h of [a, b]) await session.intakes.saveDomain(h.id, 'wonen', { ...emptyDomainEntry(), ownView: 'Het huis is klein.' });
    const newRows = async (save: () => Promise<unknown>) => {
      const before = new Set((await db.intakes.toArray()).map((r) => r.id));
      return (await rowsWrittenBy(db.intakes, save)).filter((r) => !before.has(r.id));
    };
    const [mental] = await newRows(() => session.intakes.saveDomain(a.id, 'mentale-gezondheid', { ...emptyDomainEntry(), ownView: 'Ik slaap slecht.' }));
    const [money] = await newRows(() => session.intakes.saveDomain(b.id, 'geld', { ...emptyDomainEntry(), ownView: 'Het lukt net.' }));
    await db.intakes.update(money!.id, { iv: mental!.iv, data: mental!.data });

    session.lock();
    const again = await testDevice({ db }).account.unlock('246813');
    if (!again.ok) throw new Error(again.error.code);
    await expect(again.value.intakes.load(b.id)).rejects.toThrow('kan niet worden geopend');
    // The household it came from is untouched.
    expect((await again.value.intakes.load(a.id)).domains['mentale-gezondheid']?.ownView).toBe('Ik slaap slecht.');
    again.value.lock();
  });

  it('reports a household row moved to another id as unreadable and does not list it under that id', async () => {
    const { db, session, a, b } = await device();
    // Saved now, so the one lock() starts cannot land after the clear below.
    await session.households.saveSnapshot();
    session.lock();
    const rowA = await db.households.get(a.id);
    await db.households.update(b.id, { iv: rowA!.iv, data: rowA!.data });
    await db.snapshots.clear();

    const again = await testDevice({ db }).account.unlock('246813');
    if (!again.ok) throw new Error(again.error.code);
    const households = (again.value as DeviceSession).households;
    expect(households.unreadable).toBe(1);
    expect(households.list().map((h) => [h.id, h.name])).toEqual([[a.id, 'Familie Aerts']]);
    expect(await households.get(b.id)).toBeUndefined();
    again.value.lock();
  });

  it('never sends an outbox payload moved into another item: that item is stuck as unreadable', async () => {
    const hub = recordingHub();
    const { db, clock, session, a, b } = await device(hub.fetch);
    const items = await db.outbox.toArray();
    const itemA = items.find((i) => i.entityId === a.id)!;
    const itemB = items.find((i) => i.entityId === b.id)!;
    await db.outbox.update(itemB.id, { iv: itemA.iv, data: itemA.data });

    hub.state.up = true;
    clock.advance(60 * 60_000);
    await session.sync.syncNow();
    expect(hub.caseIds).toEqual([a.id]);
    expect(await db.outbox.toArray()).toMatchObject([{ id: itemB.id, entityId: b.id, status: 'stuck', lastError: { code: 'record.unreadable' } }]);
    expect(session.households.list().find((h) => h.id === b.id)?.sync).toBe('stuck');
    session.lock();
  });

  it('keeps a history line copied to another household out of that household\'s history', async () => {
    const { db, session, a, b } = await device();
    const [line] = await rowsWrittenBy(db.history, () => session.intakes.saveDomain(a.id, 'verslaving', { ...emptyDomainEntry(), score: 2 }));
    // B's own "created" line is the one row with another owner tag.
    const ownerB = (await db.history.toArray()).find((r) => r.id !== line!.id && r.owner !== line!.owner)!.owner;
    await db.history.put({ ...line!, id: crypto.randomUUID(), owner: ownerB });
    const historyB = await session.intakes.history(b.id);
    expect(historyB.map((e) => e.section)).toEqual(['household']);
    session.lock();
  });

  it('names no life domain, section or form in any IndexedDB key or index, and shows no timeline', async () => {
    const { db, session, a } = await device();
    for (const domain of lifeDomains) await session.intakes.saveDomain(a.id, domain.id, { ...emptyDomainEntry(), score: 3 });
    await session.intakes.saveFinances(a.id, { ...emptyFinances(), selfEmployed: true });
    await session.intakes.saveSignals(a.id, []);
    await session.intakes.saveCursor(a.id, `/huishoudens/${a.id}/gesprek/geld`);
    await session.drafts.save(`household:${a.id}`, { name: 'Half getypt' });
    session.lock();

    const text = readableText(await dumpIndexedDb(db.name)).join('\n');
    for (const domain of lifeDomains) expect(text).not.toContain(domain.id);
    for (const word of ['domain', 'signals', 'finances', 'cursor', 'household:']) expect(text).not.toContain(word);
    // No edit or visit times in clear: households, intake sections and history lines keep them sealed.
    for (const table of [db.households, db.intakes, db.history]) expect((await table.toArray()).every((r) => r.updatedAt === 0)).toBe(true);
    // Intake rows do not even name their household.
    expect((await db.intakes.toArray()).some((r) => JSON.stringify(r).includes(a.id))).toBe(false);
  });
});
