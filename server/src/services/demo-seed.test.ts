import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths } from '../../../shared/api/cases';
import { recipients } from '../../../resources/index';
import { buildApp } from '../app';
import type { Db } from '../db/database';
import { migrate } from '../db/migrate';
import { availableBackends } from '../test-support/backends';
import { demoRecipientId, demoTeamName, demoUsers, seedDemo } from './demo-seed';
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

  it('adds the buurtteam, the schuldhulp team and the users once, and they can sign in to their own team', async () => {
    const first = await seedDemo(db, argon2Hasher);
    expect(first.created).toEqual(['werker', 'schuldhulp', 'teamleider']);
    expect(first.schuldhulpTeamId).not.toBe(first.teamId);
    const second = await seedDemo(db, argon2Hasher);
    expect(second).toEqual({ ...first, created: [] });
    const app = await buildApp({ db });
    const teamOf: Record<string, string> = {};
    for (const u of demoUsers) {
      const res = await app.inject({ method: 'POST', url: apiPaths.login, payload: { username: u.username, password: u.password } });
      // The worker's work phone and e-mail travel with the sign-in: the dossier names her as the person to call.
      expect(res.json()).toMatchObject({ user: { role: u.role, displayName: u.displayName, phone: u.phone, email: u.email } });
      teamOf[u.username] = res.json<{ user: { teamId: string } }>().user.teamId;
    }
    await app.close();
    expect(teamOf).toEqual({ werker: first.teamId, teamleider: first.teamId, schuldhulp: first.schuldhulpTeamId });
    const names = await db.query<{ name: string; recipient_id: string | null }>(
      'SELECT t.name, r.recipient_id FROM teams t LEFT JOIN recipient_teams r USING (team_id) ORDER BY t.name',
    );
    const hubTeam = recipients.find((r) => r.id === demoRecipientId)?.hubTeam;
    expect(names.rows).toEqual([
      { name: demoTeamName, recipient_id: null },
      { name: hubTeam, recipient_id: demoRecipientId },
    ]);
  });

  it('moves the counsellor of an older demo hub from the buurtteam to the schuldhulp team, keeping the password', async () => {
    const { teamId, schuldhulpTeamId } = await seedDemo(db, argon2Hasher);
    await db.query("UPDATE users SET team_id = $1 WHERE username = 'schuldhulp'", [teamId]);
    await seedDemo(db, argon2Hasher);
    const row = await db.query<{ team_id: string }>("SELECT team_id::text AS team_id FROM users WHERE username = 'schuldhulp'");
    expect(row.rows).toEqual([{ team_id: schuldhulpTeamId }]);
    const app = await buildApp({ db });
    const res = await app.inject({ method: 'POST', url: apiPaths.login, payload: { username: 'schuldhulp', password: 'Schuldhulp-demo-2026' } });
    expect(res.statusCode).toBe(200);
    await app.close();
  });

  it('gives the demo users of a hub from before the contact columns their phone and e-mail, and keeps one a municipality changed', async () => {
    await seedDemo(db, argon2Hasher);
    await db.query("UPDATE users SET phone = NULL, email = NULL WHERE username = 'werker'");
    await db.query("UPDATE users SET phone = '045-1111111' WHERE username = 'teamleider'");
    await seedDemo(db, argon2Hasher);
    const rows = await db.query<{ username: string; phone: string }>("SELECT username, phone FROM users WHERE username IN ('werker', 'teamleider') ORDER BY username");
    expect(rows.rows).toEqual([
      { username: 'teamleider', phone: '045-1111111' },
      { username: 'werker', phone: demoUsers.find((u) => u.username === 'werker')?.phone },
    ]);
  });
});
