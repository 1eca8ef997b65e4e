import { lifeDomains } from '../../../resources/index';
import type { HistoryChange } from '../data/contracts';

/** A history line's "what" in Dutch: the section and the fields that changed, never a value ("Geld — Hoe ziet u het zelf?"). */

export const domainFieldLabels: Readonly<Record<string, string>> = {
  score: 'Score',
  ownView: 'Hoe ziet u het zelf?',
  goesWell: 'Wat gaat goed?',
  wishes: 'Wensen',
  actions: 'Afspraken',
  done: 'Besproken',
  notApplicable: 'Niet van toepassing',
};

export const financeFieldLabels: Readonly<Record<string, string>> = {
  incomes: 'inkomen',
  fixedCosts: 'vaste lasten',
  debts: 'schulden',
  paymentArrangements: 'betalingsregelingen',
  budgetManagement: 'hulp bij geld',
  selfEmployed: 'zelfstandig ondernemer',
  householdType: 'soort huishouden',
  lowIncomeSince: 'laag inkomen sinds',
  usesHelp: 'hulp die al gebruikt wordt',
  pastBudgetManagement: 'eerder hulp bij geld',
  suggestions: 'regelingen en hulp',
};

const householdFieldLabels: Readonly<Record<string, string>> = { created: 'aangemaakt', details: 'gegevens' };
const domainTitles = new Map(lifeDomains.map((d) => [d.id, d.title]));

const line = (section: string, fields: readonly string[], labels: Readonly<Record<string, string>>): string =>
  fields.length === 0 ? section : `${section} — ${fields.map((f) => (Object.hasOwn(labels, f) ? labels[f] : f)).join(', ')}`;

export function historyLabel(change: HistoryChange): string {
  const { section, fields } = change;
  if (section === 'legacy') return change.text ?? 'Wijziging';
  if (section === 'household') return line('Huishouden', fields, householdFieldLabels);
  if (section === 'signals') return 'Signalen';
  if (section === 'finances') return line('Financiën', fields, financeFieldLabels);
  const domainId = section.slice('domain:'.length);
  return line(domainTitles.get(domainId) ?? 'Leefgebied', fields, domainFieldLabels);
}
