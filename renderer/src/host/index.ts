/** The two hosts. Each entry point picks its own: entry/web.tsx the preview host, entry/electron.tsx the preload's. */
export { createPreviewHost } from './preview-host';
export { electronHostFrom } from './electron-host';
