import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends } from '../test-support/backends';
import type { Db } from './database';

describe.each(availableBackends())('queries on $name', (backend) => {
  let db: Db;
  beforeAll(async () => {
    db = await backend.open();
  });
  afterAll(async () => {
    await db.close();
  });

  it('answers a prepared statement like any other, each time with its own values', async () => {
    const sql = 'SELECT $1::int * 2 AS doubled, $2::text AS word';
    const answers = await db.transaction(async (tx) => [
      (await tx.query<{ doubled: number; word: string }>(sql, [2, 'een'], { prepared: true })).rows[0],
      (await tx.query<{ doubled: number; word: string }>(sql, [21, 'twee'], { prepared: true })).rows[0],
      // Another text under the same option is another statement.
      (await tx.query<{ doubled: number }>('SELECT $1::int * 3 AS doubled', [5], { prepared: true })).rows[0],
    ]);
    expect(answers).toEqual([{ doubled: 4, word: 'een' }, { doubled: 42, word: 'twee' }, { doubled: 15 }]);
  });

  // PGlite ignores the option (it runs in this process; nothing to keep), so only PostgreSQL has statements to look at.
  it.runIf(backend.name === 'postgres')('keeps a prepared statement on its connection, once per text', async () => {
    const sql = "SELECT $1::int AS n, 'kept' AS note";
    const prepared = await db.transaction(async (tx) => {
      await tx.query(sql, [1], { prepared: true });
      await tx.query(sql, [2], { prepared: true });
      await tx.query('SELECT $1::int AS n', [3]);
      return (await tx.query<{ statement: string }>('SELECT statement FROM pg_prepared_statements')).rows.map((r) => r.statement);
    });
    expect(prepared.filter((s) => s === sql)).toHaveLength(1);
    expect(prepared).not.toContain('SELECT $1::int AS n');
  });
});
