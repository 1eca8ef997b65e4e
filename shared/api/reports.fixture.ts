import type { CountCell, FunnelReport, OverdueReport, ReportFiltersResponse, ReportPeriod, Series, SignalsReport, WgsReport, WgsSeries } from './reports';
import { suppressedCell as s } from './reports';

/**
 * Example answers of the report endpoints, already suppressed the way the hub does it (threshold 5), for the
 * dashboard's tests and its dev harness. Totals are what the hub would publish, not sums of what is shown.
 */

const teamNoord = '5f0c1a52-3a1e-4c55-9a40-2f7b9a1d0001';
const teamZuid = '5f0c1a52-3a1e-4c55-9a40-2f7b9a1d0002';
const teamSchuldhulp = '5f0c1a52-3a1e-4c55-9a40-2f7b9a1d0003';

export const reportFiltersFixture: ReportFiltersResponse = {
  threshold: 5,
  ownTeamId: teamNoord,
  teams: [
    { teamId: teamNoord, name: 'Buurtteam Heerlen-Noord' },
    { teamId: teamZuid, name: 'Buurtteam Heerlen-Zuid' },
    { teamId: teamSchuldhulp, name: 'Schuldhulpverlening Heerlen' },
  ],
  domains: [
    { id: 'geld', name: 'Geld' },
    { id: 'wonen', name: 'Wonen' },
    { id: 'kinderen', name: 'Kinderen en opvoeding' },
  ],
  neighbourhoods: [
    { postcodeArea: '6415', name: 'Heerlerheide' },
    { postcodeArea: '6417', name: 'Welten-Benzenrade' },
    { postcodeArea: '6422', name: 'Hoensbroek' },
  ],
  signals: [
    { id: 'huurachterstand', title: 'Achterstand met de huur', domainId: 'wonen' },
    { id: 'energieachterstand', title: 'Achterstand bij de energieleverancier', domainId: 'geld' },
    { id: 'dreigende-huisuitzetting', title: 'Dreigende huisuitzetting', domainId: 'wonen' },
    { id: 'geen-geld-schoolspullen', title: 'Geen geld voor schoolspullen', domainId: 'kinderen' },
  ],
};

const months: ReportPeriod[] = [
  { key: '2026-09', label: 'september 2026', from: '2026-09-01', to: '2026-09-30' },
  { key: '2026-10', label: 'oktober 2026', from: '2026-10-01', to: '2026-10-31' },
  { key: '2026-11', label: 'november 2026', from: '2026-11-01', to: '2026-11-30' },
];
const series = (cells: CountCell[], total: CountCell): Series => ({ cells, total });

export const signalsReportFixture: SignalsReport = {
  threshold: 5,
  from: '2026-09-01',
  to: '2026-11-30',
  granularity: 'month',
  periods: months,
  total: series([41, 37, 52], 130),
  familiesWithChildren: series([17, 12, 23], 52),
  bySignal: {
    rows: [
      // 3 in October is hidden (primary); 11 in October and the 14 and 6 in September are hidden too (secondary),
      // or Wonen's 14 in October minus 11 would give the 3 back.
      { key: 'huurachterstand', label: 'Achterstand met de huur', domainId: 'wonen', ...series([s, s, 19], 44) },
      { key: 'dreigende-huisuitzetting', label: 'Dreigende huisuitzetting', domainId: 'wonen', ...series([s, s, 5], 14) },
      { key: 'energieachterstand', label: 'Achterstand bij de energieleverancier', domainId: 'geld', ...series([9, 13, 16], 38) },
      { key: 'geen-geld-schoolspullen', label: 'Geen geld voor schoolspullen', domainId: 'kinderen', ...series([12, 10, 12], 34) },
    ],
    total: series([41, 37, 52], 130),
  },
  byDomain: {
    rows: [
      { key: 'wonen', label: 'Wonen', ...series([20, 14, 24], 58) },
      { key: 'geld', label: 'Geld', ...series([9, 13, 16], 38) },
      { key: 'kinderen', label: 'Kinderen en opvoeding', ...series([12, 10, 12], 34) },
    ],
    total: series([41, 37, 52], 130),
  },
  byNeighbourhood: {
    rows: [
      { key: '6415', label: 'Heerlerheide', ...series([22, 18, 30], 70) },
      { key: '6417', label: 'Welten-Benzenrade', ...series([s, s, s], 49) },
      { key: '6422', label: 'Hoensbroek', ...series([s, s, s], 11) },
    ],
    total: series([41, 37, 52], 130),
  },
  byHouseholdType: {
    rows: [
      { key: 'single', label: 'Alleenstaand', ...series([15, 16, 18], 49) },
      { key: 'single-with-children', label: 'Alleenstaand met kinderen', ...series([s, s, 14], 32) },
      { key: 'couple', label: 'Stel zonder kinderen', ...series([s, s, 11], 27) },
      { key: 'couple-with-children', label: 'Stel met kinderen', ...series([s, s, 9], 20) },
      { key: 'other', label: 'Anders', ...series([s, 0, 0], s) },
    ],
    total: series([41, 37, 52], 130),
  },
  bySignalFamiliesWithChildren: {
    rows: [
      { key: 'huurachterstand', label: 'Achterstand met de huur', domainId: 'wonen', ...series([s, s, 8], 17) },
      { key: 'dreigende-huisuitzetting', label: 'Dreigende huisuitzetting', domainId: 'wonen', ...series([0, 0, s], s) },
      { key: 'energieachterstand', label: 'Achterstand bij de energieleverancier', domainId: 'geld', ...series([s, s, s], 10) },
      { key: 'geen-geld-schoolspullen', label: 'Geen geld voor schoolspullen', domainId: 'kinderen', ...series([9, 6, 8], 23) },
    ],
    total: series([17, 12, 23], 52),
  },
};

export const funnelReportFixture: FunnelReport = {
  threshold: 5,
  from: '2026-09-01',
  to: '2026-11-30',
  steps: [
    { step: 'sent', count: 64, leadTime: null },
    { step: 'received', count: 61, leadTime: { since: 'sent', count: 61, medianDays: 0.8, p90Days: 2.4 } },
    { step: 'accepted', count: 52, leadTime: { since: 'received', count: 52, medianDays: 1.5, p90Days: 4.1 } },
    { step: 'returned', count: 6, leadTime: { since: 'received', count: 6, medianDays: 2, p90Days: 6.3 } },
    { step: 'first-conversation', count: 44, leadTime: { since: 'accepted', count: 44, medianDays: 9.5, p90Days: 21 } },
    { step: 'decision', count: 19, leadTime: { since: 'first-conversation', count: 19, medianDays: 38, p90Days: 52.6 } },
    { step: 'closed', count: s, leadTime: { since: 'decision', count: s, medianDays: s, p90Days: s } },
  ],
  returnReasons: {
    rows: [
      { reason: 'not-debt-help', count: s },
      { reason: 'incomplete', count: s },
      { reason: 'other-municipality', count: 0 },
      { reason: 'resident-declined', count: 0 },
      { reason: 'other', count: 0 },
    ],
    total: 6,
  },
  withdrawnConsents: s,
  months,
  workloadByTeam: {
    rows: [
      { key: teamNoord, label: 'Buurtteam Heerlen-Noord', open: 23, perMonth: series([14, 12, 16], 42) },
      { key: teamZuid, label: 'Buurtteam Heerlen-Zuid', open: 11, perMonth: series([7, 6, 9], 22) },
    ],
    total: { open: 34, perMonth: series([21, 18, 25], 64) },
  },
  workloadByWorker: {
    rows: [
      { key: 'worker-1', label: 'Sanne de Vries', open: 13, perMonth: series([8, 7, 9], 24) },
      { key: 'worker-2', label: 'Youssef El Amrani', open: 10, perMonth: series([6, 5, 7], 18) },
    ],
    total: { open: 23, perMonth: series([14, 12, 16], 42) },
  },
};

const wgs = (cells: WgsSeries['cells'], total: WgsSeries['total']): WgsSeries => ({ cells, total });

export const wgsReportFixture: WgsReport = {
  threshold: 5,
  from: '2026-09-01',
  to: '2026-11-30',
  months,
  firstConversation: {
    crisis: wgs(
      [
        { met: 6, late: s, pending: 0, share: s },
        { met: s, late: 0, pending: 0, share: s },
        { met: s, late: 0, pending: s, share: s },
      ],
      { met: 14, late: s, pending: s, share: s },
    ),
    regular: wgs(
      [
        { met: 13, late: 5, pending: 0, share: 0.7222 },
        { met: 11, late: s, pending: 0, share: s },
        { met: 9, late: s, pending: 6, share: s },
      ],
      { met: 33, late: 11, pending: 6, share: 0.75 },
    ),
  },
  decision: {
    crisis: wgs(
      [
        { met: s, late: 0, pending: 0, share: s },
        { met: 0, late: 0, pending: s, share: null },
        { met: 0, late: 0, pending: 0, share: null },
      ],
      { met: s, late: 0, pending: s, share: s },
    ),
    regular: wgs(
      [
        { met: 8, late: s, pending: 0, share: s },
        { met: 6, late: 0, pending: 5, share: 1 },
        { met: 0, late: 0, pending: 9, share: null },
      ],
      { met: 14, late: s, pending: 14, share: s },
    ),
  },
};

export const overdueReportFixture: OverdueReport = {
  today: '2026-11-26',
  items: [
    { status: 'accepted', term: 'first-conversation', basis: 'regular', daysOverdue: 12 },
    { status: 'first-conversation-planned', term: 'decision', basis: 'regular', daysOverdue: 5 },
    { status: 'received', term: 'first-conversation', basis: 'crisis', daysOverdue: 1 },
  ],
};

/** An empty period, as the hub answers it: zeros, not hidden cells, and null shares. */
export const emptySignalsReportFixture: SignalsReport = {
  ...signalsReportFixture,
  total: series([0, 0, 0], 0),
  familiesWithChildren: series([0, 0, 0], 0),
  bySignal: { rows: [], total: series([0, 0, 0], 0) },
  byDomain: { rows: [], total: series([0, 0, 0], 0) },
  byNeighbourhood: { rows: [], total: series([0, 0, 0], 0) },
  byHouseholdType: { rows: [], total: series([0, 0, 0], 0) },
  bySignalFamiliesWithChildren: { rows: [], total: series([0, 0, 0], 0) },
};
