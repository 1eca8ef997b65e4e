import type { AppError } from '../../../../shared/result';
import { isAppError } from '../../../../shared/result';

/**
 * Before version 5 an outbox row kept its last error as the Dutch sentence shown to the worker.
 * These are the sentences the app itself wrote then (frozen here: never edit them), with their codes.
 * Any other sentence came from the hub's `message` on a refusal; it is kept as that message.
 */
const legacySentences: Readonly<Record<string, AppError>> = {
  'Geen verbinding met de gemeente. Controleer het internet en probeer het opnieuw.': { code: 'net.offline' },
  'Meld u opnieuw aan om te versturen.': { code: 'hub.unauthorized' },
  'De gemeente gaf een onverwacht antwoord. Probeer het later opnieuw.': { code: 'hub.bad_answer' },
  'De gemeente is even te druk. We proberen het straks opnieuw.': { code: 'hub.rate_limited' },
  'Er ging iets mis bij de gemeente. We proberen het straks opnieuw.': { code: 'hub.internal' },
  'Dit bericht kan niet worden gelezen. Neem contact op met de beheerder.': { code: 'record.unreadable' },
};

/** A refusal whose hub code was not kept before version 5. */
export const LEGACY_REFUSAL = 'hub.refused';

/** The stored last error as a code: an old sentence becomes its code, a code stays, anything else becomes null. */
export function legacyLastError(stored: unknown): AppError | null {
  if (stored === null || stored === undefined) return null;
  if (isAppError(stored)) return stored;
  if (typeof stored !== 'string') return null;
  if (Object.hasOwn(legacySentences, stored)) return legacySentences[stored] ?? null;
  return { code: LEGACY_REFUSAL, params: { message: stored.slice(0, 500) } };
}
