import { useEffect, useState } from 'react';
import type { HandoverRepository } from '../../data/repositories/handover-repository';
import type { SyncEngine } from '../../data/contracts';
import { useSession } from '../../ui/services-context';
import { useChanges } from '../../ui/use-changes';
import type { HandoverStatusView } from './handover-status';
import { handoverStatusOf, handoverStatusText } from './handover-status';

/** What the household list shows of a handover: the status line, and whether it changed since the worker last opened the household. */
export interface HandoverOverview {
  text: string;
  changed: boolean;
}

/** The key the household page stores as "seen": the whole status, so a new date or reason counts as a change too. */
export const statusKey = (view: HandoverStatusView): string => JSON.stringify(view);

/** The household's handover for the list; null when there is none to speak of. Writes nothing. */
export async function handoverOverviewOf(handovers: HandoverRepository, sync: Pick<SyncEngine, 'statuses'>, householdId: string): Promise<HandoverOverview | null> {
  const [record, changes] = await Promise.all([handovers.peek(householdId), sync.statuses(householdId)]);
  const view = handoverStatusOf(changes, record, record ? await handovers.delivery(record) : null);
  if (view.kind === 'none') return null;
  return { text: handoverStatusText(view), changed: record?.seen !== statusKey(view) };
}

/** Handover overviews of the given households, read again after every sync run and handover change. */
export function useHandoverOverviews(householdIds: readonly string[]): ReadonlyMap<string, HandoverOverview> {
  const { sync, handovers } = useSession();
  const syncVersion = useChanges(sync);
  const handoverVersion = useChanges(handovers);
  const [map, setMap] = useState<ReadonlyMap<string, HandoverOverview>>(new Map());
  const ids = householdIds.join(',');
  useEffect(() => {
    let live = true;
    const list = ids === '' ? [] : ids.split(',');
    void Promise.all(list.map(async (id) => [id, await handoverOverviewOf(handovers, sync, id).catch(() => null)] as const)).then((pairs) => {
      if (!live) return;
      const next = new Map<string, HandoverOverview>();
      for (const [id, o] of pairs) if (o) next.set(id, o);
      setMap(next);
    });
    return () => {
      live = false;
    };
  }, [ids, handovers, sync, syncVersion, handoverVersion]);
  return map;
}

/** How many handovers still sit on this device unsent, for the header; read again after sync runs and handover changes. */
export function useUnsentHandovers(): number {
  const { sync, handovers, households } = useSession();
  const syncVersion = useChanges(sync);
  const handoverVersion = useChanges(handovers);
  const householdVersion = useChanges(households);
  const [count, setCount] = useState(0);
  useEffect(() => {
    let live = true;
    void handovers.countUnsent(households.list().map((h) => h.id)).then((n) => live && setCount(n));
    return () => {
      live = false;
    };
  }, [handovers, households, syncVersion, handoverVersion, householdVersion]);
  return count;
}
