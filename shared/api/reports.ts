import { z } from 'zod';
import { handoverStatusSchema, returnReasonSchema } from './changes';
import { householdTypeSchema } from './signal-events';

/**
 * The team lead's reports (role 'teamlead' only; any other role gets 403 `forbidden`). Every answer holds
 * aggregates only: no household, case, dossier or resident appears in any of them.
 *
 * Scope: signals and the handover funnel count over every team of this municipality's hub (filter with
 * `teamId`); the per-worker workload and the overdue list cover only the team lead's own team.
 *
 * Small counts: a count of 1 up to `threshold - 1` is sent as `{ suppressed: true }`, shown as "< 5"
 * (`< threshold`) on screen and in exports. 0 is shown as 0. Some larger counts are suppressed too
 * (secondary suppression): whenever a published total, minus the counts shown, would give back a suppressed
 * count, the hub also hides the next-smallest count of that row or column (shared/reports/suppression.ts).
 * So never compute a total on the client: use the totals in the answer, which may themselves be suppressed.
 * `threshold` is a municipal setting (resources/settings.json `reportThreshold`), never below 5.
 */

export const reportPaths = {
  /** What the filters can choose from: teams, domains, neighbourhoods, signal types; and the threshold. */
  filters: '/api/v1/reports/filters',
  signals: '/api/v1/reports/signals',
  funnel: '/api/v1/reports/handover-funnel',
  wgs: '/api/v1/reports/wgs-terms',
  overdue: '/api/v1/reports/overdue',
} as const;

/** The lowest threshold a municipality may set: counts under 5 are never shown. */
export const minReportThreshold = 5;

// ---------- cells ----------

export const suppressedCellSchema = z.object({ suppressed: z.literal(true) }).strict();
export type SuppressedCell = z.infer<typeof suppressedCellSchema>;
/** A count: a whole number, or hidden. */
export const countCellSchema = z.union([z.int().min(0), suppressedCellSchema]);
export type CountCell = z.infer<typeof countCellSchema>;
/** A derived figure (days, a share 0–1), hidden when it rests on hidden or too few counts; null when there is nothing to compute it from. */
export const valueCellSchema = z.union([z.number(), suppressedCellSchema]).nullable();
export type ValueCell = z.infer<typeof valueCellSchema>;

export const suppressedCell: SuppressedCell = Object.freeze({ suppressed: true });
export const isSuppressed = (cell: CountCell | ValueCell): cell is SuppressedCell => typeof cell === 'object' && cell !== null;

/** How a hidden cell reads on screen and in exports: "< 5". */
export const suppressedText = (threshold: number): string => `< ${threshold}`;

// ---------- queries ----------

const isoDate = z.iso.date('Gebruik een datum als jjjj-mm-dd.');
/** The longest period one report covers. */
export const maxReportDays = 3 * 366;
const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/**
 * Both ends included. Signals are kept per ISO week only: a week counts in the period (and in a month)
 * by its Thursday, the day that also decides its ISO year. Handovers count by the Dutch date they arrived.
 */
const periodShape = { from: isoDate, to: isoDate };
const checkPeriod = (p: { from: string; to: string }, ctx: z.RefinementCtx) => {
  if (p.from > p.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'De einddatum ligt vóór de begindatum.' });
  else if (dayNumber(p.to) - dayNumber(p.from) + 1 > maxReportDays) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Kies een periode van hoogstens drie jaar.' });
};

export const granularitySchema = z.enum(['week', 'month']);
export type Granularity = z.infer<typeof granularitySchema>;
/** 'crisis': only signals that count as a Wgs crisis; 'regular': only the others. */
export const crisisFilterSchema = z.enum(['all', 'crisis', 'regular']);
export type CrisisFilter = z.infer<typeof crisisFilterSchema>;
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Gebruik kleine letters, cijfers en streepjes.').max(60);

export const signalsQuerySchema = z
  .object({
    ...periodShape,
    granularity: granularitySchema.default('month'),
    /** One team; absent: all teams. */
    teamId: z.uuid().optional(),
    /** One life domain (resources/life-domains.json); absent: all. */
    domainId: slug.optional(),
    crisis: crisisFilterSchema.default('all'),
  })
  .strict()
  .superRefine(checkPeriod);
export type SignalsQuery = z.infer<typeof signalsQuerySchema>;

/** The funnel, the Wgs terms: by the month a handover arrived (funnel) or its term ended (Wgs). */
export const handoverReportQuerySchema = z
  .object({ ...periodShape, teamId: z.uuid().optional() })
  .strict()
  .superRefine(checkPeriod);
export type HandoverReportQuery = z.infer<typeof handoverReportQuerySchema>;

// ---------- shared pieces ----------

/** One column of a series: a week ('2026-W05', label 'week 5 2026') or a month ('2026-01', label 'januari 2026'). */
export const reportPeriodSchema = z.object({ key: z.string(), label: z.string(), from: z.iso.date(), to: z.iso.date() });
export type ReportPeriod = z.infer<typeof reportPeriodSchema>;

/** A count per period (in the order of `periods`) and the total over the whole period. */
export const seriesSchema = z.object({ cells: z.array(countCellSchema), total: countCellSchema });
export type Series = z.infer<typeof seriesSchema>;

/** A table: one row per group, each a series, and the column totals. */
export const reportTableSchema = z.object({
  rows: z.array(seriesSchema.extend({ key: z.string(), label: z.string() })),
  total: seriesSchema,
});
export type ReportTable = z.infer<typeof reportTableSchema>;

const reportMeta = { threshold: z.int().min(minReportThreshold), from: z.iso.date(), to: z.iso.date() };

// ---------- filters ----------

export const reportFiltersResponseSchema = z.object({
  threshold: z.int().min(minReportThreshold),
  ownTeamId: z.uuid(),
  teams: z.array(z.object({ teamId: z.uuid(), name: z.string() })),
  domains: z.array(z.object({ id: z.string(), name: z.string() })),
  /** The 4-digit postcode areas with their names (resources/neighbourhoods.json). */
  neighbourhoods: z.array(z.object({ postcodeArea: z.string(), name: z.string() })),
  signals: z.array(z.object({ id: z.string(), title: z.string(), domainId: z.string() })),
});
export type ReportFiltersResponse = z.infer<typeof reportFiltersResponseSchema>;

// ---------- signals ----------

export const signalsReportSchema = z.object({
  ...reportMeta,
  granularity: granularitySchema,
  periods: z.array(reportPeriodSchema),
  /** Every counted signal (retracted ones are not counted): the trend chart's main line. */
  total: seriesSchema,
  /** Signals in families with minor children (household types '…-with-children'), apart. */
  familiesWithChildren: seriesSchema,
  /** Row keys: signal id (with `domainId`), domain id, postcode area, household type. */
  bySignal: reportTableSchema.extend({ rows: z.array(seriesSchema.extend({ key: z.string(), label: z.string(), domainId: z.string() })) }),
  byDomain: reportTableSchema,
  byNeighbourhood: reportTableSchema,
  byHouseholdType: reportTableSchema.extend({ rows: z.array(seriesSchema.extend({ key: householdTypeSchema, label: z.string() })) }),
  /** By signal type, only families with minor children; its total is `familiesWithChildren`. */
  bySignalFamiliesWithChildren: reportTableSchema.extend({ rows: z.array(seriesSchema.extend({ key: z.string(), label: z.string(), domainId: z.string() })) }),
});
export type SignalsReport = z.infer<typeof signalsReportSchema>;

// ---------- handover funnel ----------

/**
 * The steps, in order. 'sent': the first version reached the hub. 'received': a counsellor opened it.
 * 'accepted' or 'returned' (the first time). 'first-conversation': the planned first conversation's date has
 * come. 'decision': a decision is recorded. 'closed'. Counted over the handovers that arrived in the period and
 * got this far (a cohort), by the time of the request. Lead times in days: to 'first-conversation' up to the
 * conversation's date, to 'decision' and 'closed' in whole days between the dates.
 */
export const funnelStepSchema = z.enum(['sent', 'received', 'accepted', 'returned', 'first-conversation', 'decision', 'closed']);
export type FunnelStep = z.infer<typeof funnelStepSchema>;

export const funnelStepRowSchema = z.object({
  step: funnelStepSchema,
  count: countCellSchema,
  /** Days from `since` to this step, over the handovers that took both; null for 'sent'. Hidden when fewer than `threshold` took it. */
  leadTime: z
    .object({ since: funnelStepSchema, count: countCellSchema, medianDays: valueCellSchema, p90Days: valueCellSchema })
    .nullable(),
});
export type FunnelStepRow = z.infer<typeof funnelStepRowSchema>;

export const workloadRowSchema = z.object({
  key: z.string(),
  /** A team's name, or a worker's display name (own team only). */
  label: z.string(),
  /** Handovers not returned, closed or withdrawn, today (whenever they arrived). */
  open: countCellSchema,
  /** Handovers that arrived per month, in the order of `months`. */
  perMonth: seriesSchema,
});
export type WorkloadRow = z.infer<typeof workloadRowSchema>;

export const funnelReportSchema = z.object({
  ...reportMeta,
  steps: z.array(funnelStepRowSchema),
  returnReasons: z.object({ rows: z.array(z.object({ reason: returnReasonSchema, count: countCellSchema })), total: countCellSchema }),
  /** Consents withdrawn in the period (by the date the hub received the withdrawal). */
  withdrawnConsents: countCellSchema,
  months: z.array(reportPeriodSchema),
  /** Per sending team (the buurtteam that owns the case); keys are team ids. With `teamId`, only handovers that team sent or received. */
  workloadByTeam: z.object({ rows: z.array(workloadRowSchema), total: workloadRowSchema.omit({ key: true, label: true }) }),
  /**
   * Per worker of the team lead's own team: the sender (buurtteam) or the contact person (schuldhulp team; label
   * 'Nog niet toegewezen' before acceptance). Keys are 'worker-1', 'worker-2' … in label order, never user ids.
   */
  workloadByWorker: z.object({ rows: z.array(workloadRowSchema), total: workloadRowSchema.omit({ key: true, label: true }) }),
});
export type FunnelReport = z.infer<typeof funnelReportSchema>;

// ---------- Wgs terms ----------

/**
 * Per month in which the term ended: 'met' (held in time), 'late' (held after the term, or not held and the term
 * passed), 'pending' (term not yet passed, not yet held). `share` = met / (met + late); hidden when met or late is.
 * Returned and withdrawn handovers leave the count (no term runs for them).
 */
export const wgsCellSchema = z.object({ met: countCellSchema, late: countCellSchema, pending: countCellSchema, share: valueCellSchema });
export type WgsCell = z.infer<typeof wgsCellSchema>;
export const wgsSeriesSchema = z.object({ cells: z.array(wgsCellSchema), total: wgsCellSchema });
export type WgsSeries = z.infer<typeof wgsSeriesSchema>;

export const wgsReportSchema = z.object({
  ...reportMeta,
  months: z.array(reportPeriodSchema),
  /** First conversation within 3 working days (crisis) or 4 weeks (regular) of the request. */
  firstConversation: z.object({ crisis: wgsSeriesSchema, regular: wgsSeriesSchema }),
  /** Decision within 8 weeks of the first conversation. */
  decision: z.object({ crisis: wgsSeriesSchema, regular: wgsSeriesSchema }),
});
export type WgsReport = z.infer<typeof wgsReportSchema>;

// ---------- overdue (own team) ----------

/** No query: always today, always the team lead's own team (as sender or as recipient). */
export const overdueItemSchema = z.object({
  status: handoverStatusSchema,
  term: z.enum(['first-conversation', 'decision']),
  basis: z.enum(['crisis', 'regular']),
  /** Calendar days since the term ended (1 = ended yesterday). */
  daysOverdue: z.int().min(1),
});
export type OverdueItem = z.infer<typeof overdueItemSchema>;
export const overdueReportSchema = z.object({
  today: z.iso.date(),
  /** Most days overdue first; no name, no id, nothing that points at a resident. */
  items: z.array(overdueItemSchema),
});
export type OverdueReport = z.infer<typeof overdueReportSchema>;

export const householdTypeLabels: Record<z.infer<typeof householdTypeSchema>, string> = {
  single: 'Alleenstaand',
  'single-with-children': 'Alleenstaand met kinderen',
  couple: 'Stel zonder kinderen',
  'couple-with-children': 'Stel met kinderen',
  other: 'Anders',
};
