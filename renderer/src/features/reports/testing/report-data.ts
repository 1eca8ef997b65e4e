import {
  emptySignalsReportFixture,
  funnelReportFixture,
  overdueReportFixture,
  reportFiltersFixture,
  signalsReportFixture,
  wgsReportFixture,
} from '../../../../../shared/api/reports.fixture';
import type { ReportData } from '../report-model';

/** The hub's example answers (shared/api/reports.fixture.ts) as one dashboard's data, September to November 2026. */
export const reportData: ReportData = {
  filters: reportFiltersFixture,
  query: { from: '2026-09-01', to: '2026-11-30', granularity: 'month', crisis: 'all' },
  signals: signalsReportFixture,
  funnel: funnelReportFixture,
  wgs: wgsReportFixture,
  overdue: overdueReportFixture,
};

const noTerms = { cells: [], total: { met: 0, late: 0, pending: 0, share: null } };

/** The same period with nothing in it: no signals, no handovers at any step, no terms, nothing overdue. */
export const emptyReportData: ReportData = {
  ...reportData,
  signals: emptySignalsReportFixture,
  funnel: { ...funnelReportFixture, steps: funnelReportFixture.steps.map((s) => ({ ...s, count: 0, leadTime: null })) },
  wgs: { ...wgsReportFixture, firstConversation: { crisis: noTerms, regular: noTerms }, decision: { crisis: noTerms, regular: noTerms } },
  overdue: { today: '2026-11-26', items: [] },
};
