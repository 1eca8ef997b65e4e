import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { benchEnginePush } from '../contract/engine-push.bench';
import { benchPush, benchSignalEvents } from '../server/bench/push.bench';
import { benchDossierPush, benchHandoverList } from '../server/bench/dossier.bench';
import { benchReports } from '../server/bench/reports.bench';
import { benchKdfNative } from './kdf-native';
import { benchInboxUi } from './inbox-ui';
import { benchInboxList, benchRawFirstPage, openInboxHub } from '../server/bench/inbox.bench';

/**
 * `npm run bench`: the design's targets, measured in one run, each beside its baseline.
 * Browser figures come from the app's own data layer in Chromium; hub figures from the hub in-process.
 */

const root = resolve(import.meta.dirname, '..');
const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.woff2': 'font/woff2' };

function build(config: string) {
  const result = spawnSync('npx', ['vite', 'build', '-c', config, '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`vite build -c ${config} failed`);
}

/** One origin for the app and the bench page, so both see the same IndexedDB. */
function serve(): Promise<{ url: string; close: () => void }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const [dir, rest] = path.startsWith('/bench/') ? ['dist/bench', path.slice(7)] : ['dist/renderer', path.slice(1)];
    const file = normalize(join(root, dir, rest || 'index.html'));
    if (!file.startsWith(join(root, dir)) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => ok({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() })),
  );
}

/** Gzipped size of the JavaScript the app's index.html loads up front (entry and modulepreloads). */
function initialJsGzipKb(): number {
  const html = readFileSync(join(root, 'dist/renderer/index.html'), 'utf8');
  const srcs = [...html.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map((m) => m[1]!.replace(/^\.?\//, ''));
  return srcs.reduce((sum, src) => sum + gzipSync(readFileSync(join(root, 'dist/renderer', src))).length, 0) / 1024;
}

/** The design's autosave target is set at 5,000 households on the device, whatever BENCH_N is. */
const KEYSTROKE_N = 5_000;

type Row = [what: string, measured: string, target: string, baseline: string, ratio: string];
const ms = (v: number) => `${v.toFixed(1)} ms`;

/** Every PIN of the minimum length (6 digits), tried on one core at `msPerGuess`. */
const SIX_DIGIT_PINS = 1_000_000;
function crackTime(msPerGuess: number): string {
  const hours = (SIX_DIGIT_PINS * msPerGuess) / 3_600_000;
  return hours < 48 ? `${hours.toFixed(1)} core-hours` : `${(hours / 24).toFixed(1)} core-days`;
}
const guesses = (msPerGuess: number) => `${(1000 / msPerGuess).toFixed(msPerGuess > 100 ? 2 : 1)} guesses/s`;

/** Two rows per place the KDF runs: old and new, guesses per second and every six-digit PIN on one core. */
function kdfRows(where: string, pbkdf2Ms: number, argon2Ms: number, target: string): Row[] {
  return [
    [`PIN guess, PBKDF2-SHA256 600k (old), ${where}`, `${ms(pbkdf2Ms)} = ${guesses(pbkdf2Ms)}`, '—', `all 10^6 six-digit PINs: ${crackTime(pbkdf2Ms)}`, ''],
    [
      `PIN guess, Argon2id 128 MiB × 4 (new), ${where}`,
      `${ms(argon2Ms)} = ${guesses(argon2Ms)}`,
      target,
      `all 10^6 six-digit PINs: ${crackTime(argon2Ms)}`,
      `${(argon2Ms / pbkdf2Ms).toFixed(1)}× old`,
    ],
  ];
}

/** The counsellor's inbox with 5,000 handovers: the hub's list per filter beside a raw SQL page, and the office app in Chromium served by that hub. */
async function inboxRows(url: string | undefined, on: string): Promise<Row[]> {
  const hub = await openInboxHub(Number(process.env.BENCH_INBOX_N ?? 5_000), url, join(root, 'dist/renderer'));
  const rows: Row[] = [];
  try {
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'] });
    try {
      const ui = await benchInboxUi(browser, hub);
      rows.push(
        [`counsellor inbox in Chromium, ${hub.handovers} handovers: filter request to sorted rows shown, p95 (${on})`, ms(ui.filterP95Ms), '< 100 ms', `hub answer as the browser saw it ${ms(ui.filterNetworkP95Ms)}`, `${(ui.filterP95Ms / ui.filterNetworkP95Ms).toFixed(2)}× hub`],
        [`  the same at p50; p95 from the change of the select`, `${ms(ui.filterP50Ms)}; ${ms(ui.filterFromInputP95Ms)}`, '—', '', ''],
        [`  search request to rows shown, p95 (${on})`, ms(ui.searchP95Ms), '—', '', ''],
        [`  sign-in to first rows (${on})`, ms(ui.firstRowsMs), '—', '', ''],
      );
    } finally {
      await browser.close();
    }
    const raw = await benchRawFirstPage(hub);
    for (const f of await benchInboxList(hub)) {
      rows.push([
        `  inbox list: ${f.what} (${f.total} of ${hub.handovers}, ${on}), p95 (p50 ${ms(f.p50Ms)})`,
        ms(f.p95Ms),
        '< 100 ms',
        `raw SQL of the first page p95 ${ms(raw.p95Ms)} (p50 ${ms(raw.p50Ms)})`,
        `${(f.p50Ms / raw.p50Ms).toFixed(1)}× raw at p50`,
      ]);
    }
  } finally {
    await hub.close();
  }
  return rows;
}

async function main() {
  build('renderer/vite.config.ts');
  build('bench/vite.config.ts');
  const server = await serve();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  const rows: Row[] = [];
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/bench/`);
    await page.getByText('ready').waitFor();
    const n = Number(process.env.BENCH_N ?? 10_000);
    const h = await page.evaluate((count) => window.bench.households(count), n);
    const cold = await page.evaluate(() => window.bench.coldUnlock());
    const urgent = await page.evaluate((count) => window.bench.urgency(count), n);
    rows.push([
      `urgency list built after unlock, ${urgent.n} households`,
      ms(urgent.readyMs - urgent.unlockMs),
      '— (background)',
      `unlock itself ${ms(urgent.unlockMs)}`,
      `${urgent.urgent} urgent`,
    ]);
    const moved = await page.evaluate((count) => window.bench.upgrade(count), Number(process.env.BENCH_UPGRADE_N ?? 1_000));
    rows.push([
      `first unlock after updating: move ${moved.n} households from before version 5 (${moved.rows} rows)`,
      ms(moved.upgradeMs),
      '— (once)',
      `Dexie upgrade ${ms(moved.openMs)}`,
      `${ms(moved.upgradeMs / moved.rows)} a row`,
    ]);
    const kdf = await page.evaluate(() => window.bench.pinKdf(5));
    rows.push(...kdfRows('device (Chromium)', kdf.pbkdf2Ms, kdf.argon2Ms, '≥ 500 ms'));
    const keys = await page.evaluate((count) => window.bench.keystroke(count), KEYSTROKE_N);
    rows.push(
      [`insert ${n} encrypted households`, ms(h.insertMs), '—', `raw IndexedDB ${ms(h.rawInsertMs)}`, `${(h.insertMs / h.rawInsertMs).toFixed(2)}×`],
      [`search p95, ${n} households`, ms(h.searchP95), '< 30 ms', `raw IndexedDB scan ${ms(h.rawSearchP95)}`, `${(h.searchP95 / h.rawSearchP95).toFixed(3)}×`],
      [`search p50, ${n} households`, ms(h.searchP50), '—', '', ''],
      [`unlock (Argon2id PIN check + index), ${n}`, ms(h.unlockMs), '< 1500 ms', '', ''],
      [`unlock without snapshot, ${n}`, ms(cold.coldUnlockMs), '< 1500 ms', `with snapshot ${ms(h.unlockMs)}`, `${(cold.coldUnlockMs / h.unlockMs).toFixed(2)}×`],
      [`keystroke to committed p95, ${keys.n} households`, ms(keys.p95), '< 16 ms', `raw IndexedDB put ${ms(keys.rawP95)}`, `${(keys.p95 / keys.rawP95).toFixed(2)}×`],
      [`keystroke to committed p50 (max), ${keys.keystrokes} keys`, `${ms(keys.p50)} (${ms(keys.max)})`, '—', `raw ${ms(keys.rawP50)} (${ms(keys.rawMax)})`, `${(keys.p50 / keys.rawP50).toFixed(2)}×`],
    );

    // Load to interactive: the real app, on the device that now holds 10,000 households.
    const app = await context.newPage();
    app.on('pageerror', (e) => console.log('app error:', e.message));
    const t0 = Date.now();
    await app.goto(`${server.url}/`);
    const pin = app.getByLabel('Pincode', { exact: true });
    await pin.waitFor();
    const interactiveMs = Date.now() - t0;
    await pin.fill(await page.evaluate(() => window.bench.pin));
    const t1 = Date.now();
    await pin.press('Enter');
    await app.getByRole('main').getByRole('listitem').first().waitFor();
    const listMs = Date.now() - t1;
    rows.push(
      [`app load to interactive, ${n} households`, ms(interactiveMs), '< 800 ms', '', ''],
      [`unlock to list shown, ${n} households`, ms(listMs), '< 1500 ms', '', ''],
    );
  } finally {
    await browser.close();
    server.close();
  }

  const native = await benchKdfNative(5);
  rows.push(...kdfRows("attacker's native code, 1 core", native.pbkdf2Ms, native.argon2Ms, '—'));

  // The hub on PGlite always, and on PostgreSQL too when DATABASE_URL is set; every ratio is measured in one run.
  for (const url of [undefined, ...(process.env.DATABASE_URL ? [process.env.DATABASE_URL] : [])]) {
    const push = await benchPush(1000, url);
    const on = push.backend === 'postgres' ? 'PostgreSQL' : 'PGlite';
    rows.push(
      [`push ${push.n} new cases to the hub in batches of 100 (${on})`, ms(push.batchMs), '< 10000 ms, ≤ 2× raw', `raw INSERT ${ms(push.rawMs)}`, `${(push.batchMs / push.rawMs).toFixed(2)}×`],
      [`  the same, as raw INSERTs of key + case + change + audit rows`, ms(push.rawSameWritesMs), '—', `batches ${ms(push.batchMs)}`, `${(push.batchMs / push.rawSameWritesMs).toFixed(2)}×`],
      [`push ${push.n} new cases one request each (older devices, ${on})`, ms(push.pushMs), '< 10000 ms', `raw INSERT ${ms(push.rawMs)}`, `${(push.pushMs / push.rawMs).toFixed(2)}×`],
    );
    const events = await benchSignalEvents(1000, url);
    rows.push([
      `push ${events.n} signal events in batches of 100 (${on})`,
      ms(events.batchMs),
      '< 10000 ms',
      `raw INSERT of the same rows ${ms(events.rawMs)}`,
      `${(events.batchMs / events.rawMs).toFixed(2)}×`,
    ]);
    const dossiers = await benchDossierPush(1000, url);
    // The target's baseline is a raw insert of the same rows: those the route writes per dossier.
    rows.push([
      `push ${dossiers.n} dossiers (median ${(dossiers.medianBytes / 1024).toFixed(1)} KB, sealed) in batches of 100 (${on})`,
      ms(dossiers.batchMs),
      '< 10000 ms, ≤ 2× raw',
      `raw INSERTs of the same rows (key + dossier + sealed version + change + audit) ${ms(dossiers.rawSameWritesMs)}`,
      `${(dossiers.batchMs / dossiers.rawSameWritesMs).toFixed(2)}×`,
    ]);
    rows.push([`  beside a raw INSERT of only the bodies, as plain JSON`, ms(dossiers.rawMs), '—', `batches ${ms(dossiers.batchMs)}`, `${(dossiers.batchMs / dossiers.rawMs).toFixed(2)}×`]);
    rows.push([`  beside a raw INSERT of only the bodies, sealed`, ms(dossiers.rawSealedMs), '—', `batches ${ms(dossiers.batchMs)}`, `${(dossiers.batchMs / dossiers.rawSealedMs).toFixed(2)}×`]);
    rows.push([`push ${dossiers.n} dossiers one request each (${on})`, ms(dossiers.singleMs), '—', `raw INSERT ${ms(dossiers.rawMs)}`, `${(dossiers.singleMs / dossiers.rawMs).toFixed(2)}×`]);
    if (push.backend === 'postgres') {
      const inbox = await benchHandoverList(5000, url);
      rows.push(
        [`counsellor list, first page of 50 of ${inbox.handovers} handovers sorted by deadline, p95 (${on})`, ms(inbox.listP95Ms), '< 100 ms', `p50 ${ms(inbox.listP50Ms)}`, ''],
        [`open one dossier (decrypt, audit), p95 (${on})`, ms(inbox.openP95Ms), '< 50 ms', `p50 ${ms(inbox.openP50Ms)}`, ''],
      );
    }
    // The counsellor's inbox with 5,000 handovers: the hub's list per filter, and the office app in Chromium served by that hub
    // (on PostgreSQL when DATABASE_URL is set, else on PGlite).
    if (url === process.env.DATABASE_URL) rows.push(...(await inboxRows(url, on)));
    const reports = await benchReports(url);
    rows.push(
      [
        `team-lead dashboard load (5 requests in a row), ${reports.events} signal events + ${reports.handovers} handovers, p50 (${on})`,
        ms(reports.loadP50Ms),
        push.backend === 'postgres' ? '< 500 ms' : '—',
        `p95 ${ms(reports.loadP95Ms)}; CPU ${ms(reports.cpuPerLoadMs)} a load`,
        Object.entries(reports.perRequestMs).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', '),
      ],
      [`  three years of signals by week, p50 (${on})`, ms(reports.weeksP50Ms), '—', '', ''],
    );
    const device = await benchEnginePush(1000, url);
    rows.push([
      `device engine → hub: ${device.n} new cases + ${device.n} signal events, ${device.requests} requests (fake-indexeddb in Node, ${on})`,
      ms(device.ms),
      '< 10000 ms',
      `hub alone, cases ${ms(push.batchMs)}`,
      `${(device.ms / push.batchMs).toFixed(2)}×`,
    ]);
  }
  const js = initialJsGzipKb();
  rows.push(['initial renderer JavaScript (gzip)', `${js.toFixed(1)} KB`, '< 400 KB', '', '']);

  const header: Row = ['what', 'measured', 'target', 'baseline (same run)', 'ratio'];
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((r) => (r[i] ?? "").length)));
  const line = (r: Row) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(['', line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n'));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
