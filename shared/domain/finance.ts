import type { Result } from '../result';
import { fail, ok } from '../result';
import type { DebtStage, Finances, HouseholdType, IncomeSource } from './intake.schema';
import { debtStages } from './intake.schema';
import type { NormAmounts } from './resources.schema';

/** Pure money calculations for the finances snapshot. All amounts are integer cents. */

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** Total net income per month. */
export const totalIncome = (f: Pick<Finances, 'incomes'>): number => sum(f.incomes.map((i) => i.netMonthlyCents));

/** Sources left out when comparing with the social minimum: allowances and child benefits come on top of it. */
export const notCountedForMinimum: readonly IncomeSource[] = ['toeslag-huur', 'toeslag-zorg', 'kindgebonden-budget', 'kinderbijslag'];

/** Net monthly income that counts against the social minimum (without allowances and child benefits). */
export const incomeForMinimumCents = (f: Pick<Finances, 'incomes'>): number =>
  sum(f.incomes.filter((i) => !notCountedForMinimum.includes(i.source)).map((i) => i.netMonthlyCents));

/** Total fixed costs per month. */
export const totalFixedCosts = (f: Pick<Finances, 'fixedCosts'>): number => sum(f.fixedCosts.map((c) => c.monthlyCents));

/** Total paid each month on payment arrangements. */
export const totalArrangements = (f: Pick<Finances, 'paymentArrangements'>): number =>
  sum(f.paymentArrangements.map((a) => a.monthlyCents));

/** Income − fixed costs − payment arrangements, per month; negative when money runs short. */
export const monthlyBalanceCents = (f: Pick<Finances, 'incomes' | 'fixedCosts' | 'paymentArrangements'>): number =>
  totalIncome(f) - totalFixedCosts(f) - totalArrangements(f);

/** A monthly amount as a weekly one (× 12 / 52), rounded down. */
export const weeklyLeftCents = (monthlyCents: number): number => Math.floor((monthlyCents * 12) / 52);

/** Per collection stage: how many debts, the total of the known amounts, and how many have no amount yet. */
export interface StageTotal {
  count: number;
  amountCents: number;
  unknownCount: number;
}

/** Count and total amount of debts per collection stage, every stage present; an unknown amount is never added as € 0,00. */
export function debtTotalsByStage(f: Pick<Finances, 'debts'>): Record<DebtStage, StageTotal> {
  const totals = Object.fromEntries(debtStages.map((s) => [s, { count: 0, amountCents: 0, unknownCount: 0 }])) as Record<DebtStage, StageTotal>;
  for (const d of f.debts) {
    totals[d.stage].count += 1;
    if (d.amountCents === null) totals[d.stage].unknownCount += 1;
    else totals[d.stage].amountCents += d.amountCents;
  }
  return totals;
}

/** Total of the debts whose amount is known. */
export const totalDebtCents = (f: Pick<Finances, 'debts'>): number => sum(f.debts.flatMap((d) => (d.amountCents === null ? [] : [d.amountCents])));

/** How many debts have no amount yet ("bedrag nog onbekend"). */
export const unknownAmountDebts = (f: Pick<Finances, 'debts'>): number => f.debts.filter((d) => d.amountCents === null).length;

/** The norm for a household type, holiday allowance included; single parents get the single norm (kindgebonden budget covers the rest). */
export function normCentsFor(householdType: HouseholdType, norms: NormAmounts): number | null {
  switch (householdType) {
    case 'alleenstaand':
    case 'alleenstaande-ouder':
      return norms.single;
    case 'gehuwd-samenwonend':
      return norms.couple;
    case 'alleenstaand-pensioen':
    case 'alleenstaande-ouder-pensioen':
      return norms.singlePension;
    case 'gehuwd-samenwonend-pensioen':
      return norms.couplePension;
  }
}

/**
 * The norm as it is paid each month: without the holiday allowance, which is part of the norm
 * (Participatiewet art. 19) but paid once a year, in May or June.
 */
export const monthlyNormCents = (normCents: number, norms: Pick<NormAmounts, 'holidayAllowancePct'>): number =>
  Math.round((normCents * (100 - norms.holidayAllowancePct)) / 100);

/** Both norms for a household type, or null when the type or the norm is unknown. */
export function normsForType(householdType: HouseholdType | null, norms: NormAmounts): { withHolidayAllowance: number; monthly: number } | null {
  if (householdType === null) return null;
  const norm = normCentsFor(householdType, norms);
  return norm === null ? null : { withHolidayAllowance: norm, monthly: monthlyNormCents(norm, norms) };
}

const pctOf = (cents: number, of: number) => Math.round((cents * 1000) / of) / 10;

/**
 * Monthly income as a percentage of the social minimum, one decimal, like with like: against the
 * norm as paid each month (without holiday allowance), because the incomes entered are monthly
 * payments. null when the type or norm is unknown. The rules (regelingen) read this figure.
 */
export function incomePctOfMinimum(incomeCents: number, householdType: HouseholdType | null, norms: NormAmounts): number | null {
  const n = normsForType(householdType, norms);
  return n === null ? null : pctOf(incomeCents, n.monthly);
}

/** The same income against the norm with holiday allowance, as municipalities often publish it; shown beside the other. */
export function incomePctOfFullNorm(incomeCents: number, householdType: HouseholdType | null, norms: NormAmounts): number | null {
  const n = normsForType(householdType, norms);
  return n === null ? null : pctOf(incomeCents, n.withHolidayAllowance);
}

const euro = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: true });
const MINUS = '\u2212';

/** Cents in Dutch notation: "€ 1.234,56", negative "−€ 12,00" (plain space, true minus sign). */
export function formatEuro(cents: number): string {
  const abs = Math.abs(cents);
  const decimal = `${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}` as `${number}`;
  const text = `€ ${euro.format(decimal)}`;
  return cents < 0 ? `${MINUS}${text}` : text;
}

const MAX_CENTS = 100_000_000_000;

/**
 * Reads an amount as typed: "1.234,56", "1234.56", "1234,5", "€ 12", "12,-", "−€ 12,00".
 * A dot followed by exactly three digits is a thousands separator (Dutch); the last comma or
 * other dot is the decimal separator.
 */
export function parseEuro(input: string): Result<number> {
  let s = input.replace(/[\s\u00a0\u202f€]/g, '').replace(/^EUR/i, '');
  if (s === '') return fail('amount.empty');
  let negative = false;
  if (/^[-\u2212]/.test(s)) {
    negative = true;
    s = s.slice(1);
  }
  s = s.replace(/,-{1,2}$/, '');
  let intPart: string;
  let fracPart = '';
  const lastComma = s.lastIndexOf(',');
  if (lastComma >= 0) {
    intPart = s.slice(0, lastComma);
    fracPart = s.slice(lastComma + 1);
    if (!/^(\d{1,3}(\.\d{3})*|\d+)$/.test(intPart)) return fail('amount.format');
    intPart = intPart.replace(/\./g, '');
  } else if (/^\d{1,3}(\.\d{3})+$/.test(s)) {
    intPart = s.replace(/\./g, '');
  } else {
    const parts = s.split('.');
    if (parts.length > 2) return fail('amount.format');
    intPart = parts[0] ?? '';
    fracPart = parts[1] ?? '';
    if (parts.length === 2 && fracPart === '') return fail('amount.format');
  }
  if (!/^\d+$/.test(intPart) || !/^\d*$/.test(fracPart)) return fail('amount.format');
  if (fracPart.length > 2) return fail('amount.decimals');
  if (intPart.length > 12) return fail('amount.too-high');
  const cents = Number(intPart) * 100 + Number(fracPart.padEnd(2, '0'));
  if (cents > MAX_CENTS) return fail('amount.too-high');
  return ok(negative && cents !== 0 ? -cents : cents);
}

/**
 * A first guess of the household type from the members, for the worker to confirm; null when unclear
 * (more than two adults may be cost sharers, which needs a conversation). AOW age is 67 in 2025–2027.
 */
export function suggestHouseholdType(
  members: readonly { role: 'adult' | 'child'; age: number | null }[],
  pensionAge = 67,
): HouseholdType | null {
  const adults = members.filter((m) => m.role === 'adult');
  const hasChildren = members.some((m) => m.role === 'child');
  const pension = adults.some((m) => m.age !== null && m.age >= pensionAge);
  if (adults.length === 1) {
    const base = hasChildren ? 'alleenstaande-ouder' : 'alleenstaand';
    return pension ? `${base}-pensioen` : base;
  }
  if (adults.length === 2) return pension ? 'gehuwd-samenwonend-pensioen' : 'gehuwd-samenwonend';
  return null;
}
