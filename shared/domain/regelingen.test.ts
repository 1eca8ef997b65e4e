import { describe, expect, it } from 'vitest';
import { demoHouseholds, helpCatalogue, normsFor, regelingen, settings, signalCatalogue } from '../../resources/index';
import type { Intake } from './intake.schema';
import { emptyIntake } from './intake.schema';
import { checkRegelingen, computeFacts, evaluateCondition, joinDutch, monthsBetween, withMarks } from './regelingen';
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
    expect(ids('Daan')).toEqual(['schuldhulp', 'bijzondere-bijstand', 'collectieve-zorgverzekering', 'zorgtoeslag', 'voedselbank', 'kwijtschelding-gemeentelijke-belastingen']);
    const foodBank = checkRegelingen(byName('Daan').intake, byName('Daan').household, ctx).find((r) => r.id === 'voedselbank')!;
    expect(foodBank.why).toBe('U kunt misschien hulp krijgen van de voedselbank. Dat is omdat er na de vaste lasten minder dan € 60 per week overblijft.');
  });

  it('does not suggest the food bank to someone who already goes there, nor a money coach under bewind', () => {
    expect(ids('Marco')).not.toContain('voedselbank');
    expect(ids('Marco')).not.toContain('budgetcoaching');
    expect(ids('Marco')).toContain('schuldhulp');
    expect(ids('Marco')).toContain('energiefonds');
  });

  it('suggests zorgtoeslag only to those who pay a health insurance and do not get it yet', () => {
    expect(ids('Daan')).toContain('zorgtoeslag');
    expect(ids('Bram')).not.toContain('zorgtoeslag');
    expect(ids('Marco')).not.toContain('zorgtoeslag');
  });

  it('explains with the computed figures when a rule has no fixed wording', () => {
    const special = checkRegelingen(byName('Daan').intake, byName('Daan').household, ctx).find((r) => r.id === 'bijzondere-bijstand')!;
    expect(special.why).toBe(
      'U heeft misschien recht op bijzondere bijstand. Dat is omdat uw inkomen 75,3% van de bijstandsnorm is, niet meer dan 120%. ' +
        'En omdat er nu kosten zijn die u niet kunt betalen. En omdat er per week weinig geld overblijft.',
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
      finances: { ...base.finances, householdType: 'gehuwd-samenwonend', incomes: [{ id: '00000000-0000-4000-8000-000000000003', source: 'salaris', netMonthlyCents: 220000 }] },
    };
    // 220000 / 185801 (the couple norm without holiday allowance) = 118.4% ≤ 120%: kindpakket yes; a 3-year-old is too young for Leergeld and the Jeugdfonds.
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
    expect(bram.find((r) => r.id === 'jarige-job')?.why).toMatch(/^U kunt misschien hulp krijgen van Stichting Jarige Job\. Dat is omdat /);
    expect(bram.find((r) => r.id === 'jeugdfonds-sport-cultuur')?.why).toMatch(/^U kunt misschien hulp krijgen van het Jeugdfonds Sport & Cultuur\. Dat is omdat /);
    expect(bram.find((r) => r.id === 'schuldhulp')?.why).toMatch(/^U heeft misschien recht op schuldhulp van de gemeente\. Dat is omdat /);
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

describe('a household like the seeds\' Jeroen', () => {
  // 40, single, bijstand € 1.100 a month, rent € 720, health insurance € 140 with € 600 arrears, three
  // buy-now-pay-later debts (one with a collection agency), a bailiff letter from the energy supplier,
  // 13 years of bewind in the past, uses the food bank, wants a job.
  const u = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const signal = (catalogueId: string, n: number) => ({ id: u(50 + n), catalogueId, freeText: '', note: '', observedOn: '2026-11-20', recordedAt: '2026-11-23T10:00:00.000Z' });
  const base = emptyIntake(u(100), '2026-11-23T10:00:00.000Z');
  const jeroen: Intake = {
    ...base,
    signals: ['zorgverzekering-achterstand', 'achteraf-betalen-schulden', 'incassobureau', 'deurwaarder', 'energieachterstand', 'wil-werk'].map(signal),
    finances: {
      ...base.finances,
      householdType: 'alleenstaand',
      usesHelp: ['voedselbank'],
      pastBudgetManagement: { kind: 'bewind', years: 13, endedIn: 2024 },
      incomes: [{ id: u(1), source: 'uitkering-participatiewet', netMonthlyCents: 110000 }],
      fixedCosts: [{ id: u(2), kind: 'huur', monthlyCents: 72000 }, { id: u(3), kind: 'zorgverzekering', monthlyCents: 14000 }],
      debts: [
        { id: u(4), creditor: 'Zorgverzekeraar', amountCents: 60000, type: 'zorgverzekering', stage: 'aanmaning', stageDate: '2026-10-01' },
        { id: u(5), creditor: 'Achterafbetaaldienst A', amountCents: 25000, type: 'achteraf-betalen', stage: 'incasso', stageDate: '2026-09-01' },
        { id: u(6), creditor: 'Achterafbetaaldienst B', amountCents: 12000, type: 'achteraf-betalen', stage: 'aanmaning', stageDate: '2026-10-10' },
        { id: u(7), creditor: 'Achterafbetaaldienst C', amountCents: null, type: 'achteraf-betalen', stage: 'herinnering', stageDate: '2026-11-01' },
        { id: u(8), creditor: 'Energieleverancier', amountCents: 45000, type: 'energie', stage: 'deurwaarder', stageDate: '2026-11-15' },
      ],
    },
  };
  const household = { members: [{ id: u(9), firstName: 'Jeroen', lastName: '', role: 'adult' as const, age: 40 }] };
  const advice = (i: Intake = jeroen) => checkRegelingen(i, household, ctx);
  const get = (id: string, i: Intake = jeroen) => advice(i).find((a) => a.id === id);

  it('suggests zorgtoeslag, the energy fund, a money coach and help with work, next to the rights he had before', () => {
    expect(advice().map((a) => a.id)).toEqual([
      'schuldhulp', 'collectieve-zorgverzekering', 'zorgtoeslag', 'kwijtschelding-gemeentelijke-belastingen', 'energiefonds', 'budgetcoaching', 'werk-begeleiding',
    ]);
    expect(get('zorgtoeslag')?.why).toBe('U heeft misschien recht op zorgtoeslag. Dat is omdat u een zorgverzekering betaalt maar nog geen zorgtoeslag krijgt. En omdat uw inkomen laag is.');
    expect(get('budgetcoaching')?.why).toBe('U kunt misschien hulp krijgen van een geldcoach van de gemeente. Dat is omdat u eerder 13 jaar beschermingsbewind had.');
    expect(get('energiefonds')?.why).toBe('U kunt misschien hulp krijgen van het noodfonds energie. Dat is omdat u vertelde over: achterstand bij de energieleverancier.');
    expect(get('werk-begeleiding')?.why).toBe('U kunt misschien hulp krijgen van de gemeente bij het vinden van werk. Dat is omdat u graag wilt werken.');
    expect(advice().map((a) => a.id)).not.toContain('voedselbank');
  });

  it('compares his € 1.100 with the monthly norm: 84,6%', () => {
    expect(computeFacts(jeroen, household, ctx).incomePctOfMinimum).toBe(84.6);
  });

  it('warns that arrears can block the switch to the collective insurance, and gives the end-of-December cut-off', () => {
    const collective = get('collectieve-zorgverzekering')!;
    expect(collective.nextStep).toContain('uiterlijk 31 december');
    expect(collective.cautions).toHaveLength(1);
    expect(collective.cautions[0]).toMatch(/achterstand bij de zorgverzekeraar.*overstappen tegenhouden/);
    const noArrears: Intake = { ...jeroen, signals: jeroen.signals.filter((s) => s.catalogueId !== 'zorgverzekering-achterstand'), finances: { ...jeroen.finances, debts: jeroen.finances.debts.filter((d) => d.type !== 'zorgverzekering') } };
    expect(get('collectieve-zorgverzekering', noArrears)?.cautions).toEqual([]);
  });

  it('leaves out what does not fit: zorgtoeslag he already gets, a coach while under bewind, the energy fund without energy trouble', () => {
    const f = jeroen.finances;
    const withAllowance: Intake = { ...jeroen, finances: { ...f, incomes: [...f.incomes, { id: u(10), source: 'toeslag-zorg', netMonthlyCents: 12300 }] } };
    expect(get('zorgtoeslag', withAllowance)).toBeUndefined();
    expect(get('budgetcoaching', { ...jeroen, finances: { ...f, budgetManagement: 'bewind' } })).toBeUndefined();
    const noEnergy: Intake = { ...jeroen, signals: jeroen.signals.filter((s) => s.catalogueId !== 'energieachterstand'), finances: { ...f, debts: f.debts.filter((d) => d.type !== 'energie') } };
    expect(get('energiefonds', noEnergy)).toBeUndefined();
    expect(get('energiefonds', { ...noEnergy, finances: f })?.why).toContain('u een schuld heeft bij de energieleverancier');
    expect(get('werk-begeleiding', { ...jeroen, signals: jeroen.signals.filter((s) => s.catalogueId !== 'wil-werk') })).toBeUndefined();
  });

  it('keeps what was done with each suggestion beside it', () => {
    const marked = withMarks(advice(), { zorgtoeslag: { status: 'applied', on: '2026-11-23' }, 'werk-begeleiding': { status: 'declined', on: '2026-11-23' } });
    expect(marked.find((a) => a.id === 'zorgtoeslag')?.mark).toEqual({ status: 'applied', on: '2026-11-23' });
    expect(marked.find((a) => a.id === 'werk-begeleiding')?.mark?.status).toBe('declined');
    expect(marked.find((a) => a.id === 'schuldhulp')?.mark).toBeNull();
  });
});
