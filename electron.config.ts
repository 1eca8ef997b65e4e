import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { RendererViteConfig } from 'electron-vite';

// Build with `electron-vite build -c electron.config.ts`; paths are explicit because the tree is not src/-shaped.
const root = import.meta.dirname;
// The Electron page has its own entry (renderer/src/entry/electron.tsx): it uses only the preload's host.
// Its folder is the Vite root, so the page is built as out/renderer/index.html, which app:// serves.
const rendererEntry = resolve(root, 'renderer/electron/index.html');

const renderer: RendererViteConfig = {
  root: resolve(root, 'renderer/electron'),
  // electron-vite forces base './'; deep links like app://keukentafel/huishoudens/1 need absolute asset URLs.
  plugins: [react(), { name: 'keukentafel-absolute-base', config: () => ({ base: '/' }) }],
  build: {
    outDir: resolve(root, 'out/renderer'),
    minify: true,
    // Inlined assets become data: URLs, which the CSP refuses for fonts, scripts and styles.
    assetsInlineLimit: 0,
    rolldownOptions: { input: { index: rendererEntry } },
  },
};

// Until the renderer has its entry page, build main + preload only instead of failing.
const hasRenderer = existsSync(rendererEntry);
if (!hasRenderer) console.warn(`electron-vite: ${rendererEntry} ontbreekt; alleen main en preload worden gebouwd.`);

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      rolldownOptions: {
        input: { index: resolve(root, 'electron/main/index.ts') },
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      // One self-contained CommonJS file: a sandboxed preload can require only 'electron'.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  ...(hasRenderer ? { renderer } : {}),
});
