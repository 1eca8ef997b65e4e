// npm start: start the demo hub, then the desktop app; without an Electron binary, say so and keep the hub up.
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_HUB_URL, findElectronBinary, planStart, summarizeInstallOutput } from './electron-binary.mjs';
import { bin, createProcesses, ensureDemoHub, hubAnswers, repo } from './processes.mjs';

const hubUrl = process.env.KEUKENTAFEL_HUB_URL ?? DEFAULT_HUB_URL;
const electronDir = join(repo, 'node_modules', 'electron');
const { run, stopAll } = createProcesses();

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

/** Builds the office web app (dist/renderer) that the hub serves at `/`; the hub runs without it when this fails. */
async function buildOfficeApp() {
  console.log('Kantoor-app bouwen (voor schuldhulp en teamleider)…');
  const build = run(bin('vite'), ['build', '-c', 'renderer/vite.config.ts', '--logLevel', 'warn']);
  const [code] = await once(build, 'exit');
  if (code !== 0) console.log('  Bouwen van de kantoor-app is mislukt; de hub start zonder.');
}

async function main() {
  if (!(await hubAnswers(hubUrl))) await buildOfficeApp();
  await ensureDemoHub(hubUrl, run);
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
