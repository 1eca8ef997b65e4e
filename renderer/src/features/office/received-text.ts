import type { HandoverDossierResponse } from '../../../../shared/api/handover';
import { dutchDateOf } from '../../../../shared/domain/urgency';
import { formatPlainDate } from '../../ui/dutch-date';

/**
 * The "Ontvangen" line of the handover's state: the day the first version arrived (the handover's own arrival) and,
 * for a later version, the day that version arrived, so nobody reads the first day as the day of the version shown.
 */
export function receivedText(read: Pick<HandoverDossierResponse, 'handover' | 'version' | 'receivedAt'>): string {
  const first = `Versie 1 op ${formatPlainDate(dutchDateOf(read.handover.receivedAt))}`;
  if (read.version === 1) return first;
  return `${first}; versie ${read.version} op ${formatPlainDate(dutchDateOf(read.receivedAt))}`;
}
