import type { SyncState } from '../../../../shared/domain/household.schema';
import { nl } from '../../i18n/nl';

/** Where a household's data is, in words (colour only supports the text). */
export function SyncBadge({ state }: { state: SyncState }) {
  return <span className={`badge badge--${state}`}>{nl.syncState[state]}</span>;
}
