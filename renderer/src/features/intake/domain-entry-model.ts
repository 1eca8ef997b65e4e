import { actionSchema, type Action, type DomainEntry } from '../../../../shared/domain/intake.schema';

/** An action row as typed; it may be incomplete, unlike a stored Action. */
export type ActionDraft = Action;

/** What is stored of an entry: everything as typed, with only complete, valid actions. */
export function savableEntry(entry: DomainEntry): DomainEntry {
  return { ...entry, actions: entry.actions.filter((a) => actionSchema.safeParse(a).success) };
}

export const isCompleteAction = (a: ActionDraft): boolean => actionSchema.safeParse(a).success;

export function newAction(id: string): ActionDraft {
  return { id, who: '', what: '', due: '' };
}
