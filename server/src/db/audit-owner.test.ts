import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths } from '../../../shared/api/cases';
import { buildApp } from '../app';
import { availableBackends } from '../test-support/backends';
import { auditOwnerStatements, lockAuditTables } from './audit-owner';
import type { Db } from './database';
import { createPgDb, createPgliteDb } from './database';
import { migrate } from './migrate';

/**
 * The hub's role cannot alter, disable or empty the audit log on PostgreSQL once an administrator has run
 * lockAuditTables. It needs two connections: DATABASE_URL, an administrator (CI's keukentafel_ci is a superuser),
 * and HUB_DATABASE_URL, a role without superuser or ownership, as a real hub runs (.ci/run makes keukentafel_hub).
 */
const adminUrl = process.env.DATABASE_URL;
const hubUrl = process.env.HUB_DATABASE_URL;
const owner = process.env.KEUKENTAFEL_AUDIT_OWNER ?? 'keukentafel_audit';

describe('auditOwnerStatements', () => {
  it('refuses role names it would have to quote, and an owner that is the hub itself', () => {
    expect(() => auditOwnerStatements({ owner: 'audit; DROP TABLE x', hub: 'hub' })).toThrow(/role name/);
    expect(() => auditOwnerStatements({ owner: 'hub', hub: 'hub' })).toThrow(/must not/);
    expect(auditOwnerStatements({ owner: 'keukentafel_audit', hub: 'keukentafel_hub' })).toContain('GRANT SELECT, INSERT ON audit_log TO keukentafel_hub');
  });

  it('refuses to run on PGlite, where it could not hold', async () => {
    const db = await createPgliteDb();
    try {
      await expect(lockAuditTables(db, { owner: 'keukentafel_audit', hub: 'keukentafel_hub' })).rejects.toThrow(/PostgreSQL/);
    } finally {
      await db.close();
    }
  });
});

describe.each(availableBackends())('the audit log against the hub itself on $name', (backend) => {
  // PGlite runs everything as its one superuser: no grant can stop it, so there the append-only trigger is the only
  // guard and a hub that disables it can delete rows. The owner role is a PostgreSQL deployment's protection.
  const runs = backend.name === 'postgres' && adminUrl !== undefined && hubUrl !== undefined;
  const schema = `kt_test_audit_${randomBytes(6).toString('hex')}`;
  let admin: Db;
  let hub: Db;
  let hubRole = '';

  beforeAll(async () => {
    if (!runs) return;
    hubRole = decodeURIComponent(new URL(hubUrl).username);
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [owner]);
      if (exists.rowCount === 0) await client.query(`CREATE ROLE ${owner} NOLOGIN`).catch(() => undefined);
      const { rows } = await client.query<{ rolsuper: boolean }>('SELECT rolsuper FROM pg_roles WHERE rolname = $1', [hubRole]);
      if (rows[0]?.rolsuper !== false) throw new Error(`HUB_DATABASE_URL must name an existing role without superuser, not ${hubRole}`);
      // As in the README: the schema belongs to the owner, the hub may create its own tables in it.
      await client.query(`CREATE SCHEMA ${schema} AUTHORIZATION ${owner}`);
      await client.query(`GRANT USAGE, CREATE ON SCHEMA ${schema} TO ${hubRole}`);
    } finally {
      await client.end();
    }
    hub = createPgDb({ connectionString: hubUrl, schema, max: 2 });
    admin = createPgDb({ connectionString: adminUrl, schema, max: 1 });
    await migrate(hub);
    await lockAuditTables(admin, { owner, hub: hubRole });
  });
  afterAll(async () => {
    if (!runs) return;
    await hub.close();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.close();
  });

  it.skipIf(!runs)('keeps writing and reading audit rows, and cannot alter, disable, replace or delete them', async () => {
    const app = await buildApp({ db: hub, loginLimitPerMinute: 5 });
    try {
      // A refused request writes its audit row as the hub's role.
      expect((await app.inject({ method: 'GET', url: apiPaths.me })).statusCode).toBe(401);
    } finally {
      await app.close();
    }
    const rows = async () => Number((await hub.query<{ n: string }>('SELECT count(*)::text AS n FROM audit_log')).rows[0]?.n);
    expect(await rows()).toBe(1);

    const attempts = [
      'DELETE FROM audit_log',
      "UPDATE audit_log SET outcome = 'ok'",
      'TRUNCATE audit_log',
      'ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete',
      'ALTER TABLE audit_log DISABLE TRIGGER ALL',
      'ALTER TABLE audit_log RENAME TO audit_log_old',
      'DROP TABLE audit_log',
      'DROP TRIGGER audit_log_no_update_delete ON audit_log',
      'CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger AS $$ BEGIN RETURN OLD; END; $$ LANGUAGE plpgsql',
      `DROP SCHEMA ${schema} CASCADE`,
      'DELETE FROM signal_events',
    ];
    for (const sql of attempts) {
      await expect(hub.exec(sql), sql).rejects.toThrow(/permission denied|must be owner/);
    }
    expect(await rows()).toBe(1);
  });
});
