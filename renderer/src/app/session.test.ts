import { describe, expect, it } from 'vitest';
import { KeukentafelDb } from '../data/db';
import { testDevice } from '../testing/device';
import { freshDb, householdInput, loginFor } from '../testing/fakes';
import type { DeviceSession } from './session';

const PIN = '246813';

async function unlock(db: KeukentafelDb): Promise<DeviceSession> {
  const result = await testDevice({ db }).account.unlock(PIN);
  if (!result.ok) throw new Error(result.error.code);
  return result.value as DeviceSession;
}

describe('device session', () => {
  it('writes the household snapshot after an unlock without one, and settled() waits for it, so closing the database right after lock keeps it', async () => {
    const db = freshDb();
    const enrolled = await testDevice({ db }).account.enroll(loginFor(), PIN);
    if (!enrolled.ok) throw new Error(enrolled.error.code);
    const first = enrolled.value as DeviceSession;
    for (const name of ['Familie Aerts', 'Familie Bos', 'Familie Claes']) await first.households.create(householdInput(name));
    first.lock();
    await first.settled();
    await db.snapshots.clear();

    // Without a snapshot every row is decrypted; the session writes a new one in the background.
    const cold = await unlock(db);
    expect(cold.households.fromSnapshot).toBe(false);
    cold.lock();
    await cold.settled();
    db.close();

    const reopened = new KeukentafelDb(db.name);
    const warm = await unlock(reopened);
    expect(warm.households.fromSnapshot).toBe(true);
    expect(warm.households.list().map((h) => h.name).sort()).toEqual(['Familie Aerts', 'Familie Bos', 'Familie Claes']);
    warm.lock();
    await warm.settled();
    reopened.close();
  });
});
