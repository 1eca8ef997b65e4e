// npm run preview: build the renderer, make sure a hub answers, serve the app at http://localhost:4320.
import { once } from 'node:events';
import { bin, createProcesses, ensureDemoHub } from './processes.mjs';

const hubUrl = process.env.KEUKENTAFEL_HUB_URL ?? 'http://127.0.0.1:4319';
const appUrl = 'http://localhost:4320';
const { run, stopAll } = createProcesses();

async function main() {
  const build = run(bin('vite'), ['build', '-c', 'renderer/vite.config.ts']);
  const [buildCode] = await once(build, 'exit');
  if (buildCode !== 0) throw new Error('Bouwen van de app is mislukt.');

  if (process.env.KEUKENTAFEL_NO_HUB === '1') console.log('KEUKENTAFEL_NO_HUB=1: de hub wordt niet gestart.');
  else await ensureDemoHub(hubUrl, run);

  const preview = run(bin('vite'), ['preview', '-c', 'renderer/vite.config.ts'], { env: { KEUKENTAFEL_HUB_URL: hubUrl } });
  console.log(`\nKeukentafel in de browser: ${appUrl}\nStoppen: Ctrl-C\n`);
  const [code] = await once(preview, 'exit');
  await stopAll(code ?? 0);
}

main().catch(async (error) => {
  console.error(error instanceof Error ? error.message : error);
  await stopAll(1);
});
