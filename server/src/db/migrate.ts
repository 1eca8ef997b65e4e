import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Db } from './database';

const defaultDir = fileURLToPath(new URL('./migrations', import.meta.url));
const namePattern = /^\d{4}_[a-z0-9_]+\.sql$/;

export interface Migration {
  name: string;
  sql: string;
}

export async function loadMigrations(dir: string = defaultDir): Promise<Migration[]> {
  const names = (await readdir(dir)).filter((n) => namePattern.test(n)).sort();
  return Promise.all(names.map(async (name) => ({ name, sql: await readFile(`${dir}/${name}`, 'utf8') })));
}

/** Applies the migrations not yet in schema_migrations, in name order, each in its own transaction. Returns the names applied. */
export async function migrate(db: Db, migrations?: Migration[]): Promise<string[]> {
  const all = migrations ?? (await loadMigrations());
  await db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const applied = new Set((await db.query<{ name: string }>('SELECT name FROM schema_migrations')).rows.map((r) => r.name));
  const done: string[] = [];
  for (const migration of all) {
    if (applied.has(migration.name)) continue;
    const ran = await db.transaction(async (tx) => {
      // Several hub processes may start at once on one PostgreSQL: the lock makes them take turns.
      await tx.query('SELECT pg_advisory_xact_lock(4319)');
      const seen = await tx.query('SELECT 1 FROM schema_migrations WHERE name = $1', [migration.name]);
      if (seen.rows.length > 0) return false;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [migration.name]);
      return true;
    });
    if (ran) done.push(migration.name);
  }
  return done;
}
