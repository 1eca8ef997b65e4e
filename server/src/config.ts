import { join } from 'node:path';
import { z } from 'zod';

export const defaultAllowedOrigins = ['app://keukentafel', 'http://localhost:4320', 'http://127.0.0.1:4320'];

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(4319),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  KEUKENTAFEL_DATA_DIR: z.string().min(1).optional(),
  KEUKENTAFEL_DEMO: z.enum(['0', '1', '']).default('0'),
  KEUKENTAFEL_DEMO_REPORTS: z.enum(['0', '1', '']).default('0'),
  KEUKENTAFEL_ALLOWED_ORIGINS: z.string().optional(),
  KEUKENTAFEL_LOGIN_LIMIT: z.coerce.number().int().min(1).default(10),
  KEUKENTAFEL_LOGIN_IP_LIMIT: z.coerce.number().int().min(1).optional(),
  KEUKENTAFEL_UNAUTHENTICATED_LIMIT: z.coerce.number().int().min(1).default(60),
  // '' or 'false': no proxy (the default); 'true': trust every X-Forwarded-For hop (only when nothing but the
  // proxy can reach the hub); else a comma-separated list of the proxies' addresses or CIDR ranges.
  KEUKENTAFEL_TRUST_PROXY: z
    .string()
    .default('')
    .refine(
      (v) => ['', 'true', 'false'].includes(v.trim()) || v.split(',').every((p) => /^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(p.trim())),
      'use true, false, or addresses/CIDR ranges separated by commas',
    ),
  KEUKENTAFEL_SESSION_HOURS: z.coerce.number().positive().max(24 * 30).default(12),
  /** Days after a handover is closed or withdrawn before the hub purges its dossier bodies. */
  KEUKENTAFEL_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  /** The hub key that encrypts dossier bodies at rest: base64 of 32 random bytes. Without it, a key file in the data folder. */
  KEUKENTAFEL_HUB_KEY: z
    .string()
    .optional()
    .refine((k) => k === undefined || k === '' || (/^[A-Za-z0-9+/]+={0,2}$/.test(k.trim()) && Buffer.from(k.trim(), 'base64').length === 32), {
      message: 'must be base64 of exactly 32 bytes (openssl rand -base64 32)',
    }),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface HubConfig {
  port: number;
  host: string;
  database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };
  demo: boolean;
  /** With demo: also a year of made-up signal events and handovers for the team lead's reports (KEUKENTAFEL_DEMO_REPORTS=1; `npm start` sets it). */
  demoReports: boolean;
  allowedOrigins: string[];
  loginLimitPerMinute: number;
  loginIpLimitPerMinute: number;
  unauthenticatedLimitPerMinute: number;
  trustProxy: boolean | string[];
  sessionTtlMs: number;
  retentionDays: number;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /**
   * Where the hub key comes from: KEUKENTAFEL_HUB_KEY; else the key file in the data folder (made on first
   * start); an in-memory PGlite hub, whose data dies with it, may use a key that dies with it too.
   */
  hubKey: { kind: 'env'; key: Buffer } | { kind: 'file'; dir: string } | { kind: 'ephemeral' };
}

export interface PlatformInfo {
  platform: NodeJS.Platform;
  homedir: string;
}

/** The per-user data folder the hub uses when no DATABASE_URL or KEUKENTAFEL_DATA_DIR is given. */
export function defaultDataDir(env: Record<string, string | undefined>, { platform, homedir }: PlatformInfo): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir, 'AppData', 'Roaming'), 'Keukentafel', 'hub');
  if (platform === 'darwin') return join(homedir, 'Library', 'Application Support', 'Keukentafel', 'hub');
  return join(env.XDG_DATA_HOME || join(homedir, '.local', 'share'), 'keukentafel', 'hub');
}

function parseTrustProxy(value: string): boolean | string[] {
  const v = value.trim();
  if (v === '' || v === 'false') return false;
  if (v === 'true') return true;
  return v.split(',').map((p) => p.trim());
}

export class ConfigError extends Error {}

/** Parses the environment; throws ConfigError with one line per bad variable. */
export function loadConfig(env: Record<string, string | undefined>, platform: PlatformInfo): HubConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid hub configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const origins = (e.KEUKENTAFEL_ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o.length > 0);
  const dataDir = e.KEUKENTAFEL_DATA_DIR ?? defaultDataDir(env, platform);
  const hubKey: HubConfig['hubKey'] = e.KEUKENTAFEL_HUB_KEY
    ? { kind: 'env', key: Buffer.from(e.KEUKENTAFEL_HUB_KEY.trim(), 'base64') }
    : dataDir !== ':memory:'
      ? { kind: 'file', dir: dataDir }
      : e.DATABASE_URL
        ? // PostgreSQL outlives the process: its key must too, so it goes in the default data folder.
          { kind: 'file', dir: defaultDataDir(env, platform) }
        : { kind: 'ephemeral' };
  return {
    hubKey,
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'pglite', dataDir },
    demo: e.KEUKENTAFEL_DEMO === '1',
    demoReports: e.KEUKENTAFEL_DEMO === '1' && e.KEUKENTAFEL_DEMO_REPORTS === '1',
    allowedOrigins: origins.length > 0 ? origins : defaultAllowedOrigins,
    loginLimitPerMinute: e.KEUKENTAFEL_LOGIN_LIMIT,
    loginIpLimitPerMinute: e.KEUKENTAFEL_LOGIN_IP_LIMIT ?? 5 * e.KEUKENTAFEL_LOGIN_LIMIT,
    unauthenticatedLimitPerMinute: e.KEUKENTAFEL_UNAUTHENTICATED_LIMIT,
    trustProxy: parseTrustProxy(e.KEUKENTAFEL_TRUST_PROXY),
    sessionTtlMs: e.KEUKENTAFEL_SESSION_HOURS * 3_600_000,
    retentionDays: e.KEUKENTAFEL_RETENTION_DAYS,
    logLevel: e.LOG_LEVEL,
  };
}
