/** The handover feature's public face: the handover page, its status panel, and the resident summary (panel and its text model). */
export { ResidentSummaryPanel } from './resident-summary-panel';
export { residentSummary } from './resident-summary';
export { HandoverPage } from './handover-page';
export { HandoverStatusPanel } from './handover-status-panel';
/** The dossier as sent, part by part: the worker's preview and the counsellor's dossier view. */
export { DossierPreviewView } from './dossier-preview-view';
/** The handover in the household list (status and "new" badge) and the count of unsent handovers for the header. */
export { useHandoverOverviews, useUnsentHandovers } from './handover-overview';
export type { HandoverOverview } from './handover-overview';
/** The dossier's parts as label and value lines: the screen and the counsellor's PDF export share them. */
export { dossierPreview } from './dossier-preview';
export type { PreviewSection } from './dossier-preview';
