import { MAX_ACTIONS, type Action } from '../../../../shared/domain/intake.schema';

export { isCompleteAction } from '../../../../shared/domain/intake.schema';

/** An action row as typed; it may be incomplete and is stored exactly so (nothing typed is dropped). */
export type ActionDraft = Action;

export function newAction(id: string): ActionDraft {
  return { id, who: '', what: '', due: '' };
}

/** Whether another action row may be added; the stored entry holds at most MAX_ACTIONS. */
export const canAddAction = (actions: readonly ActionDraft[]): boolean => actions.length < MAX_ACTIONS;
