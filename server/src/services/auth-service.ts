import { createHash } from 'node:crypto';
import type { LoginResponse, Role, User } from '../../../shared/api/auth';
import type { Db } from '../db/database';
import { toIso } from '../db/database';
import { auditedTransaction } from './audit';
import type { PasswordHasher } from './passwords';
import type { Hit, RateLimit, RateLimiter } from './rate-limiter';

export interface AuthDeps {
  db: Db;
  clock: () => Date;
  randomBytes: (size: number) => Buffer;
  passwords: PasswordHasher;
  sessionTtlMs: number;
  limiter: RateLimiter;
  /** Requests with a missing, unknown or expired token, per address: past it they get 429 and no audit row. */
  unauthenticatedLimit: RateLimit;
}

interface UserRow {
  user_id: string;
  username: string;
  display_name: string;
  role: Role;
  team_id: string;
  phone: string | null;
  email: string | null;
}

const userColumns = 'u.user_id, u.username, u.display_name, u.role, u.team_id, u.phone, u.email';

const toUser = (r: UserRow): User => ({
  id: r.user_id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  teamId: r.team_id,
  ...(r.phone === null ? {} : { phone: r.phone }),
  ...(r.email === null ? {} : { email: r.email }),
});

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** A refused sign-in or request. username and token only help find the user id; neither is stored. */
export interface Denial {
  action: string;
  entityType: 'session' | 'route';
  /** The caller, when known (a 403). */
  userId?: string;
  /** A presented bearer token: an expired session still names its user. */
  token?: string;
  /** The username of a refused sign-in. */
  username?: string;
}

/**
 * A sign-in's outcome. A wrong pair is told apart from nothing else; only the right password learns that the
 * account is disabled or the named device revoked.
 */
export type LoginOutcome = { ok: LoginResponse } | { refused: 'invalid_credentials' | 'account_disabled' | 'device_revoked' };

/** A bearer token's user, or why it is refused: 'device_revoked' tells a lost device to wipe itself. */
export type Authenticated = { user: User; deviceId: string | null } | { refused: 'unknown' | 'device_revoked' };

export interface AuthService {
  /**
   * Checks the pair; takes about as long for an unknown user as for a wrong password. With the id of a device
   * registered to this user, the session is that device's and the answer carries its recovery key.
   */
  login(username: string, password: string, deviceId?: string): Promise<LoginOutcome>;
  /** Ends the session of this token at once. */
  logout(user: User, token: string): Promise<void>;
  /** Makes the dummy hash up front, so the first unknown-user login is not slower than later ones. */
  warmUp(): Promise<void>;
  /** The user behind a live bearer token; refused when unknown, expired, of a disabled user or of a revoked device. */
  authenticate(token: string): Promise<Authenticated>;
  /** Counts one refused token from this address against the unauthenticated limit. */
  countUnauthenticated(ip: string): Promise<Hit>;
  /** Appends one 'denied' audit row, with the user id when it can be found and nothing personal. */
  recordDenied(denial: Denial): Promise<void>;
}

export function createAuthService(deps: AuthDeps): AuthService {
  const { db, clock, randomBytes, passwords, sessionTtlMs, limiter, unauthenticatedLimit } = deps;
  // Made once per app, lazily: verifying against it makes an unknown user cost as much as a known one.
  let dummyHash: Promise<string> | undefined;
  const dummy = () => (dummyHash ??= passwords.hash(randomBytes(16).toString('hex')));

  return {
    warmUp: async () => {
      await dummy();
    },

    async login(username, password, deviceId) {
      const found = await db.query<UserRow & { password_hash: string; disabled_at: Date | null }>(
        `SELECT ${userColumns}, u.password_hash, u.disabled_at FROM users u WHERE u.username = $1`,
        [username.toLowerCase()],
      );
      const row = found.rows[0];
      if (!row) {
        await passwords.verify(await dummy(), password);
        return { refused: 'invalid_credentials' };
      }
      if (!(await passwords.verify(row.password_hash, password))) return { refused: 'invalid_credentials' };
      if (row.disabled_at !== null) return { refused: 'account_disabled' };
      // Only a device registered to this very user is bound to the session; any other id is ignored (the device registers anew).
      const device = deviceId
        ? (
            await db.query<{ recovery_key: string | null; revoked_at: Date | null }>(
              'SELECT recovery_key, revoked_at FROM devices WHERE device_id = $1 AND user_id = $2',
              [deviceId, row.user_id],
            )
          ).rows[0]
        : undefined;
      if (device?.revoked_at) return { refused: 'device_revoked' };
      const token = randomBytes(32).toString('base64url');
      const now = clock();
      // Expired sessions are useless; clearing them at sign-in keeps the table small without a timer.
      await db.query('DELETE FROM sessions WHERE user_id = $1 AND expires_at <= $2', [row.user_id, now.toISOString()]);
      const expiresAt = new Date(now.getTime() + sessionTtlMs);
      await db.query('INSERT INTO sessions (token_hash, user_id, created_at, expires_at, device_id) VALUES ($1, $2, $3, $4, $5)', [
        hashToken(token),
        row.user_id,
        now.toISOString(),
        expiresAt.toISOString(),
        device ? deviceId : null,
      ]);
      const answer: LoginResponse = { token, expiresAt: toIso(expiresAt), user: toUser(row) };
      return { ok: device?.recovery_key ? { ...answer, recoveryKey: device.recovery_key } : answer };
    },

    async logout(user, token) {
      await auditedTransaction(db, clock(), async (tx, trail) => {
        await tx.query('DELETE FROM sessions WHERE token_hash = $1', [hashToken(token)]);
        trail.add({ userId: user.id, action: 'session.end', entityType: 'session', entityId: null, outcome: 'ok' });
      });
    },

    async authenticate(token) {
      const found = await db.query<UserRow & { device_id: string | null; device_revoked_at: Date | null }>(
        `SELECT ${userColumns}, s.device_id, d.revoked_at AS device_revoked_at
         FROM sessions s JOIN users u ON u.user_id = s.user_id LEFT JOIN devices d ON d.device_id = s.device_id
         WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.disabled_at IS NULL`,
        [hashToken(token), clock().toISOString()],
      );
      const row = found.rows[0];
      if (!row) return { refused: 'unknown' };
      if (row.device_revoked_at !== null) return { refused: 'device_revoked' };
      return { user: toUser(row), deviceId: row.device_id };
    },

    countUnauthenticated: (ip) => limiter.hit(unauthenticatedLimit, ip),

    async recordDenied({ action, entityType, userId, token, username }) {
      // One statement: the user id comes from the caller, a stored session or the username, whichever is known.
      await db.query(
        `INSERT INTO audit_log (at, user_id, action, entity_type, entity_id, outcome)
         SELECT $1::timestamptz,
                COALESCE($2::uuid, (SELECT user_id FROM sessions WHERE token_hash = $3::text), (SELECT user_id FROM users WHERE username = $4::text)),
                $5::text, $6::text, NULL, 'denied'`,
        [clock().toISOString(), userId ?? null, token ? hashToken(token) : null, username?.toLowerCase() ?? null, action, entityType],
      );
    },
  };
}
