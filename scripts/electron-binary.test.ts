import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findElectronBinary, planStart, summarizeInstallOutput } from './electron-binary.mjs';

const dir = '/repo/node_modules/electron';

function io(files: Record<string, string>, env: Record<string, string | undefined> = {}) {
  return {
    electronDir: dir,
    env,
    exists: (p: string) => p in files,
    readText: (p: string) => files[p] ?? null,
  };
}

describe('finding the Electron binary', () => {
  it('is missing when the installer never wrote path.txt (this machine)', () => {
    expect(findElectronBinary(io({}))).toBeNull();
  });

  it('is missing when path.txt exists but dist/ does not', () => {
    expect(findElectronBinary(io({ [join(dir, 'path.txt')]: 'electron' }))).toBeNull();
  });

  it('is found in dist/ under the name from path.txt', () => {
    const binary = join(dir, 'dist', 'electron');
    expect(findElectronBinary(io({ [join(dir, 'path.txt')]: 'electron\n', [binary]: '' }))).toBe(binary);
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    const files = { [join(dir, 'path.txt')]: 'electron', '/opt/electron/electron': '' };
    expect(findElectronBinary(io(files, { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' }))).toBe('/opt/electron/electron');
  });
});

describe('planning npm start', () => {
  const hubUrl = 'http://127.0.0.1:4319';

  it('launches Electron when the binary is there', () => {
    expect(planStart({ binary: '/e/electron', installTried: false, hubUrl })).toEqual({ action: 'launch', binary: '/e/electron' });
  });

  it('tries the installer exactly once', () => {
    expect(planStart({ binary: null, installTried: false, hubUrl })).toEqual({ action: 'install' });
    expect(planStart({ binary: null, installTried: true, hubUrl }).action).toBe('browser');
  });

  it('points to npm run preview and names the hub in one sentence', () => {
    const plan = planStart({ binary: null, installTried: true, hubUrl });
    expect(plan).toEqual({
      action: 'browser',
      message:
        'Electron kon niet worden geïnstalleerd op deze computer (geen downloadtoegang); de hub draait op http://127.0.0.1:4319 — open de app in de browser met `npm run preview`.',
    });
  });
});

describe('installer output', () => {
  it('keeps one short error line out of a long stack trace', () => {
    const output = ['Downloading Electron binary...', 'RequestError: getaddrinfo ENOTFOUND github.com', '    at ClientRequest.<anonymous> (x.js:1:1)', '    at emit (node:events:1:1)'].join('\n');
    expect(summarizeInstallOutput(output)).toBe('RequestError: getaddrinfo ENOTFOUND github.com');
    expect(summarizeInstallOutput('x'.repeat(500), 40)).toHaveLength(40);
    expect(summarizeInstallOutput('')).toBe('');
  });
});
