import { describe, expect, it } from 'vitest';
import { newCaseRequestSchema } from '../../../../shared/api/cases';
import { newCaseKind } from '../../sync/kinds/new-case';
import { createOutbox, openMessage } from '../../sync/outbox';
import type { KeukentafelDb } from '../db';
import { fakeClock, freshDb, householdInput, worker } from '../../testing/fakes';
import { openDraftRepository } from './draft-repository';
import { normalizeForSearch, openHouseholdRepository } from './household-repository';

const newKey = () => crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);

async function open(db: KeukentafelDb = freshDb(), key?: CryptoKey, clock = fakeClock()) {
  const dataKey = key ?? (await newKey());
  let writes = 0;
  const repo = await openHouseholdRepository({ db, key: dataKey, clock, outbox: createOutbox({ key: dataKey, clock }), worker: { id: worker.id, name: worker.displayName }, afterWrite: () => writes++ });
  return { db, key: dataKey, clock, repo, writes: () => writes };
}

describe('household repository', () => {
  it('creates a household with its new-case outbox item, ready to send', async () => {
    const { db, key, repo, writes } = await open();
    const h = await repo.create(householdInput('Familie Jansen', '6411ab'));
    expect(h).toMatchObject({ name: 'Familie Jansen', postcode: '6411 AB', workerId: worker.id, workerName: worker.displayName });
    expect(repo.list()).toMatchObject([{ id: h.id, adults: 1, children: 1, sync: 'waiting' }]);
    const [item] = await db.outbox.toArray();
    expect(item).toMatchObject({ kind: 'new-case', entityId: h.id, status: 'pending', attempts: 0 });
    const body = newCaseRequestSchema.parse(await openMessage(key, newCaseKind, item!));
    expect(body).toEqual({ caseId: h.id, postcodeArea: '6411', adults: 1, children: 1, openedAt: h.createdAt });
    expect(writes()).toBe(1);
  });

  it('writes nothing when the outbox write fails (one transaction)', async () => {
    const { db, repo } = await open();
    db.outbox.hook('creating', () => {
      throw new Error('schijf vol');
    });
    await expect(repo.create(householdInput())).rejects.toThrow('schijf vol');
    expect(await db.households.count()).toBe(0);
    expect(repo.list()).toEqual([]);
  });

  it('deletes the form draft in the same transaction as the household write', async () => {
    const { db, key, clock, repo } = await open();
    const drafts = openDraftRepository({ db, key, clock });
    await drafts.save('household:new', { name: 'Half' });
    const diskFull = () => {
      throw new Error('schijf vol');
    };
    db.outbox.hook('creating', diskFull);
    await expect(repo.create(householdInput(), { draftId: 'household:new' })).rejects.toThrow('schijf vol');
    expect(await db.drafts.count()).toBe(1);
    db.outbox.hook('creating').unsubscribe(diskFull);
    const h = await repo.create(householdInput(), { draftId: 'household:new' });
    expect(await db.drafts.count()).toBe(0);
    await drafts.save(`household:${h.id}`, { name: 'Half' });
    expect(await db.drafts.count()).toBe(1);
    await repo.update(h.id, householdInput('Familie Smeets'), { draftId: `household:${h.id}` });
    expect(await db.drafts.count()).toBe(0);
  });

  it('rejects invalid input with the schema message and stores nothing', async () => {
    const { db, repo } = await open();
    await expect(repo.create({ ...householdInput(), postcode: '0123 AB' })).rejects.toThrow('Vul een Nederlandse postcode in');
    expect(await db.households.count()).toBe(0);
  });

  it('finds households regardless of case and accents, by name, member, or postcode', async () => {
    const { repo } = await open();
    const a = await repo.create(householdInput('Familie Özdemir', '6411 AB', 'Zoë'));
    const b = await repo.create(householdInput('Familie Peters', '6083 CD', 'Rik'));
    const ids = (q: string) => repo.search(q).map((s) => s.id);
    expect(ids('ozdemir')).toEqual([a.id]);
    expect(ids('ZOE')).toEqual([a.id]);
    expect(ids('6083cd')).toEqual([b.id]);
    expect(ids('6083 CD')).toEqual([b.id]);
    expect(ids('familie peters')).toEqual([b.id]);
    expect(ids('familie smit')).toEqual([]);
    expect(ids('mila')).toHaveLength(2);
    expect(ids('  ')).toHaveLength(2);
    expect(normalizeForSearch('  Çelik   Müller ')).toBe('celik muller');
  });

  it('lists newest first and keeps the list stable between changes', async () => {
    const { repo, clock } = await open();
    const first = await repo.create(householdInput('Eerste'));
    clock.advance(1_000);
    const second = await repo.create(householdInput('Tweede'));
    expect(repo.list().map((s) => s.id)).toEqual([second.id, first.id]);
    expect(repo.list()).toBe(repo.list());
    clock.advance(1_000);
    await repo.update(first.id, householdInput('Eerste, bijgewerkt'));
    expect(repo.list().map((s) => s.name)).toEqual(['Eerste, bijgewerkt', 'Tweede']);
    expect((await repo.get(first.id))?.createdAt).toBe(first.createdAt);
  });

  it('rebuilds the same index from the encrypted rows at the next unlock, with sync states', async () => {
    const { db, key, repo } = await open();
    const waiting = await repo.create(householdInput('Wacht'));
    const received = await repo.create(householdInput('Ontvangen'));
    const stuck = await repo.create(householdInput('Vast'));
    const [quiet] = await repo.importMany([householdInput('Stil')], { outbox: false });
    await db.outbox.where('entityId').equals(received.id).delete();
    await db.syncStates.put({ kind: 'new-case', entityId: received.id, state: 'received', at: 1 });
    await db.outbox.where('entityId').equals(stuck.id).modify({ status: 'stuck' });
    const reopened = (await open(db, key)).repo;
    const states = Object.fromEntries(reopened.list().map((s) => [s.name, s.sync]));
    expect(states).toEqual({ Wacht: 'waiting', Ontvangen: 'received', Vast: 'stuck', Stil: 'saved-locally' });
    expect(await reopened.get(waiting.id)).toEqual(await repo.get(waiting.id));
    expect(quiet).toBeDefined();
    expect(reopened.unreadable).toBe(0);
  });

  it('tells listeners when a sync state changes', async () => {
    const { repo } = await open();
    const h = await repo.create(householdInput());
    let calls = 0;
    const off = repo.subscribe(() => calls++);
    repo.setSyncState(h.id, 'sending');
    expect(repo.list()[0]?.sync).toBe('sending');
    repo.setSyncState(h.id, 'sending');
    off();
    repo.setSyncState(h.id, 'received');
    expect(calls).toBe(1);
  });

  it('imports many households in chunks, each with an outbox item', async () => {
    const { db, repo } = await open();
    const inputs = Array.from({ length: 2_100 }, (_, i) => householdInput(`Huishouden ${i}`));
    await repo.importMany(inputs);
    expect(await db.households.count()).toBe(2_100);
    expect(await db.outbox.count()).toBe(2_100);
    expect(repo.search('huishouden 2099')).toHaveLength(1);
  });
});

describe('household index snapshot', () => {
  it('makes the next unlock read one snapshot, with the same households', async () => {
    const { db, key, repo } = await open();
    await repo.importMany([householdInput('Een'), householdInput('Twee')]);
    expect(repo.fromSnapshot).toBe(false);
    await repo.saveSnapshot();
    const next = (await open(db, key)).repo;
    expect(next.fromSnapshot).toBe(true);
    expect(next.list()).toEqual(repo.list());
  });

  it('drops the snapshot on every household write, so it never hides a change', async () => {
    const { db, key, repo } = await open();
    const h = await repo.create(householdInput('Oud'));
    await repo.saveSnapshot();
    await repo.update(h.id, householdInput('Nieuw'));
    const next = (await open(db, key)).repo;
    expect(next.fromSnapshot).toBe(false);
    expect(next.list().map((s) => s.name)).toEqual(['Nieuw']);
  });

  it('does not save a snapshot built before a write that finished meanwhile', async () => {
    const { db, key, repo } = await open();
    await repo.create(householdInput('Eerste'));
    const saving = repo.saveSnapshot();
    await repo.create(householdInput('Tweede'));
    await saving;
    const next = (await open(db, key)).repo;
    expect(next.list().map((s) => s.name).sort()).toEqual(['Eerste', 'Tweede']);
  });

  it('does not save the old index when a snapshot runs between the commit and the in-memory update', async () => {
    const { db, key, repo } = await open();
    const h = await repo.create(householdInput('Oud'));
    const lockSave: { saving?: Promise<void> } = {};
    // The lock (idle, lid closed) saves a snapshot right when the update's transaction commits.
    db.households.hook('updating', (_mods, _key, _obj, tx) => {
      tx.on('complete', () => {
        lockSave.saving = repo.saveSnapshot();
      });
    });
    await repo.update(h.id, householdInput('Nieuw'));
    expect(lockSave.saving).toBeDefined();
    await lockSave.saving;
    const next = (await open(db, key)).repo;
    expect(next.list().map((s) => s.name)).toEqual(['Nieuw']);
    // Once the write is done, the next lock saves a snapshot with the new name.
    await repo.saveSnapshot();
    const after = (await open(db, key)).repo;
    expect(after.fromSnapshot).toBe(true);
    expect(after.list().map((s) => s.name)).toEqual(['Nieuw']);
  });

  it('ignores a snapshot that misses the newest edit (as an older app version could leave)', async () => {
    const { db, key, clock, repo } = await open();
    const h = await repo.create(householdInput('Oud'));
    await repo.saveSnapshot();
    const stale = await db.snapshots.toArray();
    clock.advance(1_000);
    await repo.update(h.id, householdInput('Nieuw'));
    await db.snapshots.bulkPut(stale);
    const next = (await open(db, key)).repo;
    expect(next.fromSnapshot).toBe(false);
    expect(next.list().map((s) => s.name)).toEqual(['Nieuw']);
  });

  it('ignores a snapshot whose count does not match the rows', async () => {
    const { db, key, repo } = await open();
    await repo.create(householdInput('Een'));
    await repo.saveSnapshot();
    const other = await open(freshDb(), key);
    await other.repo.create(householdInput('Ander'));
    // A row written behind the repository's back (e.g. by an older app version) must still show.
    await db.households.bulkAdd(await other.db.households.toArray());
    const next = (await open(db, key)).repo;
    expect(next.fromSnapshot).toBe(false);
    expect(next.list()).toHaveLength(2);
  });
});
