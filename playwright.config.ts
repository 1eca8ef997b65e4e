import { defineConfig } from '@playwright/test';

/** E2E: Debian's Chromium against the preview host, backed by a fresh in-memory hub per run. */
const hubPort = Number(process.env.E2E_HUB_PORT ?? 4419);
const appPort = Number(process.env.E2E_APP_PORT ?? 4420);
export const hubUrl = `http://127.0.0.1:${hubPort}`;

export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list'], ['github']] : 'list',
  use: {
    baseURL: `http://127.0.0.1:${appPort}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-dev-shm-usage',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  // Started in this order, each once the one before answers: the app is built first, so the hub that starts
  // after it serves that same build at / (the office shell as counsellors open it, see handover-office.spec.ts).
  webServer: [
    {
      command: `npx vite build -c renderer/vite.config.ts --logLevel warn && npx vite preview -c renderer/vite.config.ts --port ${appPort} --host 127.0.0.1`,
      url: `http://127.0.0.1:${appPort}`,
      reuseExistingServer: false,
      timeout: 180_000,
      env: { KEUKENTAFEL_HUB_URL: hubUrl },
    },
    {
      command: 'npx tsx server/src/main.ts',
      url: `${hubUrl}/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      // Every spec signs in the same demo worker from one address; the hub's own tests cover the login limit.
      env: { PORT: String(hubPort), KEUKENTAFEL_DATA_DIR: ':memory:', KEUKENTAFEL_DEMO: '1', LOG_LEVEL: 'warn', KEUKENTAFEL_LOGIN_LIMIT: '100' },
    },
  ],
});
