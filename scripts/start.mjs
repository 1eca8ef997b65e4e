// npm start: start the demo hub, then the desktop app; without an Electron binary, say so and keep the hub up.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_HUB_URL, findElectronBinary, planStart, summarizeInstallOutput } from './electron-binary.mjs';

const repo = join(import.meta.dirname, '..');
const hubUrl = process.env.KEUKENTAFEL_HUB_URL ?? DEFAULT_HUB_URL;
const electronDir = join(repo, 'node_modules', 'electron');
const children = new Set();
// Local binaries, not npx: a signal then reaches the real process, not a wrapper.
const bin = (name) => join(repo, 'node_modules', '.bin', name);

/** Starts a tracked child process, so Ctrl-C can stop it. */
function run(command, args, options = {}) {
  const child = spawn(command, args, {
    cwd: repo,
    stdio: 'inherit',
    ...options,
    env: { ...process.env, ...options.env },
    shell: process.platform === 'win32',
  });
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

async function hubAnswers() {
  try {
    const response = await fetch(`${hubUrl}/health`, { signal: AbortSignal.timeout(1500) });
    return response.ok;
  } catch {
    return false;
  }
}

/** Polls /health until the hub answers; gives up when the hub process dies or after the timeout. */
async function waitForHub(child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`De hub is gestopt (code ${child.exitCode}).`);
    if (await hubAnswers()) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`De hub antwoordt niet op ${hubUrl}/health.`);
}

async function startHub() {
  if (await hubAnswers()) {
    console.log(`Hub draait al op ${hubUrl}.`);
    return;
  }
  console.log(`Hub starten op ${hubUrl} (demo-gegevens)…`);
  const port = new URL(hubUrl).port || '4319';
  const hub = run(bin('tsx'), ['server/src/main.ts'], { env: { KEUKENTAFEL_DEMO: '1', PORT: port } });
  await waitForHub(hub);
}

/** Runs node_modules/electron/install.js once, showing only one line of its output. */
async function tryInstallElectron() {
  console.log('Electron ontbreekt; één poging om het te installeren…');
  const install = run(process.execPath, [join(electronDir, 'install.js')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  install.stdout.on('data', (chunk) => (output += chunk));
  install.stderr.on('data', (chunk) => (output += chunk));
  const [code] = await once(install, 'exit');
  if (code !== 0) console.log(`  Installeren mislukt: ${summarizeInstallOutput(output)}`);
}

function electronBinary() {
  return findElectronBinary({
    electronDir,
    env: process.env,
    exists: existsSync,
    readText: (path) => (existsSync(path) ? readFileSync(path, 'utf8') : null),
  });
}

async function stopAll(code) {
  const running = [...children].filter((child) => child.exitCode === null && child.signalCode === null);
  for (const child of running) child.kill('SIGTERM');
  await Promise.all(running.map((child) => once(child, 'exit')));
  process.exit(code);
}

process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

async function main() {
  await startHub();
  let installTried = false;
  for (;;) {
    const plan = planStart({ binary: electronBinary(), installTried, hubUrl });
    if (plan.action === 'install') {
      await tryInstallElectron();
      installTried = true;
      continue;
    }
    if (plan.action === 'browser') {
      console.log(`\n${plan.message}\nStoppen: Ctrl-C\n`);
      return; // The hub child keeps this process alive until Ctrl-C.
    }
    const build = run(bin('electron-vite'), ['build', '-c', 'electron.config.ts']);
    const [buildCode] = await once(build, 'exit');
    if (buildCode !== 0) throw new Error('Bouwen van de app is mislukt.');
    const app = run(plan.binary, ['.'], { env: { KEUKENTAFEL_HUB_URL: hubUrl } });
    const [appCode] = await once(app, 'exit');
    await stopAll(appCode ?? 0);
  }
}

main().catch(async (error) => {
  console.error(error instanceof Error ? error.message : error);
  await stopAll(1);
});
