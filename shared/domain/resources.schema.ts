import { z } from 'zod';
import { isoDateSchema } from './intake.schema';

/** Schemas for the municipal settings, the year-stamped norms and the holiday calendar in resources/. */

const slugSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

/** A kind of crisis. `basis: 'wgs'` is set by law and always counts; the municipality may add its own. */
export const crisisTypeSchema = z.object({
  id: slugSchema,
  name: z.string().min(1),
  basis: z.enum(['wgs', 'gemeente']),
  /** Whether this crisis makes a case urgent (3 working days) in this municipality. */
  counts: z.boolean(),
});
export type CrisisType = z.infer<typeof crisisTypeSchema>;

export const settingsSchema = z
  .object({
    municipality: z.string().min(1),
    crisisTypes: z.array(crisisTypeSchema).min(1),
    /** Income limit for minima schemes, as a percentage of the social minimum (often 110, 120 or 130). */
    minimaPercentage: z.int().min(100).max(200),
    /** Days after closing a case before its data is purged from the device. */
    retentionDaysClosedCases: z.int().min(1).max(3650),
    /** The year whose norms the finances snapshot uses. */
    normsYear: z.int().min(2020).max(2100),
    /** Bevrijdingsdag (5 May) as a day off: every year, only in lustrum years (2025, 2030, …), or never. */
    liberationDayOff: z.enum(['every-year', 'lustrum-only', 'never']),
    /** Goede Vrijdag as a day off for the Wgs working days (the Algemene termijnenwet counts it; many offices open). */
    goodFridayOff: z.boolean().default(false),
    wgs: z.object({
      urgentWorkingDays: z.int().min(1).max(10),
      regularWeeks: z.int().min(1).max(8),
      decisionWeeks: z.int().min(1).max(16),
    }),
    /** How long a resident's consent for a handover holds, in months, unless withdrawn earlier. */
    consentValidMonths: z.int().min(1).max(60).default(12),
    /**
     * Below this percentage of the monthly norm (without holiday allowance) the money page asks how
     * the income can be that low (a deduction, a garnishment, no bijstand applied for).
     */
    belowNormQuestionPct: z.int().min(50).max(100),
    /** Minutes without keyboard, pointer or touch input before the app locks itself. */
    idleLockMinutes: z.int().min(1).max(60).default(10),
    /** Days without a password sign-in on a device after which its PIN no longer opens it until the worker signs in. */
    passwordAfterDays: z.int().min(1).max(90).default(14),
    /** Report counts under this are shown as "< n"; never below 5 (the floor of shared/api/reports.ts). */
    reportThreshold: z.int().min(5, 'De drempel voor kleine aantallen is minstens 5.').max(100).default(5),
  })
  .superRefine((s, ctx) => {
    s.crisisTypes.forEach((c, i) => {
      if (c.basis === 'wgs' && !c.counts) {
        ctx.addIssue({ code: 'custom', path: ['crisisTypes', i, 'counts'], message: 'A crisis set by the Wgs always counts.' });
      }
    });
    const ids = s.crisisTypes.map((c) => c.id);
    if (new Set(ids).size !== ids.length) {
      ctx.addIssue({ code: 'custom', path: ['crisisTypes'], message: 'Crisis type ids must be unique.' });
    }
  });
export type Settings = z.infer<typeof settingsSchema>;

const normCents = z.int().min(1);

/** Net social-minimum norms per month, holiday allowance included, in cents. null = not yet checked. */
export const normAmountsSchema = z.object({
  single: normCents,
  couple: normCents,
  singlePension: normCents.nullable(),
  couplePension: normCents.nullable(),
  /** The share of each amount that is holiday allowance (vakantietoeslag), paid once a year: 5 in the Participatiewet. */
  holidayAllowancePct: z.number().min(0).max(20),
});
export type NormAmounts = z.infer<typeof normAmountsSchema>;

export const normPeriodSchema = z.object({
  effectiveFrom: isoDateSchema,
  /** true when the figures are not yet confirmed by the official publication. */
  provisional: z.boolean(),
  source: z.string().min(1),
  checkedOn: isoDateSchema.nullable(),
  note: z.string().default(''),
  amounts: normAmountsSchema,
});
export type NormPeriod = z.infer<typeof normPeriodSchema>;

export const normsFileSchema = z
  .object({
    year: z.int().min(2020).max(2100),
    /** Why single parents get the single norm, and other remarks for the reader. */
    note: z.string(),
    periods: z.array(normPeriodSchema).min(1),
  })
  .superRefine((f, ctx) => {
    f.periods.forEach((p, i) => {
      if (!p.effectiveFrom.startsWith(`${f.year}-`)) {
        ctx.addIssue({ code: 'custom', path: ['periods', i, 'effectiveFrom'], message: `Must lie in ${f.year}.` });
      }
      const prev = f.periods[i - 1];
      if (prev && prev.effectiveFrom >= p.effectiveFrom) {
        ctx.addIssue({ code: 'custom', path: ['periods', i, 'effectiveFrom'], message: 'Periods must be in date order.' });
      }
    });
  });
export type NormsFile = z.infer<typeof normsFileSchema>;

export const holidaySchema = z.object({
  date: isoDateSchema,
  name: z.string().min(1),
  /** Bevrijdingsdag and Goede Vrijdag are days off depending on the settings `liberationDayOff` and `goodFridayOff`. */
  kind: z.enum(['national', 'bevrijdingsdag', 'goede-vrijdag']),
});
export type Holiday = z.infer<typeof holidaySchema>;

/** resources/holidays.json: a checked list for a few years, to cross-check the computed holidays. */
export const holidaysFileSchema = z.object({
  note: z.string().default(''),
  firstYear: z.int(),
  lastYear: z.int(),
  days: z.array(holidaySchema),
});
export type HolidaysFile = z.infer<typeof holidaysFileSchema>;
