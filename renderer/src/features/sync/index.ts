/** The sync feature's public face: the page that lists what is sent and the indicator in the app bar. */
export { SyncIndicator } from './sync-indicator';
export { SyncPage } from './sync-page';
