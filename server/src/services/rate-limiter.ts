import { createHash } from 'node:crypto';
import type { Db } from '../db/database';

export interface RateLimit {
  /** The limit's name, part of the key: 'login', 'login-ip', 'unauthenticated'. */
  name: string;
  max: number;
  windowMs: number;
}

export interface Hit {
  /** Hits in this window, this one included. */
  hits: number;
  /** More than `max` hits in this window. */
  exceeded: boolean;
  /** This hit is the first over the limit in its window: worth one audit row, the rest are not. */
  firstExceeded: boolean;
  /** Seconds until the window ends, at least 1. */
  retryAfterSeconds: number;
}

export interface RateLimiter {
  /** Counts one hit of `subject` against `limit`, in the database, so every hub process shares the count. */
  hit(limit: RateLimit, subject: string): Promise<Hit>;
}

/** Expired windows are deleted now and then, by whichever hub process counts the hit. */
const sweepEvery = 500;

/**
 * Fixed-window counters in the rate_limits table: one upsert per hit, atomic on PostgreSQL and PGlite alike,
 * so N hubs on one database give the limit once, not N times. The stored key is a hash: no address or username.
 */
export function createRateLimiter({ db, clock }: { db: Db; clock: () => Date }): RateLimiter {
  let sinceSweep = 0;
  return {
    async hit(limit, subject) {
      const now = clock();
      const key = createHash('sha256').update(`${limit.name}\u0000${subject}`).digest('base64url');
      const fresh = new Date(now.getTime() + limit.windowMs);
      const { rows } = await db.query<{ hits: number; window_ends: Date | string }>(
        `INSERT INTO rate_limits AS r (key, hits, window_ends) VALUES ($1, 1, $3::timestamptz)
         ON CONFLICT (key) DO UPDATE SET
           hits = CASE WHEN r.window_ends <= $2::timestamptz THEN 1 ELSE r.hits + 1 END,
           window_ends = CASE WHEN r.window_ends <= $2::timestamptz THEN $3::timestamptz ELSE r.window_ends END
         RETURNING hits, window_ends`,
        [key, now.toISOString(), fresh.toISOString()],
      );
      if (++sinceSweep >= sweepEvery) {
        sinceSweep = 0;
        await db.query('DELETE FROM rate_limits WHERE window_ends <= $1', [now.toISOString()]);
      }
      const row = rows[0];
      if (!row) throw new Error('rate limit upsert returned no row');
      const hits = Number(row.hits);
      const ends = new Date(row.window_ends).getTime();
      return {
        hits,
        exceeded: hits > limit.max,
        firstExceeded: hits === limit.max + 1,
        retryAfterSeconds: Math.max(1, Math.ceil((ends - now.getTime()) / 1000)),
      };
    },
  };
}
