import { demoHouseholds } from '../../../../resources/index';
import type { DeviceHouseholdRepository } from '../repositories/household-repository';
import type { DeviceIntakeRepository } from '../repositories/intake-repository';

/**
 * Demo mode: the made-up households from resources/demo with their filled intakes, under their fixed
 * ids, each with a new-case outbox item like a household the worker created. Only called at the first
 * enrolment on a device whose hub said `demo: true`.
 */

export interface DemoSeedTarget {
  households: Pick<DeviceHouseholdRepository, 'importMany' | 'list'>;
  intakes: Pick<DeviceIntakeRepository, 'importIntakes'>;
}

/** `today` (YYYY-MM-DD, from the session's clock): the demo's dates are moved so its newest is today. */
export async function seedDemo({ households, intakes }: DemoSeedTarget, today: string): Promise<number> {
  const demo = await demoHouseholds(today, { recent: true });
  const present = new Set(households.list().map((h) => h.id));
  const missing = demo.filter((d) => !present.has(d.id));
  if (missing.length === 0) return 0;
  await households.importMany(missing.map((d) => ({ ...d.household, id: d.id })), { outbox: true });
  await intakes.importIntakes(missing.map((d) => d.intake));
  return missing.length;
}
