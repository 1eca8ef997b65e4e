import { CHILDREN_DOMAIN_ID, createIntakeSchemas, type RecordedSignal, type SignalCatalogueEntry } from '../../../../shared/domain/intake.schema';

/** Signals as typed on screen; `observedOn` may be invalid for a moment (e.g. in the future). */
export type SignalDraft = RecordedSignal;

const strip = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Catalogue entries whose title or description holds the query, ignoring case and accents. */
export function matchSignals(catalogue: readonly SignalCatalogueEntry[], query: string): SignalCatalogueEntry[] {
  const q = strip(query.trim());
  if (!q) return [...catalogue];
  return catalogue.filter((s) => strip(`${s.title} ${s.description}`).includes(q));
}

/** The error for an observed-on date, or null when it may be stored. */
export function observedOnError(value: string, today: string): string | null {
  const result = createIntakeSchemas(today).recordedSignalSchema.shape.observedOn.safeParse(value);
  return result.success ? null : (result.error.issues[0]?.message ?? 'Vul een geldige datum in.');
}

/**
 * What is stored: every signal, where an invalid date keeps the last stored one (or today),
 * so a half-typed date never drops a signal or its crisis flag.
 */
export function savableSignals(drafts: readonly SignalDraft[], stored: readonly RecordedSignal[], today: string): RecordedSignal[] {
  const { recordedSignalSchema } = createIntakeSchemas(today);
  return drafts.flatMap((d) => {
    const observedOn = observedOnError(d.observedOn, today) === null ? d.observedOn : (stored.find((s) => s.id === d.id)?.observedOn ?? today);
    const parsed = recordedSignalSchema.safeParse({ ...d, observedOn });
    return parsed.success ? [{ ...d, observedOn }] : [];
  });
}

export { CHILDREN_DOMAIN_ID };

/** Why a life domain's signals are folded away: no children in the household, or marked not applicable. */
export type HiddenReason = 'no-children' | 'not-applicable';

/** Per life domain, why its signals cannot apply to this household; domains that apply are absent. */
export function domainsThatDoNotApply(household: { children: number }, notApplicable: ReadonlySet<string>): Map<string, HiddenReason> {
  const out = new Map<string, HiddenReason>();
  for (const id of notApplicable) out.set(id, 'not-applicable');
  if (household.children === 0) out.set(CHILDREN_DOMAIN_ID, 'no-children');
  return out;
}

/**
 * Catalogue signals hidden because they cannot apply: the children's signals when the household has
 * no children, and the signals of a domain marked not applicable. A ticked signal is never hidden,
 * so nothing recorded disappears from view.
 */
export function hiddenSignalIds(
  catalogue: readonly SignalCatalogueEntry[],
  household: { children: number },
  ticked: ReadonlySet<string>,
  notApplicable: ReadonlySet<string> = new Set(),
): Set<string> {
  const out = domainsThatDoNotApply(household, notApplicable);
  return new Set(catalogue.filter((s) => out.has(s.domainId) && !ticked.has(s.id)).map((s) => s.id));
}
