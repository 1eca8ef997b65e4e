// npm run preview: build the renderer, make sure a hub answers, serve the app at http://localhost:4320.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

const hubUrl = process.env.KEUKENTAFEL_HUB_URL ?? 'http://127.0.0.1:4319';
const appUrl = 'http://localhost:4320';
const children = new Set();
// Local binaries, not npx: a signal then reaches the real process, not a wrapper.
const bin = (name) => join(import.meta.dirname, '..', 'node_modules', '.bin', name);

/** Runs a command with inherited output; tracked so Ctrl-C stops it. */
function run(command, args, env = {}) {
  const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env }, shell: process.platform === 'win32' });
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

async function waitForHub(child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`De hub is gestopt (code ${child.exitCode}).`);
    if (await hubAnswers()) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`De hub antwoordt niet op ${hubUrl}/health.`);
}

function stopAll(code = 0) {
  for (const child of children) child.kill('SIGTERM');
  process.exitCode = code;
}

process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

async function main() {
  const build = run(bin('vite'), ['build', '-c', 'renderer/vite.config.ts']);
  const [buildCode] = await once(build, 'exit');
  if (buildCode !== 0) throw new Error('Bouwen van de app is mislukt.');

  if (process.env.KEUKENTAFEL_NO_HUB === '1') {
    console.log('KEUKENTAFEL_NO_HUB=1: de hub wordt niet gestart.');
  } else if (await hubAnswers()) {
    console.log(`Hub draait al op ${hubUrl}.`);
  } else {
    console.log(`Hub starten op ${hubUrl} (demo-gegevens)…`);
    const hub = run(bin('tsx'), ['server/src/main.ts'], { KEUKENTAFEL_DEMO: '1' });
    await waitForHub(hub);
  }

  const preview = run(bin('vite'), ['preview', '-c', 'renderer/vite.config.ts'], { KEUKENTAFEL_HUB_URL: hubUrl });
  console.log(`\nKeukentafel in de browser: ${appUrl}\nStoppen: Ctrl-C\n`);
  const [code] = await once(preview, 'exit');
  stopAll(code ?? 0);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  stopAll(1);
});
