/**
 * The intake feature's public face: its pages (the app composes the routes), the per-household save
 * queues, and the frame, hooks and formats the other intake pages (signals, finances) share.
 */
export { DomainPage } from './domain-page';
export { IntakeOverviewPage } from './intake-overview-page';
export { IntakeResume } from './intake-resume';
export { HouseholdIntakePanel } from './household-intake-panel';
export { createIntakeQueues, IntakeQueuesContext, loadAfterSaves } from './intake-queues';
export { IntakeCrumbs, IntakeGate } from './intake-frame';
export { SaveStatus } from './save-status';
export { UrgencyBanner } from './urgency-banner';
export { useClock, useRouteIntake, useToday } from './use-intake';
export { formatDate, formatDayName } from './dates';
export { adviceFor } from './money-summary';
