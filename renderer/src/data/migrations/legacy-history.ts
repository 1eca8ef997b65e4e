import { lifeDomains } from '../../../../resources/index';
import type { HistoryChange } from '../contracts';

/**
 * Before version 5 a history line stored its Dutch label ("Geld — Hoe ziet u het zelf?, Wensen").
 * This reads such a label back into a section and field names. The labels are frozen here as they
 * were released (never edit them); a label that does not parse is kept as a `legacy` line.
 */

const domainFields: Readonly<Record<string, string>> = {
  Score: 'score',
  'Hoe ziet u het zelf?': 'ownView',
  'Wat gaat goed?': 'goesWell',
  Wensen: 'wishes',
  Afspraken: 'actions',
  Besproken: 'done',
  'Niet van toepassing': 'notApplicable',
};

const financeFields: Readonly<Record<string, string>> = {
  inkomen: 'incomes',
  'vaste lasten': 'fixedCosts',
  schulden: 'debts',
  betalingsregelingen: 'paymentArrangements',
  'hulp bij geld': 'budgetManagement',
  'zelfstandig ondernemer': 'selfEmployed',
  'soort huishouden': 'householdType',
  'laag inkomen sinds': 'lowIncomeSince',
  'hulp die al gebruikt wordt': 'usesHelp',
  'eerder hulp bij geld': 'pastBudgetManagement',
  'regelingen en hulp': 'suggestions',
};

const SEPARATOR = ' — ';

function fieldsOf(text: string, names: Readonly<Record<string, string>>): string[] | null {
  const fields = text.split(', ').map((label) => (Object.hasOwn(names, label) ? names[label] : undefined));
  return fields.every((f): f is string => f !== undefined) ? fields : null;
}

export function legacyHistoryChange(what: string): HistoryChange {
  const legacy: HistoryChange = { section: 'legacy', fields: [], text: what.slice(0, 500) };
  if (what === 'Huishouden — aangemaakt') return { section: 'household', fields: ['created'] };
  if (what === 'Huishouden — gegevens') return { section: 'household', fields: ['details'] };
  if (what === 'Signalen') return { section: 'signals', fields: [] };
  const cut = what.indexOf(SEPARATOR);
  if (cut < 0) return legacy;
  const section = what.slice(0, cut);
  const rest = what.slice(cut + SEPARATOR.length);
  if (section === 'Financiën') {
    const fields = fieldsOf(rest, financeFields);
    return fields ? { section: 'finances', fields } : legacy;
  }
  const domain = lifeDomains.find((d) => d.title === section);
  const fields = domain ? fieldsOf(rest, domainFields) : null;
  return domain && fields ? { section: `domain:${domain.id}`, fields } : legacy;
}
