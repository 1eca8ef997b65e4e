import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// Build with `electron-vite build -c electron.config.ts`; paths are explicit because the tree is not src/-shaped.
const root = import.meta.dirname;
const rendererEntry = resolve(root, 'renderer/index.html');
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
  renderer: hasRenderer
    ? {
    root: resolve(root, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      rolldownOptions: {
        input: { index: rendererEntry },
      },
    },
  }
    : undefined,
});
