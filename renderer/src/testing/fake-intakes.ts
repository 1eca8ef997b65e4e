import type { User } from '../../../shared/api/auth';
import { emptyIntake, type Intake } from '../../../shared/domain/intake.schema';
import type { HistoryEntry, IntakeRepository } from '../data/contracts';

/** Intake store in memory: each save replaces one part and stamps the time. */
export function createFakeIntakes(user: User, now: () => number): IntakeRepository {
  const intakes = new Map<string, Intake>();
  const cursors = new Map<string, string>();
  const history = new Map<string, HistoryEntry[]>();
  const change = (householdId: string, what: string, patch: (i: Intake) => Partial<Intake>) => {
    const at = new Date(now()).toISOString();
    const current = intakes.get(householdId) ?? emptyIntake(householdId, at);
    intakes.set(householdId, { ...current, ...patch(current), updatedAt: at });
    history.set(householdId, [{ at, by: user.displayName, what }, ...(history.get(householdId) ?? [])]);
    return Promise.resolve();
  };
  return {
    load: (householdId) => Promise.resolve(intakes.get(householdId) ?? emptyIntake(householdId, new Date(now()).toISOString())),
    saveDomain: (householdId, domainId, entry) => change(householdId, `Leefgebied ${domainId}`, (i) => ({ domains: { ...i.domains, [domainId]: entry } })),
    saveSignals: (householdId, signals) => change(householdId, 'Signalen', () => ({ signals })),
    saveFinances: (householdId, finances) => change(householdId, 'Geldzaken', () => ({ finances })),
    saveCursor(householdId, route) {
      cursors.set(householdId, route);
      return Promise.resolve();
    },
    cursor: (householdId) => Promise.resolve(cursors.get(householdId) ?? null),
    history: (householdId) => Promise.resolve(history.get(householdId) ?? []),
  };
}
