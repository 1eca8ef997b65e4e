import { randomUUID } from 'node:crypto';
import { realisticDossier } from '../../../shared/domain/fixtures/realistic';
import { dutchDateOf } from '../../../shared/domain/urgency';
import { holidays, lifeDomains, recipients, settings, signalCatalogue } from '../../../resources/index';
import type { Db } from '../db/database';
import { bodyAd, detailsAd, summaryAd } from './dossier-push';
import type { HubCipher } from './hub-key';
import type { PasswordHasher } from './passwords';
import type { MadeHandover } from './reports-demo';
import { seededRandom } from '../../../shared/seeded-random';
import { makeHandover, makeSignalEvents, storeHandovers, storeSignalEvents, weeksBefore } from './reports-demo';

const ctx = { lifeDomains, signalCatalogue, settings, holidays, recipients };
const done = new Set(['closed', 'returned', 'withdrawn']);

/**
 * A year of made-up report data for the demo hub (KEUKENTAFEL_DEMO_REPORTS=1, which `npm start` sets): about
 * 1,500 signal events of two buurtteams and 150 handovers to the schuldhulp team, so the team lead's dashboard
 * shows something. Handovers still open today carry a real (made-up) dossier, so the counsellor can open them.
 * Runs once: a hub that has signal events of the demo team already is left alone. Returns what it added.
 */
export async function seedDemoReports(
  db: Db,
  deps: { cipher: HubCipher; passwords: PasswordHasher; now: Date },
  teams: { teamId: string; schuldhulpTeamId: string; recipientId: string },
): Promise<{ events: number; handovers: number }> {
  const seen = await db.query('SELECT 1 FROM signal_events WHERE team_id = $1::uuid LIMIT 1', [teams.teamId]);
  if (seen.rows.length > 0) return { events: 0, handovers: 0 };
  const rng = seededRandom(2026);
  // A second buurtteam, so the dashboard has teams to compare; its worker cannot sign in (no known password).
  const otherTeam = randomUUID();
  const otherWorker = randomUUID();
  await db.query('INSERT INTO teams (team_id, name) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [otherTeam, 'Buurtteam Hoensbroek']);
  const other = (await db.query<{ team_id: string }>("SELECT team_id::text AS team_id FROM teams WHERE name = 'Buurtteam Hoensbroek'")).rows[0]!.team_id;
  await db.query(
    `INSERT INTO users (user_id, username, display_name, password_hash, role, team_id) VALUES ($1, 'werker-hoensbroek', 'Youssef El Amrani', $2, 'worker', $3)
     ON CONFLICT (username) DO NOTHING`,
    [otherWorker, await deps.passwords.hash(randomUUID()), other],
  );
  const userOf = async (username: string) => (await db.query<{ user_id: string }>('SELECT user_id::text AS user_id FROM users WHERE username = $1', [username])).rows[0]!.user_id;
  const workers: Record<string, string> = { [teams.teamId]: await userOf('werker'), [other]: await userOf('werker-hoensbroek') };
  const counsellor = await userOf('schuldhulp');

  const today = dutchDateOf(deps.now.toISOString());
  const events = makeSignalEvents(rng, { teamIds: [teams.teamId, teams.teamId, other], weeks: weeksBefore(today, 52), count: 1_500 });
  await storeSignalEvents(db, events);

  const handovers: MadeHandover[] = [];
  for (let i = 0; i < 150; i++) {
    // Spread over the last year, on working hours; a few in the last fortnight, still on their way, and three
    // of the buurtteam's from six to eight weeks ago without a first conversation: the overdue list.
    const stalled = i >= 10 && i < 13;
    const daysAgo = i < 10 ? rng() * 14 : stalled ? 42 + rng() * 14 : rng() * 365;
    const received = new Date(deps.now.getTime() - daysAgo * 86_400_000);
    received.setUTCHours(8 + Math.floor(rng() * 8), Math.floor(rng() * 60), 0, 0);
    if (received > deps.now) received.setTime(deps.now.getTime() - 3_600_000);
    const ownerTeamId = stalled || rng() < 0.65 ? teams.teamId : other;
    handovers.push(
      makeHandover(rng, { receivedAt: received, now: deps.now }, {
        ownerTeamId,
        createdBy: workers[ownerTeamId]!,
        recipientTeamId: teams.schuldhulpTeamId,
        recipientId: teams.recipientId,
        counsellors: [counsellor],
      }, stalled),
    );
  }
  // An open handover is in the counsellor's inbox: give it a whole (made-up) dossier, sealed as the hub seals one.
  const open = handovers.filter((h) => !done.has(h.status));
  const dossiers = open.map((h, i) => realisticDossier(900 + i, ctx, h.countedFrom));
  open.forEach((h, i) => (h.caseId = dossiers[i]!.caseId));
  await storeHandovers(db, handovers);
  await db.transaction(async (tx) => {
    for (const [i, h] of open.entries()) {
      const d = dossiers[i]!;
      const body = Buffer.from(JSON.stringify(d), 'utf8');
      const details = { returnNote: '', decisionNote: '', firstConversation: h.plannedAt ? { plannedAt: h.plannedAt, how: 'office', place: 'Stadskantoor Heerlen', phone: '' } : null };
      await tx.query(
        `UPDATE dossiers SET consent_id = $2::uuid, consent_valid_until = $3::date, summary = $4, details = $5 WHERE dossier_id = $1::uuid`,
        [h.dossierId, d.consent.consentId, d.consent.validUntil, deps.cipher.seal(JSON.stringify({ clientName: d.client.name, town: d.client.town }), summaryAd(h.dossierId)), deps.cipher.seal(JSON.stringify(details), detailsAd(h.dossierId))],
      );
      await tx.query('INSERT INTO dossier_versions (dossier_id, version, received_at, body_bytes, body) VALUES ($1::uuid, 1, $2::timestamptz, $3, $4)', [
        h.dossierId,
        h.receivedAt,
        body.length,
        deps.cipher.seal(body, bodyAd(h.caseId, h.dossierId, 1)),
      ]);
    }
  });
  return { events: events.length, handovers: handovers.length };
}
