import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Change } from '../../../../shared/api/changes';
import { useSession } from '../../ui/services-context';
import type { HandoverDelivery, HandoverRecord } from '../../data/repositories/handover-repository';
import type { HandoverStatusView } from './handover-status';
import { handoverStatusOf } from './handover-status';

export interface HandoverStatusState {
  view: HandoverStatusView;
  record: HandoverRecord;
}

/** The household's handover status, read again after every sync change and whenever `version` changes. */
export function useHandoverStatus(householdId: string, version: number): HandoverStatusState | null {
  const { sync, handovers } = useSession();
  // Every run of the engine (a push confirmed, the feed pulled) may change the status.
  const syncVersion = useSyncExternalStore((listener) => sync.subscribe(listener), () => {
    const s = sync.status();
    return `${s.lastSyncAt ?? 0}|${s.pending}|${s.stuck}|${s.running ? 1 : 0}`;
  });
  const [state, setState] = useState<HandoverStatusState | null>(null);
  useEffect(() => {
    let live = true;
    void Promise.all([handovers.load(householdId), sync.statuses(householdId)]).then(async ([record, changes]: [HandoverRecord, Change[]]) => {
      const delivery: HandoverDelivery = await handovers.delivery(record);
      if (live) setState({ view: handoverStatusOf(changes, record, delivery), record });
    });
    return () => {
      live = false;
    };
  }, [householdId, handovers, sync, syncVersion, version]);
  return state;
}
