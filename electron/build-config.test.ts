import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../electron.config';

const root = resolve(import.meta.dirname, '..');

describe('electron-vite build config', () => {
  it('builds the preload as one CommonJS file, which a sandboxed window can load', () => {
    const build = config.preload?.build;
    expect(build?.outDir).toBe(resolve(root, 'out/preload'));
    expect(build?.externalizeDeps).toBe(false);
    expect(build?.rolldownOptions?.input).toEqual({ index: resolve(root, 'electron/preload/index.ts') });
    expect(build?.rolldownOptions?.output).toMatchObject({ format: 'cjs', entryFileNames: '[name].cjs' });
  });

  it('builds the main process as ESM to out/main/index.js, the package entry', () => {
    const build = config.main?.build;
    expect(build?.rolldownOptions?.input).toEqual({ index: resolve(root, 'electron/main/index.ts') });
    expect(build?.rolldownOptions?.output).toMatchObject({ format: 'es', entryFileNames: '[name].js' });
    expect(build?.outDir).toBe(resolve(root, 'out/main'));
  });

  it('gives Electron and the web each their own entry point, so Electron never starts on the browser host', () => {
    const electronPage = resolve(root, 'renderer/electron/index.html');
    expect(config.renderer?.root).toBe(resolve(root, 'renderer/electron'));
    expect(config.renderer?.build?.rolldownOptions?.input).toEqual({ index: electronPage });
    expect(config.renderer?.build?.outDir).toBe(resolve(root, 'out/renderer'));
    expect(readFileSync(electronPage, 'utf8')).toContain('src="../src/entry/electron.tsx"');
    const webPage = resolve(root, 'renderer/index.html');
    expect(readFileSync(webPage, 'utf8')).toContain('src="/src/entry/web.tsx"');
  });
});
