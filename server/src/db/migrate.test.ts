import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends } from '../test-support/backends';
import type { Db } from './database';
import { loadMigrations, migrate } from './migrate';

describe.each(availableBackends())('migrations on $name', (backend) => {
  let db: Db;
  beforeAll(async () => {
    db = await backend.open();
  });
  afterAll(async () => {
    await db.close();
  });

  it('applies every migration once and nothing on a second run', async () => {
    const files = (await loadMigrations()).map((m) => m.name);
    expect(files[0]).toBe('0001_init.sql');
    expect(await migrate(db)).toEqual(files);
    expect(await migrate(db)).toEqual([]);
    const tracked = await db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
    expect(tracked.rows.map((r) => r.name)).toEqual(files);
  });

  it('applies a later migration and rolls back a broken one whole', async () => {
    const base = await loadMigrations();
    expect(await migrate(db, [...base, { name: '0002_extra.sql', sql: 'CREATE TABLE extra (id int);' }])).toEqual(['0002_extra.sql']);
    const broken = { name: '0003_broken.sql', sql: 'CREATE TABLE half (id int); SELECT * FROM no_such_table;' };
    await expect(migrate(db, [...base, broken])).rejects.toThrow();
    const half = await db.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'half'");
    expect(half.rows).toHaveLength(0);
    const tracked = await db.query("SELECT 1 FROM schema_migrations WHERE name = '0003_broken.sql'");
    expect(tracked.rows).toHaveLength(0);
  });

  it('keeps the audit log append-only', async () => {
    await db.query(
      "INSERT INTO audit_log (at, user_id, action, entity_type, entity_id, outcome) VALUES (now(), NULL, 'test', 'case', NULL, 'ok')",
    );
    await expect(db.query("UPDATE audit_log SET outcome = 'changed'")).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(db.exec('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    const rows = await db.query<{ outcome: string }>('SELECT outcome FROM audit_log');
    expect(rows.rows).toEqual([{ outcome: 'ok' }]);
  });
});
