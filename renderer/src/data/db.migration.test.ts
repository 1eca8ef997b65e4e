import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { isAutoRetried } from '../sync/outbox-failures';
import { KeukentafelDb } from './db';
import { schemaV1, schemaV4 } from '../testing/released-schemas';

/**
 * The pattern for every schema change: open the database with a frozen copy of an OLD version's
 * schema, write rows the way that version did, then open it with the current KeukentafelDb and
 * check the rows survived and the new stores exist. Add one `it` per new version; never edit old snapshots.
 */


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

/** Version 4 as it was released (frozen): the stores before version 5. */

describe('device store migration to version 5', () => {
  it('keeps intake and history rows for the move at unlock, and turns stored Dutch error sentences into codes', async () => {
    const name = `migration-${crypto.randomUUID()}`;
    const v4 = new Dexie(name);
    v4.version(4).stores(schemaV4);
    const householdId = crypto.randomUUID();
    const sealed = { iv: new Uint8Array(12).fill(2), data: new Uint8Array([7, 8]) };
    const outboxRow = (lastError: string | null) => ({
      id: crypto.randomUUID(),
      kind: 'new-case',
      entityId: crypto.randomUUID(),
      createdAt: 1,
      attempts: 3,
      nextAttemptAt: 2,
      status: 'stuck',
      lastError,
      iv: new Uint8Array(12),
      data: new Uint8Array([4]),
    });
    const offline = outboxRow('Geen verbinding met de gemeente. Controleer het internet en probeer het opnieuw.');
    const busy = outboxRow('De gemeente is even te druk. We proberen het straks opnieuw.');
    const refused = outboxRow('Deze casus is al ontvangen met een andere verzendsleutel.');
    const fine = outboxRow(null);
    await v4.table('intakes').add({ id: `${householdId}:signals`, householdId, updatedAt: 3, ...sealed });
    await v4.table('history').add({ id: crypto.randomUUID(), householdId, updatedAt: 4, ...sealed });
    await v4.table('outbox').bulkAdd([offline, busy, refused, fine]);
    v4.close();

    const current = new KeukentafelDb(name);
    await current.open();
    // Intake and history rows stay as they were until the move at unlock, which needs the key.
    expect(await current.intakes.get(`${householdId}:signals`)).toEqual({ id: `${householdId}:signals`, householdId, updatedAt: 3, ...sealed });
    expect(await current.history.count()).toBe(1);
    const errors = new Map((await current.outbox.toArray()).map((row) => [row.id, row.lastError]));
    expect(errors.get(offline.id)).toEqual({ code: 'net.offline' });
    expect(errors.get(busy.id)).toEqual({ code: 'hub.rate_limited' });
    expect(errors.get(refused.id)).toEqual({ code: 'hub.refused', params: { message: 'Deze casus is al ontvangen met een andere verzendsleutel.' } });
    expect(errors.get(fine.id)).toBeNull();
    // Rows the hub was down for are still sent again by themselves; the refusal still waits for the worker.
    const rows = await current.outbox.toArray();
    expect(rows.filter(isAutoRetried).map((r) => r.id).sort()).toEqual([offline.id, busy.id].sort());
    current.close();
  });
});

describe('device store migration to version 6 (outbox kinds, sync state per kind)', () => {
  it('moves sync rows to per-kind sync states and keeps every household, intake, draft, history line and outbox item', async () => {
    const name = `migration-${crypto.randomUUID()}`;
    const v4 = new Dexie(name);
    v4.version(4).stores(schemaV4);
    const sealed = (id: string, extra: Record<string, unknown> = {}) => ({ id, updatedAt: 7, iv: new Uint8Array(12).fill(2), data: new Uint8Array([9, 8, 7]), ...extra });
    const received = crypto.randomUUID();
    const waiting = crypto.randomUUID();
    const stuck = crypto.randomUUID();
    const outboxRow = (entityId: string, status: string, extra: Record<string, unknown> = {}) => ({
      id: crypto.randomUUID(),
      kind: 'new-case',
      entityId,
      createdAt: 5,
      attempts: status === 'stuck' ? 6 : 1,
      nextAttemptAt: 9,
      status,
      lastError: status === 'stuck' ? 'Er ging iets mis bij de gemeente. We proberen het straks opnieuw.' : null,
      iv: new Uint8Array(12),
      data: new Uint8Array([4]),
      ...extra,
    });
    const households = [sealed(received), sealed(waiting), sealed(stuck)];
    const intakes = [sealed(`${received}:signals`, { householdId: received }), sealed(`${waiting}:domain:geld`, { householdId: waiting })];
    const history = [sealed(crypto.randomUUID(), { householdId: received })];
    const drafts = [sealed('household:new')];
    const outbox = [outboxRow(waiting, 'pending'), outboxRow(stuck, 'stuck', { failureKind: 'transient' })];
    await v4.table('households').bulkAdd(households);
    await v4.table('intakes').bulkAdd(intakes);
    await v4.table('history').bulkAdd(history);
    await v4.table('drafts').bulkAdd(drafts);
    await v4.table('outbox').bulkAdd(outbox);
    await v4.table('sync').add({ entityId: received, state: 'received', at: 1234 });
    await v4.table('checkpoints').add({ id: 'case-changes', value: 3 });
    v4.close();

    const current = new KeukentafelDb(name);
    await current.open();
    expect(current.verno).toBeGreaterThanOrEqual(6);
    expect(await current.households.toArray()).toEqual(expect.arrayContaining(households));
    expect(await current.households.count()).toBe(households.length);
    // Intake rows wait for the move at unlock (it needs the key), unchanged.
    expect(await current.intakes.toArray()).toEqual(expect.arrayContaining(intakes));
    expect(await current.intakes.count()).toBe(intakes.length);
    expect(await current.history.count()).toBe(history.length);
    expect(await current.drafts.count()).toBe(drafts.length);
    expect(await current.checkpoints.get('case-changes')).toEqual({ id: 'case-changes', value: 3 });
    // Sync state moved, now per kind and entity.
    expect(await current.syncStates.toArray()).toEqual([{ kind: 'new-case', entityId: received, state: 'received', at: 1234 }]);
    expect(current.tables.map((t) => t.name)).not.toContain('sync');
    // Outbox items unchanged, and findable by kind and entity.
    // (version 5 turned the stored sentence into a code.)
    expect(await current.outbox.where('[kind+entityId]').equals(['new-case', stuck]).toArray()).toEqual([{ ...outbox[1], lastError: { code: 'hub.internal' } }]);
    expect(await current.outbox.where('status').equals('pending').toArray()).toEqual([outbox[0]]);
    expect(await current.caseStatuses.count()).toBe(0);
    expect(await current.signalEventIds.count()).toBe(0);
    current.close();
  });
});
