import { randomUUID } from 'node:crypto';
import type { Role } from '../../../shared/api/auth';
import type { Db } from '../db/database';
import type { PasswordHasher } from './passwords';

export const demoTeamName = 'Buurtteam Heerlen-Noord';

export const demoUsers: readonly { username: string; password: string; role: Role; displayName: string }[] = [
  { username: 'werker', password: 'Werker-demo-2026', role: 'worker', displayName: 'Sanne de Vries' },
  { username: 'schuldhulp', password: 'Schuldhulp-demo-2026', role: 'counsellor', displayName: 'Ahmed Bakker' },
  { username: 'teamleider', password: 'Teamleider-demo-2026', role: 'teamlead', displayName: 'Petra Janssen' },
];

/** Adds the demo team and users when missing; running it again changes nothing. Only call with KEUKENTAFEL_DEMO=1. */
export async function seedDemo(db: Db, passwords: PasswordHasher): Promise<{ teamId: string; created: string[] }> {
  const hashes = await Promise.all(demoUsers.map((u) => passwords.hash(u.password)));
  return db.transaction(async (tx) => {
    await tx.query('INSERT INTO teams (team_id, name) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [randomUUID(), demoTeamName]);
    const team = (await tx.query<{ team_id: string }>('SELECT team_id FROM teams WHERE name = $1', [demoTeamName])).rows[0];
    if (!team) throw new Error('demo team missing after insert');
    const created: string[] = [];
    for (const [i, user] of demoUsers.entries()) {
      const inserted = await tx.query(
        `INSERT INTO users (user_id, username, display_name, password_hash, role, team_id)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (username) DO NOTHING RETURNING user_id`,
        [randomUUID(), user.username, user.displayName, hashes[i], user.role, team.team_id],
      );
      if (inserted.rows.length > 0) created.push(user.username);
    }
    return { teamId: team.team_id, created };
  });
}
