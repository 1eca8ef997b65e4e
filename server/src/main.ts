import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';
import { openDatabase } from './services/open-database';
import { demoRecipientId, demoTeamName, demoUsers, seedDemo } from './services/demo-seed';
import { createHubCipher, loadHubKey } from './services/hub-key';
import { seedDemoReports } from './services/reports-demo-seed';
import { hasWebApp } from './plugins/web-app';
import { argon2Hasher } from './services/passwords';

async function main(): Promise<void> {
  const config = loadConfig(process.env, { platform: process.platform, homedir: homedir() });
  const hubKey = await loadHubKey(config.hubKey);
  if (hubKey.source === 'file-created') console.log('Made a new hub key (hub-key) in the data folder: back it up, apart from the database backups.');
  if (hubKey.source === 'ephemeral') console.log('In-memory hub: its key lasts as long as the process.');
  const { db, where } = await openDatabase(config.database);
  const demoSeed = config.demo ? await seedDemo(db, argon2Hasher) : null;
  if (demoSeed) {
    console.log(`Demo mode: team "${demoTeamName}" and the schuldhulp team (${demoRecipientId}) with these users:`);
    for (const u of demoUsers) console.log(`  ${u.username.padEnd(11)} ${u.password.padEnd(21)} ${u.role.padEnd(10)} ${u.team.padEnd(10)} ${u.displayName}`);
  }
  if (demoSeed && config.demoReports) {
    const teams = { teamId: demoSeed.teamId, schuldhulpTeamId: demoSeed.schuldhulpTeamId, recipientId: demoRecipientId };
    const added = await seedDemoReports(db, { cipher: createHubCipher(hubKey.key), passwords: argon2Hasher, now: new Date() }, teams);
    if (added.events > 0) console.log(`Demo reports: ${added.events} signal events and ${added.handovers} handovers of the past year added.`);
  }
  // The office web app: `npm run build:web` writes it to dist/renderer; KEUKENTAFEL_WEB_DIR points elsewhere.
  const webRoot = process.env.KEUKENTAFEL_WEB_DIR ?? resolve(import.meta.dirname, '../../dist/renderer');
  const app = await buildApp({
    webRoot,
    db,
    logLevel: config.logLevel,
    allowedOrigins: config.allowedOrigins,
    loginLimitPerMinute: config.loginLimitPerMinute,
    loginIpLimitPerMinute: config.loginIpLimitPerMinute,
    unauthenticatedLimitPerMinute: config.unauthenticatedLimitPerMinute,
    trustProxy: config.trustProxy,
    sessionTtlMs: config.sessionTtlMs,
    retentionDays: config.retentionDays,
    demo: config.demo,
    hubKey: hubKey.key,
  });
  const shutdown = (signal: string) => {
    app.log.info(`${signal}: shutting down`);
    app.close().then(() => db.close()).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await app.listen({ port: config.port, host: config.host });
  const shownHost = config.host.includes(':') ? `[${config.host}]` : config.host;
  console.log(`Keukentafel hub listening on http://${shownHost}:${config.port} (${where})`);
  const officeHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : shownHost;
  if (hasWebApp(webRoot)) console.log(`Office app (schuldhulp, teamleider): http://${officeHost}:${config.port}/`);
  else console.log(`No office app: ${webRoot} has no index.html (npm run build:web makes it).`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
