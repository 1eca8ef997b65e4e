import { randomUUID } from 'node:crypto';
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
    const all = await loadMigrations();
    const files = all.map((m) => m.name);
    expect(files[0]).toBe('0001_init.sql');
    expect(await migrate(db, all.slice(0, 1))).toEqual(['0001_init.sql']);
    // A case received under the first schema, to see what the later migrations make of it.
    const [team, user, caseId] = [randomUUID(), randomUUID(), randomUUID()];
    await db.query("INSERT INTO teams (team_id, name) VALUES ($1, 'T')", [team]);
    await db.query("INSERT INTO users (user_id, username, display_name, password_hash, role, team_id) VALUES ($1, 'w', 'W', 'x', 'worker', $2)", [user, team]);
    await db.query(
      "INSERT INTO cases (case_id, team_id, created_by, postcode_area, adults, children, opened_at, received_at) VALUES ($1, $2, $3, '6411', 1, 0, '2026-03-01T23:30:00.123Z', '2026-03-02T08:00:00Z')",
      [caseId, team, user],
    );
    expect(await migrate(db)).toEqual(files.slice(1));
    expect(await migrate(db)).toEqual([]);
    const tracked = await db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
    expect(tracked.rows.map((r) => r.name)).toEqual(files);
    // The old case keeps its day in Dutch time and loses the moment; it is in the change feed as received.
    const stored = await db.query('SELECT opened_on::text AS opened_on, opened_at FROM cases WHERE case_id = $1', [caseId]);
    expect(stored.rows).toEqual([{ opened_on: '2026-03-02', opened_at: null }]);
    const feed = await db.query("SELECT entity, case_id::text AS case_id, status FROM changes WHERE team_id = $1", [team]);
    expect(feed.rows).toEqual([{ entity: 'case', case_id: caseId, status: 'received' }]);
  });

  it('applies a later migration and rolls back a broken one whole', async () => {
    const base = await loadMigrations();
    expect(await migrate(db, [...base, { name: '9998_extra.sql', sql: 'CREATE TABLE extra (id int);' }])).toEqual(['9998_extra.sql']);
    const broken = { name: '9999_broken.sql', sql: 'CREATE TABLE half (id int); SELECT * FROM no_such_table;' };
    await expect(migrate(db, [...base, broken])).rejects.toThrow();
    const half = await db.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'half'");
    expect(half.rows).toHaveLength(0);
    const tracked = await db.query("SELECT 1 FROM schema_migrations WHERE name = '9999_broken.sql'");
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
