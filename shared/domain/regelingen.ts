import type { HouseholdInput } from './household.schema';
import type { BudgetManagement, DebtStage, DebtType, FixedCostKind, Help, IncomeSource, Intake, SignalCatalogueEntry, SuggestionMark } from './intake.schema';
import type { Comparison, Condition, Regeling } from './regelingen.schema';
import type { NormAmounts, Settings } from './resources.schema';
import { formatEuro, incomeForMinimumCents, incomePctOfMinimum, monthlyBalanceCents, weeklyLeftCents } from './finance';
import { assessUrgency } from './urgency';

/** Evaluates the declarative regelingen rules (resources/regelingen.json) against one intake. */

export interface RegelingContext {
  regelingen: readonly Regeling[];
  help: readonly Help[];
  catalogue: readonly SignalCatalogueEntry[];
  settings: Pick<Settings, 'crisisTypes' | 'minimaPercentage' | 'wgs'>;
  norms: NormAmounts;
  /** `YYYY-MM-DD`, for how long the income has been low. */
  today: string;
}

/** The computed facts a rule can ask about; money facts are null until an income was entered. */
export interface Facts {
  incomePctOfMinimum: number | null;
  childrenCount: number;
  childAges: number[];
  signalIds: ReadonlySet<string>;
  hasCrisisSignal: boolean;
  debtStages: ReadonlySet<DebtStage>;
  weeklyLeftCents: number | null;
  monthsLowIncome: number | null;
  uses: ReadonlySet<string>;
  fixedCostKinds: ReadonlySet<FixedCostKind>;
  incomeSources: ReadonlySet<IncomeSource>;
  debtTypes: ReadonlySet<DebtType>;
  budgetManagement: BudgetManagement;
  /** 'none' also when not asked yet. */
  pastBudgetManagement: { kind: BudgetManagement; years: number | null };
}

export interface RegelingAdvice {
  id: string;
  name: string;
  kind: Regeling['kind'];
  /** "U heeft misschien recht op …. Dat is omdat …. En omdat …." or, for help that is no right, "U kunt misschien hulp krijgen van …." */
  why: string;
  nextStep: string;
  /** Warnings whose condition holds, in B1 Dutch. */
  cautions: string[];
}

/** Whole months from `from` to `to` (both `YYYY-MM-DD`). */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return Math.max(0, (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0));
}

/** Help the household already has: ticked in the intake, or implied by bewind or budget management. */
export function helpInUse(intake: Pick<Intake, 'finances'>): Set<string> {
  const uses = new Set(intake.finances.usesHelp);
  if (intake.finances.budgetManagement === 'bewind') uses.add('bewindvoering');
  if (intake.finances.budgetManagement === 'budgetbeheer') uses.add('budgetbeheer');
  return uses;
}

/** The facts about one household that the rules read. */
export function computeFacts(intake: Intake, household: Pick<HouseholdInput, 'members'>, ctx: RegelingContext): Facts {
  const f = intake.finances;
  const hasIncome = f.incomes.length > 0;
  const childAges = household.members.filter((m) => m.role === 'child').flatMap((m) => (m.age === null ? [] : [m.age]));
  return {
    incomePctOfMinimum: hasIncome ? incomePctOfMinimum(incomeForMinimumCents(f), f.householdType, ctx.norms) : null,
    childrenCount: household.members.filter((m) => m.role === 'child').length,
    childAges,
    signalIds: new Set(intake.signals.flatMap((s) => (s.catalogueId === null ? [] : [s.catalogueId]))),
    hasCrisisSignal: assessUrgency(intake, ctx.settings, ctx.catalogue).urgent,
    debtStages: new Set(f.debts.map((d) => d.stage)),
    weeklyLeftCents: hasIncome ? weeklyLeftCents(monthlyBalanceCents(f)) : null,
    monthsLowIncome: f.lowIncomeSince === null ? null : monthsBetween(f.lowIncomeSince, ctx.today),
    uses: helpInUse(intake),
    fixedCostKinds: new Set(f.fixedCosts.map((c) => c.kind)),
    incomeSources: new Set(f.incomes.map((i) => i.source)),
    debtTypes: new Set(f.debts.map((d) => d.type)),
    budgetManagement: f.budgetManagement,
    pastBudgetManagement: {
      kind: f.pastBudgetManagement.kind === 'unknown' ? 'none' : f.pastBudgetManagement.kind,
      years: f.pastBudgetManagement.years,
    },
  };
}

/** Debt stages as said after "u schulden heeft bij". */
const stagePhrase: Readonly<Record<DebtStage, string>> = {
  herinnering: 'een bedrijf dat herinneringen stuurt', aanmaning: 'een bedrijf dat aanmaningen stuurt',
  incasso: 'een incassobureau', deurwaarder: 'een deurwaarder', beslag: 'een schuldeiser die beslag heeft gelegd',
};

/** Fixed costs as said after "u elke maand betaalt voor". */
const fixedCostPhrase: Readonly<Record<FixedCostKind, string>> = {
  huur: 'huur of hypotheek', energie: 'gas en stroom', water: 'water', zorgverzekering: 'de zorgverzekering',
  'gemeentelijke-belastingen': 'belasting van de gemeente', 'telefoon-internet': 'telefoon en internet',
  verzekeringen: 'verzekeringen', vervoer: 'vervoer', kinderopvang: 'kinderopvang', overig: 'andere vaste lasten',
};

/** Debt types as said after "u een schuld heeft bij". */
const debtTypePhrase: Readonly<Record<DebtType, string>> = {
  huurschuld: 'de verhuurder', energie: 'de energieleverancier', water: 'het waterbedrijf', zorgverzekering: 'de zorgverzekeraar',
  belastingdienst: 'de Belastingdienst', toeslagen: 'Toeslagen', cjib: 'het CJIB', gemeente: 'de gemeente',
  'achteraf-betalen': 'een achterafbetaaldienst', lening: 'een geldverstrekker', telefoon: 'de telefoonaanbieder', overig: 'een andere schuldeiser',
};

/** Budget management as said after "u nu … heeft" / "u eerder … had". */
const managementPhrase: Readonly<Record<BudgetManagement, string>> = {
  none: 'geen hulp bij geld', budgetbeheer: 'budgetbeheer', bewind: 'beschermingsbewind',
};

const compare = (a: number, op: Comparison, b: number): boolean =>
  op === 'lt' ? a < b : op === 'lte' ? a <= b : op === 'gt' ? a > b : op === 'gte' ? a >= b : a === b;

const pct = (n: number) => `${n.toLocaleString('nl-NL', { maximumFractionDigits: 1 })}%`;

/**
 * A regeling's name inside a sentence: "recht op bijzondere bijstand", not "op Bijzondere bijstand".
 * A name with a capital after its first letter is a proper name and stays as it is ("Stichting Leergeld").
 */
export function nameInSentence(name: string): string {
  const rest = name.slice(1);
  return rest === rest.toLowerCase() ? name.charAt(0).toLowerCase() + rest : name;
}

/** Joins Dutch phrases: "a", "a en b", "a, b en c". */
export function joinDutch(parts: readonly string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} en ${parts[parts.length - 1] ?? ''}`;
}

interface Outcome {
  holds: boolean;
  reasons: string[];
}

/** Whether a condition holds for these facts, with the Dutch "omdat" phrases of what made it hold. */
export function evaluateCondition(c: Condition, facts: Facts, ctx: Pick<RegelingContext, 'settings' | 'catalogue' | 'help'>): Outcome {
  if ('all' in c) {
    const outs = c.all.map((x) => evaluateCondition(x, facts, ctx));
    return { holds: outs.every((o) => o.holds), reasons: outs.flatMap((o) => o.reasons) };
  }
  if ('any' in c) {
    const outs = c.any.map((x) => evaluateCondition(x, facts, ctx)).filter((o) => o.holds);
    return { holds: outs.length > 0, reasons: c.reasons === 'first' ? (outs[0]?.reasons ?? []) : outs.flatMap((o) => o.reasons) };
  }
  if ('not' in c) return { holds: !evaluateCondition(c.not, facts, ctx).holds, reasons: [] };
  const leaf = (holds: boolean, fallback: () => string): Outcome => ({ holds, reasons: holds ? [c.reason ?? fallback()] : [] });
  switch (c.fact) {
    case 'incomePctOfMinimum': {
      const limit = c.value === 'minimaPercentage' ? ctx.settings.minimaPercentage : c.value;
      const v = facts.incomePctOfMinimum;
      const side = c.op === 'lte' || c.op === 'lt' ? 'niet meer dan' : 'meer dan';
      return leaf(v !== null && compare(v, c.op, limit), () => `uw inkomen ${pct(v ?? 0)} van de bijstandsnorm is, ${side} ${pct(limit)}`);
    }
    case 'childrenCount':
      return leaf(compare(facts.childrenCount, c.op, c.value), () =>
        facts.childrenCount === 1 ? 'er 1 kind in het gezin is' : `er ${facts.childrenCount} kinderen in het gezin zijn`,
      );
    case 'childAges':
      return leaf(facts.childAges.some((a) => a >= c.min && a <= c.max), () => `er kinderen van ${c.min} tot en met ${c.max} jaar zijn`);
    case 'hasSignal': {
      const hits = c.anyOf.filter((id) => facts.signalIds.has(id));
      const titles = hits.flatMap((id) => ctx.catalogue.find((s) => s.id === id)?.title.toLowerCase() ?? []);
      // At most three by name, so the sentence stays short enough to read aloud.
      const named = titles.length > 3 ? [...titles.slice(0, 2), `nog ${titles.length - 2} andere dingen`] : titles;
      return leaf(hits.length > 0, () => (titles.length > 0 ? `u vertelde over: ${joinDutch(named)}` : 'u vertelde over zorgen om geld'));
    }
    case 'hasCrisisSignal':
      return leaf(facts.hasCrisisSignal, () => 'er een crisis is');
    case 'debtStage': {
      const hits = c.anyOf.filter((s) => facts.debtStages.has(s));
      return leaf(hits.length > 0, () => `u schulden heeft bij ${joinDutch(hits.map((s) => stagePhrase[s]))}`);
    }
    case 'weeklyLeftCents': {
      const v = facts.weeklyLeftCents;
      return leaf(v !== null && compare(v, c.op, c.value), () => `er per week ${formatEuro(v ?? 0)} overblijft na de vaste lasten`);
    }
    case 'monthsLowIncome': {
      const v = facts.monthsLowIncome;
      return leaf(v !== null && compare(v, c.op, c.value), () => `u al ${v ?? 0} maanden een laag inkomen heeft`);
    }
    case 'alreadyUses':
      return leaf(facts.uses.has(c.helpId), () => {
        const name = ctx.help.find((h) => h.id === c.helpId)?.name;
        return name ? `u al hulp krijgt van ${name}` : 'u hier al hulp bij krijgt';
      });
    case 'hasFixedCost':
      return leaf(facts.fixedCostKinds.has(c.kind), () => `u elke maand betaalt voor ${fixedCostPhrase[c.kind]}`);
    case 'hasIncomeSource':
      return leaf(c.anyOf.some((x) => facts.incomeSources.has(x)), () => 'u dit inkomen al krijgt');
    case 'debtType': {
      const hits = c.anyOf.filter((x) => facts.debtTypes.has(x));
      return leaf(hits.length > 0, () => `u een schuld heeft bij ${joinDutch(hits.map((x) => debtTypePhrase[x]))}`);
    }
    case 'budgetManagement':
      return leaf(c.anyOf.some((x) => x === facts.budgetManagement), () => `u nu ${managementPhrase[facts.budgetManagement]} heeft`);
    case 'pastBudgetManagement': {
      const past = facts.pastBudgetManagement;
      const years = past.years === null ? '' : past.years === 1 ? ' 1 jaar' : ` ${past.years} jaar`;
      return leaf(c.anyOf.some((x) => x === past.kind), () => `u eerder${years} ${managementPhrase[past.kind]} had`);
    }
  }
}

/** Arrangements the household may be entitled to, with a Dutch reason each; ones already used are left out. */
export function checkRegelingen(intake: Intake, household: Pick<HouseholdInput, 'members'>, ctx: RegelingContext): RegelingAdvice[] {
  const facts = computeFacts(intake, household, ctx);
  return ctx.regelingen.flatMap((r) => {
    if (facts.uses.has(r.id)) return [];
    const out = evaluateCondition(r.rule, facts, ctx);
    if (!out.holds) return [];
    const reasons = [...new Set(out.reasons)];
    const lead = r.kind === 'hulp' ? `U kunt misschien hulp krijgen van ${r.from ?? nameInSentence(r.name)}.` : `U heeft misschien recht op ${nameInSentence(r.name)}.`;
    // One short sentence per reason (B1), read aloud to the resident.
    const why = [lead, ...reasons.map((reason, i) => `${i === 0 ? 'Dat is omdat' : 'En omdat'} ${reason}.`)].join(' ');
    const cautions = r.cautions.filter((c) => evaluateCondition(c.when, facts, ctx).holds).map((c) => c.text);
    return [{ id: r.id, name: r.name, kind: r.kind, why, nextStep: r.nextStep, cautions }];
  });
}

/** The suggestions with what was done with each (finances.suggestions), for the screen, the handover and the resident's summary. */
export function withMarks(advice: readonly RegelingAdvice[], marks: Readonly<Record<string, SuggestionMark>>): (RegelingAdvice & { mark: SuggestionMark | null })[] {
  return advice.map((a) => ({ ...a, mark: marks[a.id] ?? null }));
}
