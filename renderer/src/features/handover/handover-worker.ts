import type { User } from '../../../../shared/api/auth';
import type { HandoverWorker } from '../../../../shared/domain/dossier';
import type { Household } from '../../../../shared/domain/household.schema';
import { nlHandover } from '../../i18n/nl-handover';

/**
 * The worker the dossier and the resident's summary name as the person to call. The phone and e-mail are
 * the signed-in worker's own (from the hub), given only for households that worker opened: for anyone
 * else's household this device does not know them, and a wrong number is worse than none.
 */
export function handoverWorker(household: Pick<Household, 'workerId' | 'workerName'>, user: Pick<User, 'id' | 'phone' | 'email'>, municipality: string): HandoverWorker {
  const own = household.workerId === user.id;
  return {
    name: household.workerName,
    role: nlHandover.workerRole,
    organisation: nlHandover.organisation(municipality),
    phone: own ? (user.phone ?? '') : '',
    email: own ? (user.email ?? '') : '',
  };
}
