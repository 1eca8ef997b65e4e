import { MAX_ACTIONS, type Action } from '../../../../shared/domain/intake.schema';

export { isCompleteAction } from '../../../../shared/domain/intake.schema';

/** An action row as typed; it may be incomplete and is stored exactly so (nothing typed is dropped). */
export type ActionDraft = Action;

export function newAction(id: string): ActionDraft {
  return { id, who: '', what: '', due: '' };
}

/** Whether another action row may be added; the stored entry holds at most MAX_ACTIONS. */
export const canAddAction = (actions: readonly ActionDraft[]): boolean => actions.length < MAX_ACTIONS;

/** The actions without the one at `index`. */
export const removeAt = (actions: readonly ActionDraft[], index: number): ActionDraft[] => actions.filter((_, j) => j !== index);

/** Puts a removed action back where it was (or at the end when the list got shorter meanwhile). */
export function restoreAt(actions: readonly ActionDraft[], index: number, action: ActionDraft): ActionDraft[] {
  if (actions.some((a) => a.id === action.id)) return [...actions];
  const at = Math.min(Math.max(index, 0), actions.length);
  return [...actions.slice(0, at), action, ...actions.slice(at)];
}
