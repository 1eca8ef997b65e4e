import { randomUUID } from 'node:crypto';
import type { Recipient } from '../../../shared/domain/consent.schema';
import type { Db, Queryable } from '../db/database';

/**
 * Makes sure every recipient of resources/recipients.json has its hub team: the team named `hubTeam`
 * (created when missing) receives that recipient's dossiers. A recipient already linked keeps its team,
 * so renaming a team on the hub does not move its inbox. Running it again changes nothing.
 * Returns recipient id → team id.
 */
export async function ensureRecipientTeams(db: Db, recipients: readonly Pick<Recipient, 'id' | 'hubTeam'>[]): Promise<Map<string, string>> {
  return db.transaction(async (tx) => {
    // Two hubs starting on one PostgreSQL take turns; PGlite is serial anyway.
    if (db.kind === 'postgres') await tx.query('SELECT pg_advisory_xact_lock(4320)');
    const teams = new Map<string, string>();
    for (const r of recipients) {
      const linked = await tx.query<{ team_id: string }>('SELECT team_id::text AS team_id FROM recipient_teams WHERE recipient_id = $1', [r.id]);
      let teamId = linked.rows[0]?.team_id;
      if (!teamId) {
        await tx.query('INSERT INTO teams (team_id, name) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [randomUUID(), r.hubTeam]);
        const team = await tx.query<{ team_id: string }>('SELECT team_id::text AS team_id FROM teams WHERE name = $1', [r.hubTeam]);
        teamId = team.rows[0]?.team_id;
        if (!teamId) throw new Error(`team for recipient ${r.id} missing after insert`);
        await tx.query('INSERT INTO recipient_teams (recipient_id, team_id) VALUES ($1, $2)', [r.id, teamId]);
      }
      teams.set(r.id, teamId);
    }
    return teams;
  });
}

/** The team that receives a recipient's dossiers, or null for a recipient the hub does not know. */
export async function recipientTeam(q: Queryable, recipientId: string): Promise<string | null> {
  const { rows } = await q.query<{ team_id: string }>('SELECT team_id::text AS team_id FROM recipient_teams WHERE recipient_id = $1', [recipientId]);
  return rows[0]?.team_id ?? null;
}
