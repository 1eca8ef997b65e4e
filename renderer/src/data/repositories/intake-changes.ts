import type { DomainEntry, Finances, RecordedSignal } from '../../../../shared/domain/intake.schema';
import { emptyDomainEntry, emptyFinances } from '../../../../shared/domain/intake.schema';

/**
 * What a save changed, as a Dutch history label that names the section and the field, never a value
 * ("Geld — Hoe ziet u het zelf?"). null when nothing a person would notice changed.
 */

const domainFields: Readonly<Record<Exclude<keyof DomainEntry, 'updatedAt'>, string>> = {
  score: 'Score',
  ownView: 'Hoe ziet u het zelf?',
  goesWell: 'Wat gaat goed?',
  wishes: 'Wensen',
  actions: 'Afspraken',
  done: 'Besproken',
  notApplicable: 'Niet van toepassing',
};

const financeFields: Readonly<Record<keyof Finances, string>> = {
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

export const SIGNALS_LABEL = 'Signalen';
export const FINANCES_LABEL = 'Financiën';
export const HOUSEHOLD_CREATED_LABEL = 'Huishouden — aangemaakt';
export const HOUSEHOLD_UPDATED_LABEL = 'Huishouden — gegevens';

/** Structural equality for JSON-like values (what the intake schemas produce). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  return ka.every((k) => Object.hasOwn(rb, k) && sameValue(ra[k], rb[k]));
}

function changedLabels<T extends object>(labels: Readonly<Record<string, string>>, before: T, after: T): string[] {
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  return Object.keys(labels)
    .filter((field) => !sameValue(b[field], a[field]))
    .map((field) => labels[field] ?? field);
}

function label(section: string, fields: string[]): string | null {
  return fields.length === 0 ? null : `${section} — ${fields.join(', ')}`;
}

// A section never saved before is compared with its empty form, so a first save names only what was filled in.
export function domainChange(title: string, before: DomainEntry | null, after: DomainEntry): string | null {
  return label(title, changedLabels(domainFields, before ?? emptyDomainEntry(), after));
}

export function financesChange(before: Finances | null, after: Finances): string | null {
  return label(FINANCES_LABEL, changedLabels(financeFields, before ?? emptyFinances(), after));
}

export function signalsChange(before: RecordedSignal[] | null, after: RecordedSignal[]): string | null {
  return sameValue(before ?? [], after) ? null : SIGNALS_LABEL;
}
