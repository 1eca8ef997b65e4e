/** The office feature's public face: the shell of counsellors and team leads, and what it shows. */
export { OfficeHome } from './office-home';
export { OfficeShell } from './office-shell';
export { officeText } from './office-text';
