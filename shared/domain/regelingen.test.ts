import { describe, expect, it } from 'vitest';
import { demoHouseholds, helpCatalogue, normsFor, regelingen, settings, signalCatalogue } from '../../resources/index';
import type { Intake } from './intake.schema';
import { emptyIntake } from './intake.schema';
import { checkRegelingen, computeFacts, evaluateCondition, joinDutch, monthsBetween } from './regelingen';
import type { RegelingContext } from './regelingen';

const today = '2026-11-23';
const ctx: RegelingContext = { regelingen, help: helpCatalogue, catalogue: signalCatalogue, settings, norms: normsFor(2026)!.amounts, today };
const demo = await demoHouseholds(today);
const byName = (first: string) => demo.find((d) => d.household.members[0]?.firstName === first)!;
const ids = (first: string) => checkRegelingen(byName(first).intake, byName(first).household, ctx).map((r) => r.id);

describe('regelingen check on the demo households', () => {
  it('single father with two children on bijstand: child funds he does not use yet, not the ones he has', () => {
    expect(ids('Bram')).toEqual([
      'schuldhulp', 'individuele-inkomenstoeslag', 'collectieve-zorgverzekering', 'jeugdfonds-sport-cultuur', 'jarige-job',
      'kwijtschelding-gemeentelijke-belastingen',
    ]);
  });

  it('19-year-old with € 40 a week and an empty fridge: food bank and special assistance', () => {
    expect(ids('Daan')).toEqual(['schuldhulp', 'bijzondere-bijstand', 'collectieve-zorgverzekering', 'voedselbank', 'kwijtschelding-gemeentelijke-belastingen']);
    const foodBank = checkRegelingen(byName('Daan').intake, byName('Daan').household, ctx).find((r) => r.id === 'voedselbank')!;
    expect(foodBank.why).toBe('U kunt misschien hulp krijgen van de voedselbank omdat er na de vaste lasten minder dan € 60 per week overblijft.');
  });

  it('does not suggest the food bank to someone who already goes there', () => {
    expect(ids('Marco')).not.toContain('voedselbank');
    expect(ids('Marco')).toContain('schuldhulp');
  });

  it('explains with the computed figures when a rule has no fixed wording', () => {
    const special = checkRegelingen(byName('Daan').intake, byName('Daan').household, ctx).find((r) => r.id === 'bijzondere-bijstand')!;
    expect(special.why).toBe(
      'U heeft misschien recht op Bijzondere bijstand omdat uw inkomen 71,6% van het sociaal minimum is (de grens is 120%), ' +
        'er nu kosten zijn die u niet kunt betalen en er per week weinig geld overblijft.',
    );
  });
});

describe('rules and facts', () => {
  const household = { members: [
    { id: '00000000-0000-4000-8000-000000000001', firstName: 'A', lastName: '', role: 'adult' as const, age: 35 },
    { id: '00000000-0000-4000-8000-000000000002', firstName: 'B', lastName: '', role: 'child' as const, age: 3 },
  ] };

  it('suggests nothing about money before any income is entered', () => {
    const intake = emptyIntake('00000000-0000-4000-8000-0000000000aa', '2026-11-23T10:00:00.000Z');
    expect(checkRegelingen(intake, household, ctx)).toEqual([]);
    expect(computeFacts(intake, household, ctx).weeklyLeftCents).toBeNull();
  });

  it('reads children, signals and the municipal minima percentage', () => {
    const base = emptyIntake('00000000-0000-4000-8000-0000000000aa', '2026-11-23T10:00:00.000Z');
    const intake: Intake = {
      ...base,
      finances: { ...base.finances, householdType: 'gehuwd-samenwonend', incomes: [{ id: '00000000-0000-4000-8000-000000000003', source: 'salaris', netMonthlyCents: 230000 }] },
    };
    // 230000 / 195580 = 117.6% ≤ 120%: kindpakket yes; a 3-year-old is too young for Leergeld and the Jeugdfonds.
    const found = checkRegelingen(intake, household, ctx).map((r) => r.id);
    expect(found).toContain('kindpakket');
    expect(found).not.toContain('leergeld');
    expect(found).not.toContain('jeugdfonds-sport-cultuur');
    const stricter = { ...ctx, settings: { ...settings, minimaPercentage: 110 } };
    expect(checkRegelingen(intake, household, stricter).map((r) => r.id)).not.toContain('kindpakket');
  });

  it('suggests schuldhulp for debt signals alone, with no debts entered, and names them', () => {
    const base = emptyIntake('00000000-0000-4000-8000-0000000000aa', '2026-11-23T10:00:00.000Z');
    const ticked = (catalogueId: string) => ({ id: '00000000-0000-4000-8000-000000000009', catalogueId, freeText: '', note: '', observedOn: '2026-11-20', recordedAt: '2026-11-23T10:00:00.000Z' });
    for (const id of ['deurwaarder', 'beslag-bankrekening', 'huurachterstand', 'incassobureau']) {
      expect(checkRegelingen({ ...base, signals: [ticked(id)] }, household, ctx).map((r) => r.id)).toContain('schuldhulp');
    }
    const advice = checkRegelingen({ ...base, signals: [ticked('deurwaarder'), ticked('beslag-bankrekening')] }, household, ctx).find((r) => r.id === 'schuldhulp')!;
    expect(advice.why).toContain('deurwaarder en beslag op de bankrekening');
    expect(checkRegelingen({ ...base, signals: [ticked('lege-koelkast')] }, household, ctx).map((r) => r.id)).not.toContain('schuldhulp');
  });

  it('says "recht op" only for rights, "hulp krijgen van" for charities and funds', () => {
    const bram = checkRegelingen(byName('Bram').intake, byName('Bram').household, ctx);
    expect(bram.find((r) => r.id === 'jarige-job')?.why).toMatch(/^U kunt misschien hulp krijgen van Stichting Jarige Job omdat /);
    expect(bram.find((r) => r.id === 'jeugdfonds-sport-cultuur')?.why).toMatch(/^U kunt misschien hulp krijgen van het Jeugdfonds Sport & Cultuur omdat /);
    expect(bram.find((r) => r.id === 'schuldhulp')?.why).toMatch(/^U heeft misschien recht op Schuldhulp van de gemeente omdat /);
    for (const r of regelingen.filter((x) => ['voedselbank', 'jarige-job', 'leergeld', 'jeugdfonds-sport-cultuur'].includes(x.id))) expect(r.kind).toBe('hulp');
  });

  it('writes fallback reasons in plain Dutch: 1 kind, no raw ids', () => {
    const facts = { ...computeFacts(emptyIntake('00000000-0000-4000-8000-0000000000aa', '2026-11-23T10:00:00.000Z'), household, ctx), debtStages: new Set(['incasso', 'deurwaarder'] as const), fixedCostKinds: new Set(['gemeentelijke-belastingen'] as const) };
    const why = (c: Parameters<typeof evaluateCondition>[0]) => evaluateCondition(c, facts, ctx).reasons.join(' | ');
    expect(why({ fact: 'childrenCount', op: 'gte', value: 1 })).toBe('er 1 kind in het gezin is');
    expect(why({ fact: 'debtStage', anyOf: ['incasso', 'deurwaarder'] })).toBe('u schulden heeft bij een incassobureau en een deurwaarder');
    expect(why({ fact: 'hasFixedCost', kind: 'gemeentelijke-belastingen' })).toBe('u elke maand betaalt voor belasting van de gemeente');
  });

  it('counts whole months and joins reasons in Dutch', () => {
    expect(monthsBetween('2023-11-23', '2026-11-23')).toBe(36);
    expect(monthsBetween('2023-11-24', '2026-11-23')).toBe(35);
    expect(joinDutch(['a'])).toBe('a');
    expect(joinDutch(['a', 'b', 'c'])).toBe('a, b en c');
  });
});
