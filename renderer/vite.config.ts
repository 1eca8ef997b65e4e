import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { contentSecurityPolicy } from '../shared/csp';
import { checkHubUrl } from '../shared/hub-url';

const hubUrl = process.env.KEUKENTAFEL_HUB_URL ?? 'http://127.0.0.1:4319';
// The preview proxies /api to the hub: the same rule as the app, plain http only to this computer.
const checkedHub = checkHubUrl(hubUrl);
if (!checkedHub.ok) {
  throw new Error(`KEUKENTAFEL_HUB_URL ${hubUrl} refused (${checkedHub.problem}): use https, or http only to 127.0.0.1, ::1 or localhost.`);
}
const hub = checkedHub.origin;

/** The same policy as Electron and the hub, so the browser preview catches violations too; /api is proxied to the hub. */
const csp = contentSecurityPolicy("'self'");

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  build: {
    // The web page (index.html → src/entry/web.tsx) runs on the preview host; Electron builds renderer/electron.
    rolldownOptions: { input: { index: `${import.meta.dirname}/index.html` } },
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // Inlined assets would be data: URLs that the CSP does not allow for scripts or styles.
    assetsInlineLimit: 0,
  },
  preview: {
    port: 4320,
    strictPort: true,
    headers: {
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    },
    proxy: {
      '/api': { target: hub, changeOrigin: true },
      '/health': { target: hub, changeOrigin: true },
    },
  },
});
