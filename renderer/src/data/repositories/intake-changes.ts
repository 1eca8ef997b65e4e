import type { DomainEntry, Finances, RecordedSignal } from '../../../../shared/domain/intake.schema';
import { emptyDomainEntry, emptyFinances } from '../../../../shared/domain/intake.schema';
import type { HistoryChange } from '../contracts';

/**
 * What a save changed, as a section and the names of its fields, never a value. The UI turns it into
 * Dutch (i18n/history-labels.ts). null when nothing a person would notice changed.
 */

/** The fields of a life-domain entry that a history line names, in display order. */
export const domainFieldKeys = ['score', 'ownView', 'goesWell', 'wishes', 'actions', 'done', 'notApplicable'] as const satisfies readonly Exclude<keyof DomainEntry, 'updatedAt'>[];

/** The fields of the finances section that a history line names, in display order. */
export const financeFieldKeys = [
  'incomes',
  'fixedCosts',
  'debts',
  'paymentArrangements',
  'budgetManagement',
  'selfEmployed',
  'householdType',
  'lowIncomeSince',
  'usesHelp',
  'pastBudgetManagement',
  'suggestions',
] as const satisfies readonly (keyof Finances)[];

export const HOUSEHOLD_CREATED: HistoryChange = { section: 'household', fields: ['created'] };
export const HOUSEHOLD_UPDATED: HistoryChange = { section: 'household', fields: ['details'] };

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

function changedFields<T extends object>(keys: readonly string[], before: T, after: T): string[] {
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  return keys.filter((field) => !sameValue(b[field], a[field]));
}

function change(section: HistoryChange['section'], fields: string[]): HistoryChange | null {
  return fields.length === 0 ? null : { section, fields };
}

// A section never saved before is compared with its empty form, so a first save names only what was filled in.
export function domainChange(domainId: string, before: DomainEntry | null, after: DomainEntry): HistoryChange | null {
  return change(`domain:${domainId}`, changedFields(domainFieldKeys, before ?? emptyDomainEntry(), after));
}

export function financesChange(before: Finances | null, after: Finances): HistoryChange | null {
  return change('finances', changedFields(financeFieldKeys, before ?? emptyFinances(), after));
}

export function signalsChange(before: RecordedSignal[] | null, after: RecordedSignal[]): HistoryChange | null {
  return sameValue(before ?? [], after) ? null : { section: 'signals', fields: [] };
}

/** Whether two changes name the same section and fields (a repeat coalesces into one history line). */
export function sameChange(a: HistoryChange, b: HistoryChange): boolean {
  return a.section === b.section && a.fields.join('|') === b.fields.join('|');
}
