import type { User } from '../../../shared/api/auth';
import type { FunnelReport, HandoverReportQuery, OverdueReport, ReportFiltersResponse, SignalsQuery, SignalsReport, WgsReport } from '../../../shared/api/reports';
import { dutchDateOf } from '../../../shared/domain/urgency';
import type { Neighbourhood } from '../../../shared/reports/neighbourhoods';
import { reportThreshold } from '../../../shared/reports/suppression';
import type { Db } from '../db/database';
import { auditedTransaction } from './audit';
import { allows } from './policy';
import type { ReportMoment } from './reports-handovers';
import { funnelReport, overdueReport, wgsReport } from './reports-handovers';
import type { SignalCatalogues } from './reports-signals';
import { signalsReport } from './reports-signals';

/**
 * The team lead's reports: aggregates over every team of the hub, suppressed below the municipal threshold;
 * the per-worker workload and the overdue list only for the lead's own team. Each read is audited (which report,
 * by whom), in the transaction that reads it, so the numbers come from one snapshot.
 */
export interface ReportService {
  filters(user: User): Promise<ReportFiltersResponse>;
  signals(user: User, query: SignalsQuery): Promise<SignalsReport>;
  funnel(user: User, query: HandoverReportQuery): Promise<FunnelReport>;
  wgs(user: User, query: HandoverReportQuery): Promise<WgsReport>;
  overdue(user: User): Promise<OverdueReport>;
}

export interface ReportDeps {
  db: Db;
  clock: () => Date;
  /** The municipal setting (resources/settings.json reportThreshold); raised to 5 when lower. */
  thresholdSetting?: number;
  catalogues: SignalCatalogues & { neighbourhoods: readonly Neighbourhood[] };
}

export function createReportService({ db, clock, thresholdSetting, catalogues }: ReportDeps): ReportService {
  const threshold = reportThreshold(thresholdSetting);
  const read = <T>(user: User, report: string, fn: (tx: Parameters<Parameters<typeof auditedTransaction>[2]>[0], moment: ReportMoment) => Promise<T>): Promise<T> => {
    // The routes refuse other roles first; this keeps a service caller from skipping that.
    if (!allows(user, 'report.read')) throw new Error(`${user.role} may not read reports`);
    const now = clock();
    return auditedTransaction(db, now, async (tx, trail) => {
      trail.add({ userId: user.id, action: 'report.read', entityType: 'report', entityId: report, outcome: 'ok' });
      // A report sorts and groups tens of thousands of rows: let it do so in memory rather than in temporary files.
      await tx.query("SET LOCAL work_mem = '64MB'");
      return fn(tx, { now: now.toISOString(), today: dutchDateOf(now.toISOString()) });
    });
  };
  return {
    filters: (user) =>
      read(user, 'filters', async (tx) => {
        const teams = await tx.query<{ team_id: string; name: string }>('SELECT team_id::text AS team_id, name FROM teams ORDER BY name');
        return {
          threshold,
          ownTeamId: user.teamId,
          teams: teams.rows.map((t) => ({ teamId: t.team_id, name: t.name })),
          domains: catalogues.domains.map((d) => ({ id: d.id, name: d.title })),
          neighbourhoods: catalogues.neighbourhoods.map((a) => ({ postcodeArea: a.postcodeArea, name: a.name })),
          signals: catalogues.signals.map((s) => ({ id: s.id, title: s.title, domainId: s.domainId })),
        };
      }),
    signals: (user, query) => read(user, 'signals', (tx) => signalsReport(tx, query, threshold, catalogues)),
    funnel: (user, query) => read(user, 'handover-funnel', (tx, moment) => funnelReport(tx, query, threshold, moment, user.teamId)),
    wgs: (user, query) => read(user, 'wgs-terms', (tx, moment) => wgsReport(tx, query, threshold, moment)),
    overdue: (user) => read(user, 'overdue', (tx, moment) => overdueReport(tx, user.teamId, moment)),
  };
}
