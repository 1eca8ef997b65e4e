import { holidays, settings, signalCatalogue } from '../../../resources/index';
import type { User } from '../../../shared/api/auth';
import { emptyIntake, type Intake } from '../../../shared/domain/intake.schema';
import { assessUrgency, urgentTerm } from '../../../shared/domain/urgency';
import type { HistoryChange, HistoryEntry, HouseholdUrgency, IntakeRepository } from '../data/contracts';
import { createEmitter } from '../data/ports';

/** An in-memory IntakeRepository; `failNext` makes the next save reject, to test the error state. */
export function createFakeIntakes(user: User, now: () => number) {
  const intakes = new Map<string, Intake>();
  const cursors = new Map<string, string>();
  const history = new Map<string, HistoryEntry[]>();
  const urgent = new Map<string, HouseholdUrgency>();
  const urgencyChanges = createEmitter();
  let urgencyView: ReadonlyMap<string, HouseholdUrgency> | null = null;
  let lastView: ReadonlyMap<string, number> | null = null;
  let failures = 0;
  const stamp = () => new Date(now()).toISOString();
  const get = (id: string) => intakes.get(id) ?? emptyIntake(id, stamp());
  const write = (id: string, change: (i: Intake) => Intake, what: HistoryChange): Promise<void> => {
    if (failures > 0) {
      failures -= 1;
      return Promise.reject(new Error('Opslaan mislukt'));
    }
    const next = { ...change(structuredClone(get(id))), updatedAt: stamp() };
    intakes.set(id, next);
    // Like the device repository: urgency follows every write at once.
    const crisisTypes = assessUrgency(next, settings, signalCatalogue).crisisTypes.map((c) => c.id);
    if (crisisTypes.length > 0) urgent.set(id, { crisisTypes, deadline: urgentTerm(next, settings, signalCatalogue, holidays)?.deadline ?? null });
    else urgent.delete(id);
    urgencyView = null;
    lastView = null;
    urgencyChanges.emit();
    history.set(id, [{ at: stamp(), by: user.displayName, ...what }, ...(history.get(id) ?? [])]);
    return Promise.resolve();
  };
  const repo: IntakeRepository & { failNext(n?: number): void; peek(id: string): Intake | undefined } = {
    load: (id) => Promise.resolve(structuredClone(get(id))),
    saveDomain: (id, domainId, entry) => write(id, (i) => ({ ...i, domains: { ...i.domains, [domainId]: structuredClone(entry) } }), { section: `domain:${domainId}`, fields: [] }),
    saveSignals: (id, signals) => write(id, (i) => ({ ...i, signals: structuredClone(signals) }), { section: 'signals', fields: [] }),
    saveFinances: (id, finances) => write(id, (i) => ({ ...i, finances: structuredClone(finances) }), { section: 'finances', fields: [] }),
    saveCursor(id, route) {
      cursors.set(id, route);
      return Promise.resolve();
    },
    cursor: (id) => Promise.resolve(cursors.get(id) ?? null),
    history: (id) => Promise.resolve(history.get(id) ?? []),
    urgency: () => (urgencyView ??= new Map(urgent)),
    subscribeUrgency: (listener) => urgencyChanges.subscribe(listener),
    lastChanges: () => (lastView ??= new Map([...intakes].map(([id, i]) => [id, Date.parse(i.updatedAt)]))),
    subscribeLastChanges: (listener) => urgencyChanges.subscribe(listener),
    failNext(n = 1) {
      failures = n;
    },
    peek: (id) => intakes.get(id),
  };
  return repo;
}
