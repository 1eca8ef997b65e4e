import type { HandoverStatus, ReturnReason } from '../../../shared/api/changes';

/** Words for the hub's handover statuses and return reasons, as the office shows them: in the inbox, the dossier and the team lead's reports. */
export const statusLabels: Record<HandoverStatus, string> = {
  received: 'Nieuw',
  accepted: 'Geaccepteerd',
  returned: 'Teruggestuurd',
  'first-conversation-planned': 'Eerste gesprek gepland',
  decided: 'Besluit genomen',
  closed: 'Afgesloten',
  withdrawn: 'Toestemming ingetrokken',
};

export const returnReasonLabels: Record<ReturnReason, string> = {
  'not-debt-help': 'Geen vraag voor schuldhulp',
  incomplete: 'Er ontbreken gegevens',
  'other-municipality': 'De inwoner woont in een andere gemeente',
  'resident-declined': 'De inwoner wil geen schuldhulp',
  other: 'Een andere reden',
};
