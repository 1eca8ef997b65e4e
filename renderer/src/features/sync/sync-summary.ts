import type { SyncStatusView } from '../../data/contracts';
import { nl } from '../../i18n/nl';

export type SyncTone = 'ok' | 'waiting' | 'offline' | 'stuck';

/** The one-line sync status in the header; an expired sign-in blocks everything, then stuck items matter most. */
/** `unsentHandovers`: handovers started on this device but not sent; "Alles is verstuurd" never hides them. */
export function syncSummary(status: SyncStatusView, unsentHandovers = 0): { text: string; tone: SyncTone } {
  if (status.needsSignIn) return { text: nl.syncStatus.needsSignIn, tone: 'stuck' };
  if (status.stuck > 0) return { text: nl.syncStatus.stuck(status.stuck), tone: 'stuck' };
  if (status.pending > 0 && !status.online) return { text: nl.syncStatus.offline, tone: 'offline' };
  if (status.pending > 0) return { text: nl.syncStatus.waiting(status.pending), tone: 'waiting' };
  if (unsentHandovers > 0) return { text: nl.syncStatus.unsentHandovers(unsentHandovers), tone: 'waiting' };
  return { text: nl.syncStatus.allSent, tone: 'ok' };
}
