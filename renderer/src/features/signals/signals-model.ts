import { createIntakeSchemas, type RecordedSignal, type SignalCatalogueEntry } from '../../../../shared/domain/intake.schema';

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

/** Life domains whose signals cannot apply to a household without children. */
export const CHILDREN_DOMAIN_ID = 'kinderen-en-opvoeding';

/**
 * Catalogue signals hidden because they cannot apply: the children's signals when the household has
 * no children. A ticked signal is never hidden, so nothing recorded disappears from view.
 */
export function hiddenSignalIds(
  catalogue: readonly SignalCatalogueEntry[],
  household: { children: number },
  ticked: ReadonlySet<string>,
): Set<string> {
  if (household.children > 0) return new Set();
  return new Set(catalogue.filter((s) => s.domainId === CHILDREN_DOMAIN_ID && !ticked.has(s.id)).map((s) => s.id));
}
