import { mkdir } from 'node:fs/promises';
import type { HubConfig } from '../config';
import type { Db } from '../db/database';
import { createPgDb, createPgliteDb } from '../db/database';
import { migrate } from '../db/migrate';

/** Opens the configured database and brings its schema up to date. */
export async function openDatabase(database: HubConfig['database']): Promise<{ db: Db; applied: string[]; where: string }> {
  let db: Db;
  let where: string;
  if (database.kind === 'postgres') {
    db = createPgDb({ connectionString: database.url });
    where = 'PostgreSQL (DATABASE_URL)';
  } else {
    if (database.dataDir !== ':memory:') await mkdir(database.dataDir, { recursive: true });
    db = await createPgliteDb(database.dataDir);
    where = database.dataDir === ':memory:' ? 'PGlite in memory' : `PGlite in ${database.dataDir}`;
  }
  try {
    return { db, applied: await migrate(db), where };
  } catch (error) {
    await db.close();
    throw error;
  }
}
