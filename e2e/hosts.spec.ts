import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { buildCsp } from '../electron/main/security/csp';
import { expectNoAxeViolations } from './fixtures/axe';

/**
 * The two entry points. The web page runs on the preview host. The Electron page runs only on the
 * preload's API: here its real build is served as app:// would serve it (same CSP), in Chromium, with and
 * without a stand-in for the preload.
 */

const repo = resolve(import.meta.dirname, '..');
const built = join(repo, 'out/renderer');
const origin = 'https://keukentafel.test';
const csp = buildCsp('http://127.0.0.1:4319');
const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm' };

test.use({ locale: 'nl-NL' });

test.beforeAll(() => {
  test.setTimeout(180_000);
  execFileSync(join(repo, 'node_modules/.bin/electron-vite'), ['build', '-c', 'electron.config.ts', '--logLevel', 'warn'], { cwd: repo, stdio: 'ignore' });
});

/** Serves out/renderer like electron/main's app:// handler: files by path, index.html for routes, always the CSP. */
async function serveElectronBuild(page: Page): Promise<void> {
  await page.route(`${origin}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    const file = extname(path) === '' ? 'index.html' : path.slice(1);
    await route.fulfill({
      status: 200,
      headers: { 'Content-Type': types[extname(file)] ?? 'application/octet-stream', 'Content-Security-Policy': csp },
      body: readFileSync(join(built, file)),
    });
  });
}

const alertText = 'Er ontbreekt een deel van het programma';

test('the Electron page without its preload says so in plain Dutch and starts nothing', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await serveElectronBuild(page);
  await page.goto(`${origin}/`);
  await expect(page.getByRole('heading', { level: 1, name: 'Keukentafel kan niet starten' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText(alertText);
  await expect(page.getByRole('alert')).toContainText('Sluit Keukentafel en open het opnieuw.');
  await expect(page.getByRole('heading', { name: 'Aanmelden' })).toHaveCount(0);
  await expect(page).toHaveTitle('Keukentafel kan niet starten — Keukentafel');
  await expectNoAxeViolations(page, 'Electron page without preload');
  // Not a browser app in disguise: no key store and no device database were made.
  const databases = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
  expect(databases).toEqual([]);
  expect(errors.filter((e) => !e.includes('preload API (window.keukentafel) is missing'))).toEqual([]);
  await page.screenshot({ path: '/tmp/shots/electron-no-preload.png' });
});

test('the Electron page with its preload starts the app on that host', async ({ page }) => {
  await page.addInitScript(() => {
    // A stand-in for electron/preload: the same four functions on window.keukentafel.
    const api = {
      info: () => Promise.resolve({ ok: true, value: { kind: 'electron', version: 'test', platform: 'linux', hubUrl: 'http://127.0.0.1:4319' } }),
      wrapKey: (data: string) => Promise.resolve({ ok: true, value: data }),
      unwrapKey: (data: string) => Promise.resolve({ ok: true, value: data }),
      onLock: () => () => undefined,
    };
    Object.defineProperty(window, 'keukentafel', { value: Object.freeze(api) });
  });
  await serveElectronBuild(page);
  await page.goto(`${origin}/`);
  await expect(page.getByRole('heading', { level: 1, name: 'Aanmelden' })).toBeVisible();
  await expect(page.getByText(alertText)).toHaveCount(0);
});

test('the web page runs on the preview host, without any preload', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Aanmelden' })).toBeVisible();
  await expect(page.getByText(alertText)).toHaveCount(0);
  expect(await page.evaluate(() => 'keukentafel' in window)).toBe(false);
  await expectNoAxeViolations(page, 'web sign-in');
});
