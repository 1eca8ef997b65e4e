/** The data layer's public surface for the app shell, scripts and tests. */
export { createDeviceAccount, validatePin, lockoutDelay } from './account';
export { openHouseholdRepository, normalizeForSearch, byTextDescending } from './repositories/household-repository';
export type { DeviceHouseholdRepository } from './repositories/household-repository';
export { KeukentafelDb } from './db';
export type * from './contracts';
