import { createHash } from 'node:crypto';
import type { LoginResponse, Role, User } from '../../../shared/api/auth';
import type { Db } from '../db/database';
import { toIso } from '../db/database';
import type { PasswordHasher } from './passwords';

export interface AuthDeps {
  db: Db;
  clock: () => Date;
  randomBytes: (size: number) => Buffer;
  passwords: PasswordHasher;
  sessionTtlMs: number;
}

interface UserRow {
  user_id: string;
  username: string;
  display_name: string;
  role: Role;
  team_id: string;
}

const userColumns = 'u.user_id, u.username, u.display_name, u.role, u.team_id';

const toUser = (r: UserRow): User => ({
  id: r.user_id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  teamId: r.team_id,
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

export interface AuthService {
  /** null when the pair is wrong; takes about as long for an unknown user as for a wrong password. */
  login(username: string, password: string): Promise<LoginResponse | null>;
  /** Makes the dummy hash up front, so the first unknown-user login is not slower than later ones. */
  warmUp(): Promise<void>;
  /** The user behind a live bearer token, or null when unknown or expired. */
  authenticate(token: string): Promise<User | null>;
  /** Appends one 'denied' audit row, with the user id when it can be found and nothing personal. */
  recordDenied(denial: Denial): Promise<void>;
}

export function createAuthService(deps: AuthDeps): AuthService {
  const { db, clock, randomBytes, passwords, sessionTtlMs } = deps;
  // Made once per app, lazily: verifying against it makes an unknown user cost as much as a known one.
  let dummyHash: Promise<string> | undefined;
  const dummy = () => (dummyHash ??= passwords.hash(randomBytes(16).toString('hex')));

  return {
    warmUp: async () => {
      await dummy();
    },

    async login(username, password) {
      const found = await db.query<UserRow & { password_hash: string }>(
        `SELECT ${userColumns}, u.password_hash FROM users u WHERE u.username = $1`,
        [username.toLowerCase()],
      );
      const row = found.rows[0];
      if (!row) {
        await passwords.verify(await dummy(), password);
        return null;
      }
      if (!(await passwords.verify(row.password_hash, password))) return null;
      const token = randomBytes(32).toString('base64url');
      const now = clock();
      // Expired sessions are useless; clearing them at sign-in keeps the table small without a timer.
      await db.query('DELETE FROM sessions WHERE user_id = $1 AND expires_at <= $2', [row.user_id, now.toISOString()]);
      const expiresAt = new Date(now.getTime() + sessionTtlMs);
      await db.query('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [
        hashToken(token),
        row.user_id,
        now.toISOString(),
        expiresAt.toISOString(),
      ]);
      return { token, expiresAt: toIso(expiresAt), user: toUser(row) };
    },

    async authenticate(token) {
      const found = await db.query<UserRow>(
        `SELECT ${userColumns} FROM sessions s JOIN users u ON u.user_id = s.user_id
         WHERE s.token_hash = $1 AND s.expires_at > $2`,
        [hashToken(token), clock().toISOString()],
      );
      const row = found.rows[0];
      return row ? toUser(row) : null;
    },

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
