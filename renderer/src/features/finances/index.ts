/** The finances feature's public face: its intake page and the regelingen panel the intake overview shows. */
export { FinancesPage } from './finances-page';
export { RegelingenPanel } from './regelingen-panel';
