/** The households feature's public face: its three pages. */
export { HouseholdFormPage } from './household-form-page';
export { HouseholdListPage } from './household-list-page';
export { HouseholdPage } from './household-page';
