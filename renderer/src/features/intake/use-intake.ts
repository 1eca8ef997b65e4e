import { createContext, use, useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { Household } from '../../../../shared/domain/household.schema';
import type { DomainEntry, Finances, Intake, RecordedSignal } from '../../../../shared/domain/intake.schema';
import { isoDateOf } from '../../../../shared/domain/intake.schema';
import { useLocation, useParams } from 'react-router';
import { useSession } from '../../ui/services-context';
import { IntakeQueuesContext, loadAfterSaves, type HouseholdIntake } from './intake-queues';
import { createSaveQueue, type SaveQueue, type SaveState } from './save-queue';

/** The clock the intake screens read "today" from; tests provide a fixed one. */
export const ClockContext = createContext<() => number>(() => Date.now());

export function useClock(): () => number {
  return use(ClockContext);
}

/** Today as `YYYY-MM-DD` in the worker's time zone. */
export function useToday(): string {
  return isoDateOf(new Date(useClock()()));
}

export type IntakeData =
  | { kind: 'loading' }
  | { kind: 'missing' }
  | { kind: 'failed' }
  | { kind: 'ready'; household: Household; intake: Intake };

export interface IntakeEditor {
  data: IntakeData;
  saveState: SaveState;
  saveDomain: (domainId: string, entry: DomainEntry) => void;
  saveSignals: (signals: RecordedSignal[]) => void;
  saveFinances: (finances: Finances) => void;
}

export function useSaveState(queue: SaveQueue): SaveState {
  return useSyncExternalStore(queue.subscribe, queue.state);
}

/**
 * Loads a household and its intake, records `route` as where the visit is, and autosaves every change.
 * The screen's state is the source of truth; saves run in order behind it.
 */
export function useIntake(householdId: string, route: string): IntakeEditor {
  const { households, intakes } = useSession();
  const clock = useClock();
  const queues = use(IntakeQueuesContext);
  // Outside the intake layout (tests, a lone page) the page keeps its own queue.
  const [own] = useState((): HouseholdIntake => ({ queue: createSaveQueue(), latest: null }));
  const shared = queues ? queues(householdId) : own;
  const { queue } = shared;
  const saveState = useSaveState(queue);
  const [data, setData] = useState<IntakeData>({ kind: 'loading' });
  const latest = useRef<Intake | null>(null);

  useEffect(() => {
    let live = true;
    Promise.all([households.get(householdId), loadAfterSaves(shared, intakes, householdId)]).then(
      ([household, intake]) => {
        if (!live) return;
        latest.current = intake;
        setData(household ? { kind: 'ready', household, intake } : { kind: 'missing' });
      },
      () => live && setData({ kind: 'failed' }),
    );
    return () => {
      live = false;
    };
  }, [householdId, households, intakes, shared]);

  useEffect(() => {
    void intakes.saveCursor(householdId, route).catch(() => undefined);
  }, [householdId, route, intakes]);

  const apply = useCallback(
    (change: (i: Intake) => Intake) => {
      const current = latest.current;
      if (!current) return;
      const next = { ...change(current), updatedAt: new Date(clock()).toISOString() };
      latest.current = next;
      shared.latest = next;
      setData((d) => (d.kind === 'ready' ? { ...d, intake: next } : d));
    },
    [clock, shared],
  );

  return {
    data,
    saveState,
    saveDomain(domainId, entry) {
      const stamped = { ...entry, updatedAt: new Date(clock()).toISOString() };
      apply((i) => ({ ...i, domains: { ...i.domains, [domainId]: stamped } }));
      void queue.save(`domain:${domainId}`, () => intakes.saveDomain(householdId, domainId, stamped));
    },
    saveSignals(signals) {
      apply((i) => ({ ...i, signals }));
      void queue.save('signals', () => intakes.saveSignals(householdId, signals));
    },
    saveFinances(finances) {
      apply((i) => ({ ...i, finances }));
      void queue.save('finances', () => intakes.saveFinances(householdId, finances));
    },
  };
}

/** The intake of the household in the current route (`:id`), saving this route as the visit's cursor. */
export function useRouteIntake(): IntakeEditor {
  const { id = '' } = useParams();
  const { pathname } = useLocation();
  return useIntake(id, pathname);
}
