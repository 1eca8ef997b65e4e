/** The signals feature's public face: its intake page and the id of the domain it hides for households without children. */
export { SignalsPage } from './signals-page';
export { CHILDREN_DOMAIN_ID } from './signals-model';
