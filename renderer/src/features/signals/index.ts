/** The signals feature's public face: its intake page. */
export { SignalsPage } from './signals-page';
