import { emptyIntake, type Intake } from '../../../shared/domain/intake.schema';
import type { IntakeRepository } from '../data/contracts';

/**
 * Just enough of an intake store for the save-queue tests: loads and domain saves in memory, and `failNext` makes
 * the next save reject. Urgency, history and the rest are the real repository's (the fake services use it).
 */
export function createFakeIntakes(now: () => number) {
  const intakes = new Map<string, Intake>();
  let failures = 0;
  const get = (id: string) => intakes.get(id) ?? emptyIntake(id, new Date(now()).toISOString());
  const repo: Pick<IntakeRepository, 'load' | 'saveDomain'> & { failNext(n?: number): void; peek(id: string): Intake | undefined } = {
    load: (id) => Promise.resolve(structuredClone(get(id))),
    saveDomain(id, domainId, entry) {
      if (failures > 0) {
        failures -= 1;
        return Promise.reject(new Error('Opslaan mislukt'));
      }
      const before = get(id);
      intakes.set(id, { ...before, domains: { ...before.domains, [domainId]: structuredClone(entry) }, updatedAt: new Date(now()).toISOString() });
      return Promise.resolve();
    },
    failNext(n = 1) {
      failures = n;
    },
    peek: (id) => intakes.get(id),
  };
  return repo;
}
