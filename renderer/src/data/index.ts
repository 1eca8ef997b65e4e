/** The data layer's public surface for the app shell, scripts and tests. */
export { createServices } from './create-services';
export type { ServiceOverrides } from './create-services';
export { createDeviceAccount, validatePin, lockoutDelay } from './account';
export { sessionOpener } from './session';
export type { DeviceSession } from './session';
export { openHouseholdRepository, normalizeForSearch } from './repositories/household-repository';
export type { DeviceHouseholdRepository } from './repositories/household-repository';
export { KeukentafelDb } from './db';
export type * from './contracts';
