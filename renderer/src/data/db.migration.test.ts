import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { KeukentafelDb } from './db';

/**
 * The pattern for every schema change: open the database with a frozen copy of an OLD version's
 * schema, write rows the way that version did, then open it with the current KeukentafelDb and
 * check the rows survived and the new stores exist. Add one `it` per new version; never edit old snapshots.
 */

const schemaV1 = {
  meta: 'id',
  households: 'id, updatedAt',
  intakes: 'id, householdId, updatedAt',
  history: 'id, householdId, updatedAt',
  outbox: 'id, entityId, status, nextAttemptAt',
  sync: 'entityId',
};

describe('device store migrations', () => {
  it('keeps version 1 rows when opened with the current schema, and adds the checkpoints and snapshots stores', async () => {
    const name = `migration-${crypto.randomUUID()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(schemaV1);
    const household = { id: crypto.randomUUID(), updatedAt: 5, iv: new Uint8Array(12).fill(1), data: new Uint8Array([1, 2, 3]) };
    const outbox = {
      id: crypto.randomUUID(),
      kind: 'new-case',
      entityId: household.id,
      createdAt: 5,
      attempts: 2,
      nextAttemptAt: 9,
      status: 'pending',
      lastError: null,
      iv: new Uint8Array(12),
      data: new Uint8Array([4]),
    };
    await v1.table('households').add(household);
    await v1.table('outbox').add(outbox);
    v1.close();

    const current = new KeukentafelDb(name);
    await current.open();
    expect(current.verno).toBeGreaterThan(1);
    expect(await current.households.get(household.id)).toEqual(household);
    expect(await current.outbox.where('status').equals('pending').toArray()).toEqual([outbox]);
    await current.checkpoints.put({ id: 'case-changes', value: 3 });
    expect(await current.checkpoints.get('case-changes')).toEqual({ id: 'case-changes', value: 3 });
    expect(await current.snapshots.count()).toBe(0);
    current.close();
  });
});
