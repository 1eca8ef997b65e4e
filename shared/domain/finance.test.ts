import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  debtTotalsByStage, formatEuro, incomeForMinimumCents, incomePctOfFullNorm, incomePctOfMinimum, monthlyBalanceCents, normCentsFor, normsForType,
  parseEuro, suggestHouseholdType, totalDebtCents, totalFixedCosts, totalIncome, unknownAmountDebts, weeklyLeftCents,
} from './finance';
import type { Debt, FixedCost, Income, PaymentArrangement } from './intake.schema';

const id = '00000000-0000-4000-8000-000000000001';
const norms = { single: 136906, couple: 195580, singlePension: 153021, couplePension: 209498, holidayAllowancePct: 5 };
const cents = fc.integer({ min: 0, max: 10_000_000 });
const income = (netMonthlyCents: number, source: Income['source'] = 'salaris'): Income => ({ id, source, netMonthlyCents });
const cost = (monthlyCents: number): FixedCost => ({ id, kind: 'huur', monthlyCents });
const arrangement = (monthlyCents: number): PaymentArrangement => ({ id, creditor: 'X', monthlyCents });

describe('monthly balance and money per week', () => {
  it('is income minus fixed costs minus payment arrangements', () => {
    const f = { incomes: [income(150000), income(20000)], fixedCosts: [cost(80000), cost(15000)], paymentArrangements: [arrangement(5000)] };
    expect(totalIncome(f)).toBe(170000);
    expect(totalFixedCosts(f)).toBe(95000);
    expect(monthlyBalanceCents(f)).toBe(70000);
  });

  it('balance = income − costs − arrangements for any amounts', () => {
    fc.assert(
      fc.property(fc.array(cents, { maxLength: 10 }), fc.array(cents, { maxLength: 10 }), fc.array(cents, { maxLength: 10 }), (i, c, a) => {
        const f = { incomes: i.map((x) => income(x)), fixedCosts: c.map(cost), paymentArrangements: a.map(arrangement) };
        const sum = (xs: number[]) => xs.reduce((p, q) => p + q, 0);
        expect(monthlyBalanceCents(f)).toBe(sum(i) - sum(c) - sum(a));
      }),
    );
  });

  it('turns € 173,34 a month into € 40,00 a week, rounding down', () => {
    expect(weeklyLeftCents(17334)).toBe(4000);
    expect(weeklyLeftCents(17333)).toBe(3999);
    expect(weeklyLeftCents(-5200)).toBe(-1200);
  });

  it('weekly is never more than monthly, and never more than one cent below the exact value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e10 }), (m) => {
        const w = weeklyLeftCents(m);
        expect(w).toBeLessThanOrEqual(m);
        expect(w * 52).toBeLessThanOrEqual(m * 12);
        expect((w + 1) * 52).toBeGreaterThan(m * 12);
      }),
    );
  });
});

describe('debts per stage', () => {
  const debt = (stage: Debt['stage'], amountCents: number | null): Debt => ({ id, creditor: 'X', amountCents, type: 'overig', stage, stageDate: '2026-01-01' });
  it('counts and sums every stage, also the empty ones', () => {
    const t = debtTotalsByStage({ debts: [debt('incasso', 1000), debt('incasso', 2500), debt('beslag', 700)] });
    expect(t.incasso).toEqual({ count: 2, amountCents: 3500, unknownCount: 0 });
    expect(t.beslag).toEqual({ count: 1, amountCents: 700, unknownCount: 0 });
    expect(t.herinnering).toEqual({ count: 0, amountCents: 0, unknownCount: 0 });
  });

  it('counts a debt whose amount is not known yet apart, never as € 0,00', () => {
    const f = { debts: [debt('incasso', 60000), debt('incasso', null), debt('deurwaarder', null)] };
    expect(totalDebtCents(f)).toBe(60000);
    expect(unknownAmountDebts(f)).toBe(2);
    expect(debtTotalsByStage(f).incasso).toEqual({ count: 2, amountCents: 60000, unknownCount: 1 });
    expect(debtTotalsByStage(f).deurwaarder).toEqual({ count: 1, amountCents: 0, unknownCount: 1 });
  });
});

describe('income as a percentage of the social minimum', () => {
  it('compares a monthly income with the norm as paid each month, without the 5% holiday allowance', () => {
    expect(normCentsFor('alleenstaande-ouder', norms)).toBe(136906);
    expect(normsForType('alleenstaand', norms)).toEqual({ withHolidayAllowance: 136906, monthly: 130061 });
    // Jeroen: € 1.100 bijstand a month, single.
    expect(incomePctOfMinimum(110000, 'alleenstaand', norms)).toBe(84.6);
    expect(incomePctOfFullNorm(110000, 'alleenstaand', norms)).toBe(80.3);
    expect(incomePctOfMinimum(130061, 'alleenstaande-ouder', norms)).toBe(100);
    expect(incomePctOfMinimum(150000, 'gehuwd-samenwonend', norms)).toBe(80.7);
    expect(incomePctOfMinimum(145370, 'alleenstaand-pensioen', norms)).toBe(100);
  });

  it('is unknown without a household type or without a checked norm', () => {
    expect(incomePctOfMinimum(100000, null, norms)).toBeNull();
    expect(incomePctOfMinimum(100000, 'gehuwd-samenwonend-pensioen', { ...norms, couplePension: null })).toBeNull();
  });

  it('leaves allowances and child benefits out of the income it compares', () => {
    const f = { incomes: [income(120000, 'uitkering-participatiewet'), income(30000, 'toeslag-huur'), income(20000, 'kinderbijslag')] };
    expect(incomeForMinimumCents(f)).toBe(120000);
  });

  it('never goes down when income goes up', () => {
    fc.assert(
      fc.property(cents, cents, fc.constantFrom('alleenstaand', 'gehuwd-samenwonend', 'alleenstaand-pensioen') , (a, b, type) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(incomePctOfMinimum(lo, type, norms)!).toBeLessThanOrEqual(incomePctOfMinimum(hi, type, norms)!);
      }),
    );
  });
});

describe('household type guess', () => {
  const adult = (age: number | null) => ({ role: 'adult' as const, age });
  const child = { role: 'child' as const, age: 8 };
  it('reads single, single parent, couple and pension age from the members', () => {
    expect(suggestHouseholdType([adult(40)])).toBe('alleenstaand');
    expect(suggestHouseholdType([adult(40), child])).toBe('alleenstaande-ouder');
    expect(suggestHouseholdType([adult(40), adult(null), child])).toBe('gehuwd-samenwonend');
    expect(suggestHouseholdType([adult(70)])).toBe('alleenstaand-pensioen');
    expect(suggestHouseholdType([adult(66), adult(68)])).toBe('gehuwd-samenwonend-pensioen');
  });
  it('does not guess for three or more adults', () => {
    expect(suggestHouseholdType([adult(40), adult(20), adult(45)])).toBeNull();
  });
});

describe('euro amounts in Dutch', () => {
  it('formats like a Dutch bank statement', () => {
    expect(formatEuro(123456)).toBe('€ 1.234,56');
    expect(formatEuro(0)).toBe('€ 0,00');
    expect(formatEuro(5)).toBe('€ 0,05');
    expect(formatEuro(-1200)).toBe('−€ 12,00');
    expect(formatEuro(123456789012)).toBe('€ 1.234.567.890,12');
  });

  it('reads what people type', () => {
    const cases: [string, number][] = [
      ['1.234,56', 123456], ['1234.56', 123456], ['€ 12', 1200], ['12,-', 1200], ['1234,5', 123450], ['0,99', 99],
      ['1.234', 123400], ['1.234.567', 123456700], [' € 40 ', 4000], ['−€ 12,00', -1200], ['-7,5', -750], ['12.5', 1250],
    ];
    for (const [text, expected] of cases) expect(parseEuro(text), text).toEqual({ ok: true, value: expected });
  });

  it('says with a code what is wrong', () => {
    expect(parseEuro('')).toEqual({ ok: false, error: { code: 'amount.empty' } });
    expect(parseEuro('twaalf')).toEqual({ ok: false, error: { code: 'amount.format' } });
    expect(parseEuro('12,345')).toEqual({ ok: false, error: { code: 'amount.decimals' } });
    expect(parseEuro('1.2.3')).toEqual({ ok: false, error: { code: 'amount.format' } });
    expect(parseEuro('12,34,5')).toEqual({ ok: false, error: { code: 'amount.format' } });
    expect(parseEuro('99999999999999')).toEqual({ ok: false, error: { code: 'amount.too-high' } });
  });

  it('reads back every amount it formats', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000_000_000, max: 100_000_000_000 }), (c) => {
        expect(parseEuro(formatEuro(c))).toEqual({ ok: true, value: c });
      }),
    );
  });
});
