import { describe, expect, it } from 'vitest';
import { ConfigError, defaultDataDir, loadConfig } from './config';

const linux = { platform: 'linux' as const, homedir: '/home/sanne' };

describe('loadConfig', () => {
  it('uses safe defaults: localhost, port 4319, PGlite in the user data folder, no demo', () => {
    const c = loadConfig({}, linux);
    expect(c).toMatchObject({ port: 4319, host: '127.0.0.1', demo: false, loginLimitPerMinute: 10, sessionTtlMs: 12 * 3_600_000 });
    expect(c.database).toEqual({ kind: 'pglite', dataDir: '/home/sanne/.local/share/keukentafel/hub' });
    expect(c.allowedOrigins).toEqual(['app://keukentafel', 'http://localhost:4320', 'http://127.0.0.1:4320']);
  });

  it('prefers DATABASE_URL over a data folder and reads the other variables', () => {
    const c = loadConfig(
      {
        DATABASE_URL: 'postgres://kt:kt@db:5432/hub',
        KEUKENTAFEL_DATA_DIR: ':memory:',
        PORT: '8080',
        KEUKENTAFEL_DEMO: '1',
        KEUKENTAFEL_ALLOWED_ORIGINS: 'https://a.example, https://b.example',
      },
      linux,
    );
    expect(c.database).toEqual({ kind: 'postgres', url: 'postgres://kt:kt@db:5432/hub' });
    expect(c).toMatchObject({ port: 8080, demo: true, allowedOrigins: ['https://a.example', 'https://b.example'] });
    expect(loadConfig({ KEUKENTAFEL_DATA_DIR: ':memory:' }, linux).database).toEqual({ kind: 'pglite', dataDir: ':memory:' });
  });

  it('keeps closed handovers 365 days by default, KEUKENTAFEL_RETENTION_DAYS when set, and refuses 0', () => {
    expect(loadConfig({}, linux).retentionDays).toBe(365);
    expect(loadConfig({ KEUKENTAFEL_RETENTION_DAYS: '90' }, linux).retentionDays).toBe(90);
    expect(() => loadConfig({ KEUKENTAFEL_RETENTION_DAYS: '0' }, linux)).toThrow(ConfigError);
  });

  it('trusts no proxy by default, and the proxies KEUKENTAFEL_TRUST_PROXY names', () => {
    expect(loadConfig({}, linux)).toMatchObject({ trustProxy: false, loginIpLimitPerMinute: 50, unauthenticatedLimitPerMinute: 60 });
    expect(loadConfig({ KEUKENTAFEL_TRUST_PROXY: 'true' }, linux).trustProxy).toBe(true);
    expect(loadConfig({ KEUKENTAFEL_TRUST_PROXY: '10.0.0.5, 192.168.1.0/24,::1' }, linux).trustProxy).toEqual(['10.0.0.5', '192.168.1.0/24', '::1']);
    expect(() => loadConfig({ KEUKENTAFEL_TRUST_PROXY: 'proxy.example' }, linux)).toThrow(/KEUKENTAFEL_TRUST_PROXY/);
    expect(loadConfig({ KEUKENTAFEL_LOGIN_LIMIT: '100' }, linux).loginIpLimitPerMinute).toBe(500);
    expect(loadConfig({ KEUKENTAFEL_LOGIN_IP_LIMIT: '20', KEUKENTAFEL_UNAUTHENTICATED_LIMIT: '5' }, linux)).toMatchObject({ loginIpLimitPerMinute: 20, unauthenticatedLimitPerMinute: 5 });
  });

  it('fails with a message that names the bad variable', () => {
    expect(() => loadConfig({ PORT: 'abc' }, linux)).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'abc' }, linux)).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' }, linux)).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ KEUKENTAFEL_DEMO: 'yes' }, linux)).toThrow(/KEUKENTAFEL_DEMO/);
  });
});

describe('hub key source', () => {
  const key = Buffer.alloc(32, 7).toString('base64');
  it('takes KEUKENTAFEL_HUB_KEY first, else a key file in the data folder, and a passing key only for in-memory PGlite', () => {
    expect(loadConfig({ KEUKENTAFEL_HUB_KEY: key }, linux).hubKey).toEqual({ kind: 'env', key: Buffer.alloc(32, 7) });
    expect(loadConfig({}, linux).hubKey).toEqual({ kind: 'file', dir: '/home/sanne/.local/share/keukentafel/hub' });
    expect(loadConfig({ KEUKENTAFEL_DATA_DIR: '/srv/hub' }, linux).hubKey).toEqual({ kind: 'file', dir: '/srv/hub' });
    expect(loadConfig({ KEUKENTAFEL_DATA_DIR: ':memory:' }, linux).hubKey).toEqual({ kind: 'ephemeral' });
    // PostgreSQL keeps its rows after the hub stops, so its key is never one that dies with the process.
    expect(loadConfig({ DATABASE_URL: 'postgres://kt:kt@db/hub', KEUKENTAFEL_DATA_DIR: ':memory:' }, linux).hubKey).toEqual({
      kind: 'file',
      dir: '/home/sanne/.local/share/keukentafel/hub',
    });
  });

  it('refuses a key that is not base64 of 32 bytes, naming the variable', () => {
    expect(() => loadConfig({ KEUKENTAFEL_HUB_KEY: Buffer.alloc(16).toString('base64') }, linux)).toThrow(/KEUKENTAFEL_HUB_KEY/);
    expect(() => loadConfig({ KEUKENTAFEL_HUB_KEY: 'geen sleutel' }, linux)).toThrow(/KEUKENTAFEL_HUB_KEY/);
  });
});

describe('defaultDataDir', () => {
  it('follows each platform’s convention', () => {
    expect(defaultDataDir({ XDG_DATA_HOME: '/data' }, linux)).toBe('/data/keukentafel/hub');
    expect(defaultDataDir({}, { platform: 'darwin', homedir: '/Users/sanne' })).toBe('/Users/sanne/Library/Application Support/Keukentafel/hub');
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\sanne\\AppData\\Roaming' }, { platform: 'win32', homedir: 'C:\\Users\\sanne' })).toMatch(/Roaming.Keukentafel.hub$/);
  });
});
