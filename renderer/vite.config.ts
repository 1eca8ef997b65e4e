import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const hub = process.env.KEUKENTAFEL_HUB_URL ?? 'http://127.0.0.1:4319';

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
