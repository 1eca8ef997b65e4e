import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoginResponse } from '../../../shared/api/auth';
import { apiPaths } from '../../../shared/api/cases';
import type { HandoverListResponse } from '../../../shared/api/handover';
import { handoverPath, handoverPaths } from '../../../shared/api/handover';
import type { FunnelReport, OverdueReport, SignalsReport, WgsReport } from '../../../shared/api/reports';
import { reportPaths } from '../../../shared/api/reports';
import { buildApp } from '../app';
import type { Db } from '../db/database';
import { createPgliteDb } from '../db/database';
import { migrate } from '../db/migrate';
import { demoRecipientId, demoUsers, seedDemo } from './demo-seed';
import { createHubCipher } from './hub-key';
import { argon2Hasher } from './passwords';
import { seedDemoReports } from './reports-demo-seed';

describe('demo report data', () => {
  let db: Db;
  const hubKey = randomBytes(32);
  beforeAll(async () => {
    db = await createPgliteDb();
    await migrate(db);
  });
  afterAll(async () => {
    await db.close();
  });

  it("fills the team lead's dashboard with a year of data once, and the counsellor can open every handover still open", async () => {
    const seed = await seedDemo(db, argon2Hasher);
    const now = new Date('2026-11-26T10:00:00.000Z');
    const teams = { teamId: seed.teamId, schuldhulpTeamId: seed.schuldhulpTeamId, recipientId: demoRecipientId };
    const deps = { cipher: createHubCipher(hubKey), passwords: argon2Hasher, now };
    expect(await seedDemoReports(db, deps, teams)).toEqual({ events: expect.any(Number) as number, handovers: 150 });
    expect(await seedDemoReports(db, deps, teams)).toEqual({ events: 0, handovers: 0 });

    const app = await buildApp({ db, hubKey, clock: () => now });
    const token = async (username: string) => {
      const password = demoUsers.find((u) => u.username === username)!.password;
      return `Bearer ${(await app.inject({ method: 'POST', url: apiPaths.login, payload: { username, password } })).json<LoginResponse>().token}`;
    };
    const lead = { authorization: await token('teamleider') };
    const period = 'from=2025-12-01&to=2026-11-30';
    const signals = (await app.inject({ method: 'GET', url: `${reportPaths.signals}?${period}`, headers: lead })).json<SignalsReport>();
    expect(signals.total.total).toBeGreaterThan(1_000);
    expect(signals.byNeighbourhood.rows.length).toBeGreaterThan(5);
    const funnel = (await app.inject({ method: 'GET', url: `${reportPaths.funnel}?${period}`, headers: lead })).json<FunnelReport>();
    expect(funnel.workloadByTeam.rows.map((r) => r.label).sort()).toEqual(['Buurtteam Heerlen-Noord', 'Buurtteam Hoensbroek']);
    expect(funnel.steps.find((s) => s.step === 'closed')?.count).toEqual(expect.any(Number));
    const wgs = (await app.inject({ method: 'GET', url: `${reportPaths.wgs}?${period}`, headers: lead })).json<WgsReport>();
    expect(wgs.firstConversation.regular.total.share).toEqual(expect.any(Number));

    const overdue = (await app.inject({ method: 'GET', url: reportPaths.overdue, headers: lead })).json<OverdueReport>();
    expect(overdue.items.filter((i) => i.status === 'accepted' && i.term === 'first-conversation').length).toBeGreaterThanOrEqual(3);

    const counsellor = { authorization: await token('schuldhulp') };
    const inbox = (await app.inject({ method: 'GET', url: `${handoverPaths.handovers}?limit=100`, headers: counsellor })).json<HandoverListResponse>();
    expect(inbox.handovers.length).toBeGreaterThan(0);
    for (const h of inbox.handovers) {
      expect(h.clientName).not.toBe('');
      const res = await app.inject({ method: 'GET', url: handoverPath(handoverPaths.handover, { dossierId: h.dossierId }), headers: counsellor });
      expect(res.statusCode, res.body).toBe(200);
    }
    await app.close();
  });
});
