/** The handover feature's public face: the resident summary (panel and its text model). */
export { ResidentSummaryPanel } from './resident-summary-panel';
export { residentSummary } from './resident-summary';
