// Pure decisions for `npm start`: where the Electron binary is, and what to do when it is missing.
import { join } from 'node:path';

export const DEFAULT_HUB_URL = 'http://127.0.0.1:4319';

/**
 * Path of the Electron executable as node_modules/electron would use it, or null when it is not there.
 * Mirrors electron/index.js without requiring it (requiring it starts a download).
 * @param {{ electronDir: string, env: Record<string, string | undefined>, exists: (p: string) => boolean, readText: (p: string) => string | null }} io
 * @returns {string | null}
 */
export function findElectronBinary({ electronDir, env, exists, readText }) {
  const relative = readText(join(electronDir, 'path.txt'))?.trim();
  if (!relative) return null;
  const dist = env.ELECTRON_OVERRIDE_DIST_PATH || join(electronDir, 'dist');
  const binary = join(dist, relative);
  return exists(binary) ? binary : null;
}

/**
 * The next step of `npm start`.
 * @param {{ binary: string | null, installTried: boolean, hubUrl: string }} state
 * @returns {{ action: 'launch', binary: string } | { action: 'install' } | { action: 'browser', message: string }}
 */
export function planStart({ binary, installTried, hubUrl }) {
  if (binary) return { action: 'launch', binary };
  if (!installTried) return { action: 'install' };
  return { action: 'browser', message: browserFallbackMessage(hubUrl) };
}

/** @param {string} hubUrl */
export function browserFallbackMessage(hubUrl) {
  return (
    `Electron kon niet worden geïnstalleerd op deze computer (geen downloadtoegang); ` +
    `de hub draait op ${hubUrl} — open de app in de browser met \`npm run preview\`.`
  );
}

/**
 * One short line from the installer's output: its last error-like line, cut to `max` characters.
 * @param {string} output
 * @param {number} [max]
 */
export function summarizeInstallOutput(output, max = 160) {
  const lines = output.split(/\r?\n/).map((line) => line.trim()).filter((line) => line && !line.startsWith('at '));
  const line = lines.findLast((l) => /error|fail|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|Cannot/i.test(l)) ?? lines.at(-1) ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
