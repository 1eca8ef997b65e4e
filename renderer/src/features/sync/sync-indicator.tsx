import { Link } from 'react-router';
import { useChanges } from '../../ui/use-changes';
import type { SyncEngine } from '../../data/contracts';
import { syncSummary } from './sync-summary';
import { useUnsentHandovers } from '../handover';

/** Header indicator: the sync status in words, linking to the sync page. */
export function SyncIndicator({ sync }: { sync: SyncEngine }) {
  useChanges(sync);
  const summary = syncSummary(sync.status(), useUnsentHandovers());
  return (
    <Link to="/verzenden" className={`sync-indicator sync-indicator--${summary.tone}`}>
      <span className="sync-indicator__dot" aria-hidden="true" />
      {summary.text}
    </Link>
  );
}
