import {
  createIntakeSchemas,
  fixedCostSchema,
  incomeSchema,
  paymentArrangementSchema,
  type Debt,
  type Finances,
} from '../../../../shared/domain/intake.schema';

/** The error for a date that may not lie in the future, or undefined when it may be stored. */
export function pastDateError(value: string, today: string): string | undefined {
  const r = createIntakeSchemas(today).debtSchema.shape.stageDate.safeParse(value);
  return r.success ? undefined : r.error.issues[0]?.message;
}

/**
 * What is stored of the finances on screen: complete, valid rows only; a date that is invalid for a
 * moment keeps its last stored value, so a row never disappears while its date is being typed.
 */
export function savableFinances(draft: Finances, stored: Finances, today: string): Finances {
  const { debtSchema, financesSchema } = createIntakeSchemas(today);
  const valid = <T>(schema: { safeParse(v: unknown): { success: boolean } }) => (row: T) => schema.safeParse(row).success;
  const debts = draft.debts.flatMap((d): Debt[] => {
    const stageDate = pastDateError(d.stageDate, today) === undefined ? d.stageDate : stored.debts.find((s) => s.id === d.id)?.stageDate;
    const row = { ...d, stageDate: stageDate ?? '' };
    return debtSchema.safeParse(row).success ? [row] : [];
  });
  const lowIncomeSince =
    draft.lowIncomeSince === null || pastDateError(draft.lowIncomeSince, today) === undefined ? draft.lowIncomeSince : stored.lowIncomeSince;
  const result: Finances = {
    ...draft,
    incomes: draft.incomes.filter(valid(incomeSchema)),
    fixedCosts: draft.fixedCosts.filter(valid(fixedCostSchema)),
    paymentArrangements: draft.paymentArrangements.filter(valid(paymentArrangementSchema)),
    debts,
    lowIncomeSince,
  };
  return financesSchema.safeParse(result).success ? result : stored;
}
