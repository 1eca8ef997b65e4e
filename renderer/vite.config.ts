import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { checkHubUrl } from '../shared/hub-url';

const hubUrl = process.env.KEUKENTAFEL_HUB_URL ?? 'http://127.0.0.1:4319';
// The preview proxies /api to the hub: the same rule as the app, plain http only to this computer.
const checkedHub = checkHubUrl(hubUrl);
if (!checkedHub.ok) {
  throw new Error(`KEUKENTAFEL_HUB_URL ${hubUrl} refused (${checkedHub.problem}): use https, or http only to 127.0.0.1, ::1 or localhost.`);
}
const hub = checkedHub.origin;

/**
 * The same deny-by-default policy Electron sets, so the browser preview catches violations too
 * ('wasm-unsafe-eval': WebAssembly for the PIN's Argon2id, not eval).
 */
const csp = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

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
