import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Db } from '../db/database';
import { createPgDb, createPgliteDb } from '../db/database';

export interface Backend {
  name: 'pglite' | 'postgres';
  /** A fresh, empty database; close() removes what the test made. */
  open(): Promise<Db>;
}

/** A schema of its own per test file, so parallel runs on one server never collide; dropped on close. */
async function openPgSchema(url: string): Promise<Db> {
  const schema = `kt_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const db = createPgDb({ connectionString: url, schema, max: 4 });
  return {
    ...db,
    close: async () => {
      await db.query(`DROP SCHEMA ${schema} CASCADE`);
      await db.close();
    },
  };
}

/** PGlite always; PostgreSQL too when DATABASE_URL is set. */
export function availableBackends(env: Record<string, string | undefined> = process.env): Backend[] {
  const url = env.DATABASE_URL;
  const list: Backend[] = [{ name: 'pglite', open: () => createPgliteDb() }];
  if (url) list.push({ name: 'postgres', open: () => openPgSchema(url) });
  return list;
}
