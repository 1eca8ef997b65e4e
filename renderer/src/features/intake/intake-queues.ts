import { createContext } from 'react';
import type { Intake } from '../../../../shared/domain/intake.schema';
import type { IntakeRepository } from '../../data/contracts';
import { createSaveQueue, type SaveQueue } from './save-queue';

/**
 * One save queue per household, shared by every intake page, so a save queued on the page the
 * worker just left lands before the next page reads the intake.
 */
export interface HouseholdIntake {
  queue: SaveQueue;
  /** What the screens last showed, including edits whose save failed; null before the first load. */
  latest: Intake | null;
}

export type IntakeQueues = (householdId: string) => HouseholdIntake;

export function createIntakeQueues(): IntakeQueues {
  const byHousehold = new Map<string, HouseholdIntake>();
  return (householdId) => {
    let found = byHousehold.get(householdId);
    if (!found) {
      found = { queue: createSaveQueue(), latest: null };
      byHousehold.set(householdId, found);
    }
    return found;
  };
}

/** Provided by the intake routes' layout; null outside it (a page then gets its own queue). */
export const IntakeQueuesContext = createContext<IntakeQueues | null>(null);

/**
 * The intake as a newly opened page must show it: read only after every queued save has run; when
 * a save failed, the screen's last state (it still holds the words that are not stored yet).
 */
export async function loadAfterSaves(shared: HouseholdIntake, intakes: Pick<IntakeRepository, 'load'>, householdId: string): Promise<Intake> {
  await shared.queue.whenIdle();
  if (shared.queue.state().kind === 'failed' && shared.latest) return shared.latest;
  const intake = await intakes.load(householdId);
  shared.latest = intake;
  return intake;
}
