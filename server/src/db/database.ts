import { createHash } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export interface QueryOptions {
  /**
   * Keep the statement prepared on its connection (PostgreSQL), so a hot statement is parsed and planned once per
   * connection instead of on every call. Only for statements whose text comes in a few variants: each variant
   * stays prepared for as long as the connection lives. PGlite ignores it.
   */
  prepared?: boolean;
}

/** What services may do with SQL; both adapters and an open transaction offer it. */
export interface Queryable {
  query<T>(sql: string, params?: readonly unknown[], options?: QueryOptions): Promise<{ rows: T[] }>;
  /** Runs one or more statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs fn in one transaction; a thrown error rolls everything back. */
  transaction<R>(fn: (tx: Queryable) => Promise<R>): Promise<R>;
  close(): Promise<void>;
}

/** Embedded PostgreSQL: in memory when dataDir is undefined or ':memory:', else in that folder. */
export async function createPgliteDb(dataDir?: string): Promise<Db> {
  const pglite = dataDir === undefined || dataDir === ':memory:' ? await PGlite.create() : await PGlite.create(dataDir);
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    query: async <T>(sql: string, params: readonly unknown[] = []) => {
      const result = await q.query<T>(sql, [...params]);
      return { rows: result.rows };
    },
    exec: async (sql: string) => {
      await q.exec(sql);
    },
  });
  return {
    kind: 'pglite',
    ...wrap(pglite),
    transaction: (fn) => pglite.transaction((tx) => fn(wrap(tx))),
    close: () => pglite.close(),
  };
}

export interface PgOptions {
  connectionString: string;
  /** Puts every connection on this schema (tests use a fresh one per file). */
  schema?: string;
  max?: number;
}

/** A prepared statement's name on its connection: one per statement text. */
const preparedName = (sql: string): string => `kt_${createHash('sha1').update(sql).digest('hex')}`;

/** A real PostgreSQL server through a pg Pool. */
export function createPgDb(options: PgOptions): Db {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  const wrap = (q: pg.Pool | pg.PoolClient): Queryable => ({
    query: async <T>(sql: string, params: readonly unknown[] = [], options: QueryOptions = {}) => {
      const result = options.prepared ? await q.query({ name: preparedName(sql), text: sql, values: [...params] }) : await q.query(sql, [...params]);
      return { rows: result.rows as T[] };
    },
    exec: async (sql: string) => {
      await q.query(sql);
    },
  });
  return {
    kind: 'postgres',
    ...wrap(pool),
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** Timestamps come back as Date from both drivers; this keeps the API output ISO-8601 in UTC. */
export function toIso(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  return new Date(String(value)).toISOString();
}
