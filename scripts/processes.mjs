// Child processes and the demo hub, shared by `npm start` and `npm run preview`.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

export const repo = join(import.meta.dirname, '..');
// Local binaries, not npx: a signal then reaches the real process, not a wrapper.
export const bin = (name) => join(repo, 'node_modules', '.bin', name);

/** Tracked child processes: `run` starts one, `stopAll` ends them all (Ctrl-C) and exits. */
export function createProcesses() {
  const children = new Set();
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
  async function stopAll(code) {
    const running = [...children].filter((child) => child.exitCode === null && child.signalCode === null);
    for (const child of running) child.kill('SIGTERM');
    await Promise.all(running.map((child) => once(child, 'exit')));
    process.exit(code);
  }
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));
  return { run, stopAll };
}

export async function hubAnswers(hubUrl) {
  try {
    const response = await fetch(`${hubUrl}/health`, { signal: AbortSignal.timeout(1500) });
    return response.ok;
  } catch {
    return false;
  }
}

/** Polls /health until the hub answers; gives up when the hub process dies or after the timeout. */
async function waitForHub(hubUrl, child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`De hub is gestopt (code ${child.exitCode}).`);
    if (await hubAnswers(hubUrl)) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`De hub antwoordt niet op ${hubUrl}/health.`);
}

/** Reuses a hub that already answers at hubUrl, or starts the demo hub on its port and waits for it. */
export async function ensureDemoHub(hubUrl, run) {
  if (await hubAnswers(hubUrl)) {
    console.log(`Hub draait al op ${hubUrl}.`);
    return null;
  }
  console.log(`Hub starten op ${hubUrl} (demo-gegevens)…`);
  const port = new URL(hubUrl).port || '4319';
  const hub = run(bin('tsx'), ['server/src/main.ts'], { env: { KEUKENTAFEL_DEMO: '1', KEUKENTAFEL_DEMO_REPORTS: '1', PORT: port, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' } });
  await waitForHub(hubUrl, hub);
  return hub;
}
