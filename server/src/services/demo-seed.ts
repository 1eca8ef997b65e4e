import { randomUUID } from 'node:crypto';
import type { Role } from '../../../shared/api/auth';
import { recipients } from '../../../resources/index';
import type { Db } from '../db/database';
import type { PasswordHasher } from './passwords';
import { ensureRecipientTeams } from './recipient-teams';

export const demoTeamName = 'Buurtteam Heerlen-Noord';
/** The recipient (resources/recipients.json) whose team the demo counsellor works in. */
export const demoRecipientId = 'schuldhulp-heerlen';

export const demoUsers: readonly { username: string; password: string; role: Role; displayName: string; team: 'buurtteam' | 'schuldhulp'; phone: string; email: string }[] = [
  { username: 'werker', password: 'Werker-demo-2026', role: 'worker', displayName: 'Sanne de Vries', team: 'buurtteam', phone: '06-12345678', email: 'sanne.devries@buurtteam.example' },
  { username: 'schuldhulp', password: 'Schuldhulp-demo-2026', role: 'counsellor', displayName: 'Ahmed Bakker', team: 'schuldhulp', phone: '045-5600000', email: 'a.bakker@heerlen.example' },
  { username: 'teamleider', password: 'Teamleider-demo-2026', role: 'teamlead', displayName: 'Petra Janssen', team: 'buurtteam', phone: '06-87654321', email: 'petra.janssen@buurtteam.example' },
];

export interface DemoSeed {
  /** The buurtteam of the worker and the team lead. */
  teamId: string;
  /** The municipality's schuldhulp team: the demo counsellor's team, which receives the dossiers. */
  schuldhulpTeamId: string;
  created: string[];
}

/**
 * Adds the demo teams and users when missing; running it again changes nothing. The worker and the team
 * lead are in the buurtteam; the counsellor ('schuldhulp') is in the schuldhulp team that receives the
 * dossiers, and is moved there from the buurtteam where an older demo hub put them (password kept).
 * Only call with KEUKENTAFEL_DEMO=1.
 */
export async function seedDemo(db: Db, passwords: PasswordHasher): Promise<DemoSeed> {
  const recipientTeams = await ensureRecipientTeams(db, recipients);
  const schuldhulpTeamId = recipientTeams.get(demoRecipientId);
  if (!schuldhulpTeamId) throw new Error(`resources/recipients.json has no recipient ${demoRecipientId}`);
  const hashes = await Promise.all(demoUsers.map((u) => passwords.hash(u.password)));
  return db.transaction(async (tx) => {
    await tx.query('INSERT INTO teams (team_id, name) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [randomUUID(), demoTeamName]);
    const team = (await tx.query<{ team_id: string }>('SELECT team_id::text AS team_id FROM teams WHERE name = $1', [demoTeamName])).rows[0];
    if (!team) throw new Error('demo team missing after insert');
    const created: string[] = [];
    for (const [i, user] of demoUsers.entries()) {
      const teamId = user.team === 'buurtteam' ? team.team_id : schuldhulpTeamId;
      const inserted = await tx.query(
        `INSERT INTO users (user_id, username, display_name, password_hash, role, team_id, phone, email)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (username) DO NOTHING RETURNING user_id`,
        [randomUUID(), user.username, user.displayName, hashes[i], user.role, teamId, user.phone, user.email],
      );
      if (inserted.rows.length > 0) created.push(user.username);
      else {
        await tx.query('UPDATE users SET team_id = $2 WHERE username = $1 AND team_id <> $2', [user.username, teamId]);
        // Demo hubs from before the contact columns get them once.
        await tx.query('UPDATE users SET phone = $2, email = $3 WHERE username = $1 AND phone IS NULL AND email IS NULL', [user.username, user.phone, user.email]);
      }
    }
    return { teamId: team.team_id, schuldhulpTeamId, created };
  });
}
