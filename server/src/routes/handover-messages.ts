import type { ApiError } from '../../../shared/api/auth';
import type { HubErrorCode } from '../../../shared/api/errors';
import type { DossierVersionError } from '../../../shared/api/handover';
import { apiError, messages } from '../plugins/errors';
import type { Refusal } from '../services/dossier-push';

/** The Dutch message of each code the handover routes answer, for people reading raw answers. */
export const handoverMessages: Partial<Record<HubErrorCode, string>> = {
  bad_request: messages.badRequest,
  forbidden: messages.forbidden,
  idempotency_key_reused: messages.keyReused,
  dossier_too_large: 'Het dossier is te groot. De gemeente neemt hoogstens 256 KB per dossier aan.',
  consent_missing: 'Er staat geen toestemming bij het dossier. Er is niets opgeslagen.',
  consent_not_valid: 'De toestemming geldt vandaag niet. Er is niets opgeslagen.',
  consent_withdrawn: 'De inwoner heeft de toestemming ingetrokken. Er is niets opgeslagen.',
  unknown_recipient: 'De gemeente kent deze ontvanger niet.',
  recipient_not_consented: 'De inwoner gaf geen toestemming om dit dossier naar deze ontvanger te sturen.',
  case_not_found: 'De gemeente kent deze casus nog niet. Stuur eerst de casus.',
  case_of_other_team: 'Deze casus hoort bij een ander team. Er is niets opgeslagen.',
  dossier_mismatch: 'Dit dossier hoort bij een andere casus of ontvanger.',
  dossier_version_conflict: 'Deze versie van het dossier is al ontvangen. Een wijziging is een nieuwe versie.',
  dossier_version_gap: 'Een eerdere versie van het dossier is nog niet ontvangen. Stuur de versies op volgorde.',
  handover_not_found: 'Deze overdracht bestaat niet, of is niet voor uw team.',
  dossier_withdrawn: 'De inwoner heeft de toestemming ingetrokken. Het dossier is verwijderd.',
  consent_expired: 'De toestemming van de inwoner is verlopen. U kunt het dossier niet meer inzien.',
  decision_before_first_conversation: 'Het besluit kan niet eerder zijn dan het eerste gesprek. Er is niets opgeslagen.',
  decision_in_future: 'Het besluit kan niet in de toekomst liggen. Leg het vast als het genomen is. Er is niets opgeslagen.',
  first_conversation_before_handover: 'Het eerste gesprek kan niet eerder zijn dan de dag waarop de overdracht binnenkwam. Er is niets opgeslagen.',
  first_conversation_too_far_ahead: 'Het eerste gesprek kan niet later zijn dan een jaar na de dag waarop de overdracht binnenkwam. Kijk het jaar na. Er is niets opgeslagen.',
  handover_status_conflict: 'Deze overdracht is net veranderd, misschien door een collega. Laad hem opnieuw.',
};

export const handoverError = (code: HubErrorCode, issues?: ApiError['issues']): ApiError =>
  apiError(code, handoverMessages[code] ?? messages.badRequest, issues);

export const refusalBody = (r: Refusal): DossierVersionError => ({
  ...handoverError(r.code, r.issues),
  ...(r.latestVersion !== undefined ? { latestVersion: r.latestVersion } : {}),
});
