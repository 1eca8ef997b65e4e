import { describe, expect, it } from 'vitest';
import { emptyFinances, type Debt } from '../../../../shared/domain/intake.schema';
import { readEuro } from '../../ui/euro-field';
import { savableFinances } from './finances-model';

const today = '2026-03-10';
const debt = (over: Partial<Debt>): Debt => ({
  id: '5d6e7f80-1a2b-4c3d-8e9f-0a1b2c3d4e5f', creditor: 'Woonstichting', amountCents: 120_000, type: 'huurschuld', stage: 'aanmaning', stageDate: '2026-02-01', ...over,
});

describe('finances on screen versus stored', () => {
  it('reads Dutch amounts and refuses negative ones with a plain message', () => {
    expect(readEuro('1.234,56')).toEqual({ ok: true, cents: 123_456 });
    expect(readEuro('-5')).toEqual({ ok: false, error: 'Een bedrag kan niet negatief zijn.' });
    expect(readEuro('12,345').ok).toBe(false);
  });

  it('stores only complete debts and keeps the last valid stage date while a new one is typed', () => {
    const stored = { ...emptyFinances(), debts: [debt({})] };
    const draft = { ...emptyFinances(), debts: [debt({ stageDate: '2027-01-01' }), debt({ id: '6d6e7f80-1a2b-4c3d-8e9f-0a1b2c3d4e5f', creditor: '' })] };
    expect(savableFinances(draft, stored, today).debts).toEqual([debt({})]);
  });

  it('keeps bewind and self-employment as chosen', () => {
    const draft = { ...emptyFinances(), budgetManagement: 'bewind' as const, selfEmployed: true };
    const saved = savableFinances(draft, emptyFinances(), today);
    expect(saved.budgetManagement).toBe('bewind');
    expect(saved.selfEmployed).toBe(true);
  });
});
