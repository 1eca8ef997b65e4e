import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { LoginResponse } from '../../shared/api/auth';
import { apiPaths } from '../../shared/api/cases';
import { reportPaths } from '../../shared/api/reports';
import { dutchDateOf } from '../../shared/domain/urgency';
import { addDays } from '../../shared/domain/working-days';
import { monthsOf } from '../../shared/reports/periods';
import { recipients } from '../../resources/index';
import { buildApp } from '../src/app';
import type { Db } from '../src/db/database';
import { migrate } from '../src/db/migrate';
import { argon2Hasher } from '../src/services/passwords';
import { ensureRecipientTeams } from '../src/services/recipient-teams';
import type { MadeHandover } from '../src/services/reports-demo';
import { seededRandom } from '../../shared/seeded-random';
import { makeHandover, makeSignalEvents, storeHandovers, storeSignalEvents, weeksBefore } from '../src/services/reports-demo';
import { handoverReportSql } from '../src/services/reports-handovers';
import { signalReportSql } from '../src/services/reports-signals';
import { openBenchDb } from './bench-hub';

/**
 * The team lead's dashboard over 1,000,000 signal events and 100,000 handovers (DESIGN.md: < 500 ms on
 * PostgreSQL). One dashboard load is every request the dashboard makes for one view: the filters, the signals
 * (12 months by month), the funnel, the Wgs terms and the overdue list, one after the other through the whole
 * hub (auth, zod, suppression, JSON). Run alone: `npx tsx server/bench/reports.bench.ts [events] [handovers]`;
 * BENCH_EXPLAIN=1 prints the query plans on PostgreSQL.
 */

export interface ReportsBenchResult {
  backend: 'pglite' | 'postgres';
  events: number;
  handovers: number;
  seedMs: number;
  /** One dashboard load (5 requests in a row): median and 95th percentile over the runs. */
  loadP50Ms: number;
  loadP95Ms: number;
  /** Median per request of the load. */
  perRequestMs: Record<string, number>;
  /**
   * CPU time one load costs, whatever else the machine runs: the hub process (with PGlite inside it) plus, on
   * PostgreSQL, the server's backends of this database (from /proc, in 10 ms ticks, averaged over the runs).
   */
  cpuPerLoadMs: number;
  /** The heaviest view: three years of signals by week. */
  weeksP50Ms: number;
  runs: number;
}

const teamsN = 5;
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
};

/** Teams, users and the made-up data, stored the way the hub's services store it. */
export async function seedForBench(db: Db, events: number, handovers: number, now: Date): Promise<void> {
  const teamIds = Array.from({ length: teamsN }, () => randomUUID());
  for (const [i, id] of teamIds.entries()) await db.query('INSERT INTO teams (team_id, name) VALUES ($1, $2)', [id, `Buurtteam ${i + 1}`]);
  const recipientTeams = await ensureRecipientTeams(db, recipients);
  const recipientId = recipients[0]!.id;
  const shTeam = recipientTeams.get(recipientId)!;
  const hash = await argon2Hasher.hash('bench-password');
  const user = async (username: string, role: string, team: string) => {
    const id = randomUUID();
    await db.query('INSERT INTO users (user_id, username, display_name, password_hash, role, team_id) VALUES ($1, $2, $2, $3, $4, $5)', [id, username, hash, role, team]);
    return id;
  };
  const workers = await Promise.all(teamIds.map((t, i) => user(`bench-worker-${i}`, 'worker', t)));
  const counsellors = await Promise.all([0, 1, 2].map((i) => user(`bench-counsellor-${i}`, 'counsellor', shTeam)));
  await user('bench-lead', 'teamlead', teamIds[0]!);

  const rng = seededRandom(78);
  const today = dutchDateOf(now.toISOString());
  // In chunks, so a million events never sit in memory twice.
  const weeks = weeksBefore(today, 156);
  for (let done = 0; done < events; done += 100_000) {
    await storeSignalEvents(db, makeSignalEvents(rng, { teamIds, weeks, count: Math.min(100_000, events - done) }));
  }
  for (let done = 0; done < handovers; done += 20_000) {
    const part: MadeHandover[] = [];
    for (let i = 0; i < Math.min(20_000, handovers - done); i++) {
      const received = new Date(now.getTime() - rng() * 3 * 365 * 86_400_000);
      const t = Math.floor(rng() * teamsN);
      part.push(makeHandover(rng, { receivedAt: received, now }, { ownerTeamId: teamIds[t]!, createdBy: workers[t]!, recipientTeamId: shTeam, recipientId, counsellors }));
    }
    await storeHandovers(db, part);
  }
  // As after autovacuum: fresh statistics, and the visibility map set for index-only scans.
  await db.exec('VACUUM ANALYZE');
}

export async function benchReports(databaseUrl?: string, events = 1_000_000, handovers = 100_000, runs = 15): Promise<ReportsBenchResult> {
  const db = await openBenchDb(databaseUrl);
  try {
    await migrate(db);
    const now = new Date();
    const t0 = performance.now();
    await seedForBench(db, events, handovers, now);
    const seedMs = performance.now() - t0;
    const app = await buildApp({ db });
    await app.ready();
    const login = await app.inject({ method: 'POST', url: apiPaths.login, payload: { username: 'bench-lead', password: 'bench-password' } });
    const headers = { authorization: `Bearer ${login.json<LoginResponse>().token}` };
    const today = dutchDateOf(now.toISOString());
    const period = `from=${addDays(today, -364)}&to=${today}`;
    const load = {
      filters: reportPaths.filters,
      signals: `${reportPaths.signals}?${period}&granularity=month`,
      funnel: `${reportPaths.funnel}?${period}`,
      wgs: `${reportPaths.wgs}?${period}`,
      overdue: reportPaths.overdue,
    };
    const get = async (url: string) => {
      const start = performance.now();
      const res = await app.inject({ method: 'GET', url, headers });
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      return performance.now() - start;
    };
    for (const url of Object.values(load)) await get(url); // warm up
    const pids = await backendPids(db);
    const cpu0 = process.cpuUsage();
    const server0 = serverCpuMs(pids);
    const totals: number[] = [];
    const per: Record<string, number[]> = Object.fromEntries(Object.keys(load).map((k) => [k, []]));
    for (let r = 0; r < runs; r++) {
      let total = 0;
      for (const [name, url] of Object.entries(load)) {
        const took = await get(url);
        per[name]!.push(took);
        total += took;
      }
      totals.push(total);
    }
    const hubCpu = process.cpuUsage(cpu0);
    const cpuPerLoadMs = ((hubCpu.user + hubCpu.system) / 1000 + (serverCpuMs(pids) - server0)) / runs;
    const weeks: number[] = [];
    for (let r = 0; r < 5; r++) weeks.push(await get(`${reportPaths.signals}?from=${addDays(today, -3 * 365)}&to=${today}&granularity=week`));
    if (process.env.BENCH_EXPLAIN === '1' && db.kind === 'postgres') {
      const lead = await db.query<{ team_id: string }>("SELECT team_id::text AS team_id FROM users WHERE username = 'bench-lead'");
      await explain(db, today, lead.rows[0]!.team_id);
    }
    await app.close();
    return {
      backend: db.kind,
      events,
      handovers,
      seedMs,
      loadP50Ms: quantile(totals, 0.5),
      loadP95Ms: quantile(totals, 0.95),
      perRequestMs: Object.fromEntries(Object.entries(per).map(([k, v]) => [k, quantile(v, 0.5)])),
      cpuPerLoadMs,
      weeksP50Ms: quantile(weeks, 0.5),
      runs,
    };
  } finally {
    await db.close();
  }
}

/** The server processes of this database's connections (PostgreSQL only). */
async function backendPids(db: Db): Promise<number[]> {
  if (db.kind !== 'postgres') return [];
  const { rows } = await db.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'");
  return rows.map((r) => r.pid);
}

/** User + system CPU of these processes so far, in ms (Linux /proc, 100 ticks a second); 0 where unreadable. */
function serverCpuMs(pids: readonly number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      // The fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      ticks += Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
    } catch {
      // A server on another machine: only the hub's own CPU counts then.
    }
  }
  return ticks * 10;
}

/** The plans of the heaviest statements, as the dashboard runs them (the report service's own SQL). */
async function explain(db: Db, today: string, leadTeam: string) {
  const from = addDays(today, -364);
  const weeks = weeksBefore(today, 52);
  const months = monthsOf(from, today);
  const monthParams = [months.map((m) => m.from), months.map((m) => m.key)];
  const now = new Date().toISOString();
  const plans: [string, string, unknown[]][] = [
    ['signals by signal type and household type, from the weekly counts', signalReportSql.bySignalSql, [weeks, weeks.map((_, i) => Math.floor(i / 4.4)), null, null, null]],
    ['the handover funnel of a year (one pass over the cohort)', handoverReportSql.funnelSql, [from, today, null, now, leadTeam, ...monthParams]],
    ['open handovers per team and worker', handoverReportSql.openSql, [null, leadTeam]],
    ['Wgs first-conversation term per month', handoverReportSql.firstConversationSql, [from, today, null, now, today, ...monthParams]],
    [
      'for comparison: signals counted straight from signal_events, retractions subtracted (what the weekly counts replace)',
      `SELECT r.signal_id, count(*) FROM signal_events r WHERE r.type = 'recorded' AND r.week = ANY($1::text[]) AND NOT EXISTS (SELECT 1 FROM signal_events x WHERE x.type = 'retracted' AND x.retracts = r.event_id AND x.team_id = r.team_id) GROUP BY 1`,
      [weeks],
    ],
  ];
  await db.transaction(async (tx) => {
    await tx.query("SET LOCAL work_mem = '64MB'");
    for (const [name, sql, params] of plans) {
      const { rows } = await tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, COSTS OFF) ${sql}`, params);
      console.log(`\n-- ${name}\n${rows.map((r) => r['QUERY PLAN']).join('\n')}`);
    }
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const events = Number(process.argv[2] ?? 1_000_000);
  const handovers = Number(process.argv[3] ?? 100_000);
  const backends = process.env.BENCH_BACKENDS?.split(',') ?? ['pglite', 'postgres'];
  const urls = [...(backends.includes('pglite') ? [undefined] : []), ...(backends.includes('postgres') && process.env.DATABASE_URL ? [process.env.DATABASE_URL] : [])];
  for (const url of urls) {
    const r = await benchReports(url, events, handovers);
    console.log(
      `team-lead dashboard on ${r.backend}, ${r.events} signal events + ${r.handovers} handovers (seeded in ${(r.seedMs / 1000).toFixed(0)} s): ` +
        `load p50 ${r.loadP50Ms.toFixed(1)} ms, p95 ${r.loadP95Ms.toFixed(1)} ms over ${r.runs} loads (CPU ${r.cpuPerLoadMs.toFixed(1)} ms a load); per request ` +
        `${Object.entries(r.perRequestMs).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')} ms; 3 years by week ${r.weeksP50Ms.toFixed(1)} ms`,
    );
  }
}
