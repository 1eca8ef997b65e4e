/** The reports feature's public face: the team lead's dashboard (loaded lazily by the office shell). */
export { ReportsPage } from './reports-page';
