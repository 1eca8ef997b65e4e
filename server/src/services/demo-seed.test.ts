import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths } from '../../../shared/api/cases';
import { buildApp } from '../app';
import type { Db } from '../db/database';
import { migrate } from '../db/migrate';
import { availableBackends } from '../test-support/backends';
import { demoUsers, seedDemo } from './demo-seed';
import { argon2Hasher } from './passwords';

describe.each(availableBackends())('demo seed on $name', (backend) => {
  let db: Db;
  beforeAll(async () => {
    db = await backend.open();
    await migrate(db);
  });
  afterAll(async () => {
    await db.close();
  });

  it('adds the demo team and users once, and they can sign in', async () => {
    const first = await seedDemo(db, argon2Hasher);
    expect(first.created).toEqual(['werker', 'schuldhulp', 'teamleider']);
    const second = await seedDemo(db, argon2Hasher);
    expect(second).toEqual({ teamId: first.teamId, created: [] });
    const app = await buildApp({ db });
    for (const u of demoUsers) {
      const res = await app.inject({ method: 'POST', url: apiPaths.login, payload: { username: u.username, password: u.password } });
      expect(res.json()).toMatchObject({ user: { role: u.role, displayName: u.displayName, teamId: first.teamId } });
    }
    await app.close();
  });
});
