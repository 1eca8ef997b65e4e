import { z } from 'zod';
import { budgetManagementSchema, debtStageSchema, debtTypeSchema, fixedCostKindSchema, incomeSourceSchema } from './intake.schema';

/**
 * A small declarative rule language for arrangements (regelingen), kept as data in resources/.
 * A condition is a leaf over a computed fact, or all/any/not of conditions.
 * Every leaf may carry `reason`: the Dutch "omdat …" phrase shown when it holds.
 */

const slugSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
export const comparisonSchema = z.enum(['lt', 'lte', 'gt', 'gte', 'eq']);
export type Comparison = z.infer<typeof comparisonSchema>;

const reason = z.string().min(1).optional();

export const leafConditionSchema = z.discriminatedUnion('fact', [
  /** Income as % of the social minimum; 'minimaPercentage' reads the municipal setting. */
  z.object({ fact: z.literal('incomePctOfMinimum'), op: comparisonSchema, value: z.union([z.number(), z.literal('minimaPercentage')]), reason }),
  z.object({ fact: z.literal('childrenCount'), op: comparisonSchema, value: z.int().min(0), reason }),
  /** At least one child aged min … max (inclusive). */
  z.object({ fact: z.literal('childAges'), min: z.int().min(0), max: z.int().max(17), reason }),
  z.object({ fact: z.literal('hasSignal'), anyOf: z.array(slugSchema).min(1), reason }),
  /** Any recorded signal whose crisis type counts in this municipality. */
  z.object({ fact: z.literal('hasCrisisSignal'), reason }),
  /** At least one debt in one of these stages. */
  z.object({ fact: z.literal('debtStage'), anyOf: z.array(debtStageSchema).min(1), reason }),
  z.object({ fact: z.literal('weeklyLeftCents'), op: comparisonSchema, value: z.int(), reason }),
  /** Months since `finances.lowIncomeSince`; false when unknown. */
  z.object({ fact: z.literal('monthsLowIncome'), op: comparisonSchema, value: z.int().min(0), reason }),
  z.object({ fact: z.literal('alreadyUses'), helpId: slugSchema, reason }),
  z.object({ fact: z.literal('hasFixedCost'), kind: fixedCostKindSchema, reason }),
  /** At least one income of one of these sources (e.g. zorgtoeslag already received). */
  z.object({ fact: z.literal('hasIncomeSource'), anyOf: z.array(incomeSourceSchema).min(1), reason }),
  /** At least one debt of one of these types (e.g. energie). */
  z.object({ fact: z.literal('debtType'), anyOf: z.array(debtTypeSchema).min(1), reason }),
  /** Budget management or bewind now. */
  z.object({ fact: z.literal('budgetManagement'), anyOf: z.array(budgetManagementSchema.exclude(['none'])).min(1), reason }),
  /** Budget management or bewind in the past (finances.pastBudgetManagement). */
  z.object({ fact: z.literal('pastBudgetManagement'), anyOf: z.array(budgetManagementSchema.exclude(['none'])).min(1), reason }),
]);
export type LeafCondition = z.infer<typeof leafConditionSchema>;

/** `reasons: 'first'` on `any`: name only the first reason that holds, so one topic is not said twice. */
export type Condition = LeafCondition | { all: Condition[] } | { any: Condition[]; reasons?: 'first' | 'all' } | { not: Condition };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    leafConditionSchema,
    z.object({ all: z.array(conditionSchema).min(1) }).strict(),
    z.object({ any: z.array(conditionSchema).min(1), reasons: z.enum(['first', 'all']).optional() }).strict(),
    z.object({ not: conditionSchema }).strict(),
  ]),
);

/** One arrangement; `id` is also its id in the help catalogue. */
export const regelingSchema = z.object({
  id: slugSchema,
  name: z.string().min(1),
  /** 'recht': an arrangement the household may be entitled to; 'hulp': help from a charity or fund, not a right. */
  kind: z.enum(['recht', 'hulp']),
  /** For 'hulp': who gives it, as said after "van" ("de voedselbank"); the name when absent. */
  from: z.string().min(1).optional(),
  /** What to do next, in B1 Dutch (where to apply). */
  nextStep: z.string().min(1),
  rule: conditionSchema,
  /** Why the rule is as it is, for the reader of the data; not shown on screen. */
  note: z.string().min(1).optional(),
  /** Warnings shown with the suggestion when their condition holds (e.g. arrears that can block a switch). */
  cautions: z.array(z.object({ when: conditionSchema, text: z.string().min(1) })).default([]),
});
export type Regeling = z.infer<typeof regelingSchema>;

export const regelingenFileSchema = z.array(regelingSchema).min(1);
