import { randomBytes } from 'node:crypto';
import cors from '@fastify/cors';
import swagger from '@fastify/swagger';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler } from 'fastify-type-provider-zod';
import { defaultAllowedOrigins } from './config';
import type { Db } from './db/database';
import { registerErrorHandling } from './plugins/errors';
import { registerSecurityHeaders, registerWebApp } from './plugins/web-app';
import { apiErrorSchema } from '../../shared/api/auth';
import { registerAccountRoutes } from './routes/accounts';
import { registerAuthRoutes } from './routes/auth';
import { registerCaseRoutes } from './routes/cases';
import { registerChangeRoutes } from './routes/changes';
import { registerHealthRoutes } from './routes/health';
import { registerSignalEventRoutes } from './routes/signal-events';
import { registerDossierRoutes } from './routes/dossiers';
import { registerHandoverRoutes } from './routes/handovers';
import { registerReportRoutes } from './routes/reports';
import { createReportService } from './services/reports';
import { createHandoverService } from './services/handover-service';
import { createDossierService } from './services/dossier-service';
import { createHubCipher } from './services/hub-key';
import { createAccountService } from './services/accounts';
import { createAuthService } from './services/auth-service';
import { createCaseService } from './services/case-service';
import { createChangeFeed } from './services/changes';
import { createSignalEventService } from './services/signal-events';
import { ensureRecipientTeams } from './services/recipient-teams';
import { lifeDomains, neighbourhoods, recipients, settings, signalCatalogue } from '../../resources/index';
import { createRetentionService } from './services/retention';
import type { PasswordHasher } from './services/passwords';
import { argon2Hasher } from './services/passwords';
import { createRateLimiter } from './services/rate-limiter';

export interface AppDeps {
  db: Db;
  clock?: () => Date;
  randomBytes?: (size: number) => Buffer;
  passwords?: PasswordHasher;
  logLevel?: string;
  allowedOrigins?: string[];
  /** Sign-ins per minute per address and username (KEUKENTAFEL_LOGIN_LIMIT). */
  loginLimitPerMinute?: number;
  /** Sign-ins per minute per address, any username (KEUKENTAFEL_LOGIN_IP_LIMIT); 5 × loginLimitPerMinute by default. */
  loginIpLimitPerMinute?: number;
  /** Requests with a missing or refused token per minute per address (KEUKENTAFEL_UNAUTHENTICATED_LIMIT). */
  unauthenticatedLimitPerMinute?: number;
  /** Fastify's trustProxy (KEUKENTAFEL_TRUST_PROXY): off unless the hub sits behind a proxy that sets X-Forwarded-For. */
  trustProxy?: boolean | string[];
  sessionTtlMs?: number;
  /** The hub key (32 bytes) that seals dossier bodies at rest; a fresh one per process when absent (tests, in-memory hubs). */
  hubKey?: Buffer;
  /** Demo mode (KEUKENTAFEL_DEMO=1): login answers carry `demo: true` so devices add demo households. */
  demo?: boolean;
  /** Days after closing or withdrawal before a handover's sealed texts are purged (KEUKENTAFEL_RETENTION_DAYS). */
  retentionDays?: number;
  /** How often the retention purge runs after the one at start; hourly by default. */
  retentionIntervalMs?: number;
  /** The built renderer (dist/renderer) to serve at `/` for office users; not served when absent or not built. */
  webRoot?: string | null;
}

/** Never log secrets or personal data: tokens, passwords and bodies stay out of the log. */
const redact = ['req.headers.authorization', 'req.headers.cookie', 'req.body', 'res.body', 'body', 'password', 'token'];

/** Builds the hub on an already migrated db. The caller owns the db and closes it. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const clock = deps.clock ?? (() => new Date());
  const app = Fastify({
    logger: { level: deps.logLevel ?? 'silent', redact: { paths: redact, censor: '[verborgen]' } },
    bodyLimit: 1_048_576,
    // Never trust X-Forwarded-For by default: the rate-limit keys must not be spoofable. Behind a TLS proxy,
    // KEUKENTAFEL_TRUST_PROXY names the proxy's address(es) so request.ip is the client's, not the proxy's.
    trustProxy: deps.trustProxy ?? false,
  });
  app.decorateRequest('user', null);
  app.decorateRequest('deviceId', null);
  // Every signed-in route (it declares bearer security) can answer 429 to an address with too many refused tokens.
  app.addHook('onRoute', (route) => {
    const schema = route.schema as { security?: unknown; response?: Record<string, unknown> } | undefined;
    if (schema?.security && schema.response && !(429 in schema.response)) schema.response = { ...schema.response, 429: apiErrorSchema };
  });
  registerErrorHandling(app);
  registerSecurityHeaders(app);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(cors, { origin: deps.allowedOrigins ?? defaultAllowedOrigins, allowedHeaders: ['authorization', 'content-type', 'idempotency-key'], exposedHeaders: ['idempotent-replayed'] });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Keukentafel hub', description: 'De hub van de gemeente voor Keukentafel.', version: '1.0.0' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  });

  const limiter = createRateLimiter({ db: deps.db, clock });
  const loginLimitPerMinute = deps.loginLimitPerMinute ?? 10;
  const auth = createAuthService({
    db: deps.db,
    clock,
    randomBytes: deps.randomBytes ?? randomBytes,
    passwords: deps.passwords ?? argon2Hasher,
    sessionTtlMs: deps.sessionTtlMs ?? 12 * 3_600_000,
    limiter,
    unauthenticatedLimit: { name: 'unauthenticated', max: deps.unauthenticatedLimitPerMinute ?? 60, windowMs: 60_000 },
  });
  app.addHook('onReady', () => auth.warmUp());
  // Every recipient of resources/recipients.json has its hub team before the first dossier arrives.
  app.addHook('onReady', async () => {
    await ensureRecipientTeams(deps.db, recipients);
  });
  const cases = createCaseService({ db: deps.db, clock });

  registerHealthRoutes(app, deps.db);
  registerAuthRoutes(app, {
    auth,
    limiter,
    loginLimitPerMinute,
    loginIpLimitPerMinute: deps.loginIpLimitPerMinute ?? 5 * loginLimitPerMinute,
    demo: deps.demo ?? false,
  });
  registerAccountRoutes(app, { auth, accounts: createAccountService({ db: deps.db, clock, randomBytes: deps.randomBytes ?? randomBytes }) });
  registerCaseRoutes(app, { auth, cases });
  const cipher = createHubCipher(deps.hubKey ?? randomBytes(32));
  registerChangeRoutes(app, { auth, feed: createChangeFeed({ db: deps.db, clock, cipher }) });
  registerSignalEventRoutes(app, { auth, events: createSignalEventService({ db: deps.db, clock }) });
  registerDossierRoutes(app, { auth, dossiers: createDossierService({ db: deps.db, clock, cipher }) });
  registerHandoverRoutes(app, { auth, handovers: createHandoverService({ db: deps.db, clock, cipher }) });
  registerReportRoutes(app, {
    auth,
    reports: createReportService({
      db: deps.db,
      clock,
      thresholdSetting: settings.reportThreshold,
      catalogues: { signals: signalCatalogue, domains: lifeDomains, neighbourhoods },
    }),
  });
  // Retention: purge at start, then on an interval that never keeps the process alive; errors are logged, not thrown.
  const retention = createRetentionService({ db: deps.db, clock, days: deps.retentionDays ?? settings.retentionDaysClosedCases });
  const runRetention = () =>
    retention.purge().then(
      (n) => {
        if (n > 0) app.log.info({ purged: n }, 'retention purged closed handovers');
      },
      (err: unknown) => app.log.error({ err }, 'retention purge failed'),
    );
  let retentionTimer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    await runRetention();
    retentionTimer = setInterval(() => void runRetention(), deps.retentionIntervalMs ?? 3_600_000);
    retentionTimer.unref();
  });
  app.addHook('onClose', () => {
    clearInterval(retentionTimer);
  });
  await registerWebApp(app, deps.webRoot);
  return app;
}
