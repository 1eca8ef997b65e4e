import { defineConfig } from 'vite';

/** The browser half of `npm run bench`: the real data layer in Chromium, served next to the app. */
export default defineConfig({
  root: import.meta.dirname,
  base: '/bench/',
  logLevel: 'warn',
  build: { outDir: '../dist/bench', emptyOutDir: true, assetsInlineLimit: 0 },
});
