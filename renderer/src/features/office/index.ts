/** The office feature's public face: the shell of counsellors and team leads, and what it shows. */
export { OfficeHome } from './office-home';
export { OfficeShell } from './office-shell';
export { officeText } from './office-text';
/** Words for handover statuses and return reasons, and today's local date: shared with the team lead's reports. */
export { localIsoDate, returnReasonLabels, statusLabels } from './inbox-model';
