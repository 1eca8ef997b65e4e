import type { Device, RegisterDeviceResponse, TeamUser } from '../../../shared/api/accounts';
import type { User } from '../../../shared/api/auth';
import type { Db } from '../db/database';
import { toIso } from '../db/database';
import { auditedTransaction } from './audit';
import { teamScope } from './policy';

export interface AccountDeps {
  db: Db;
  clock: () => Date;
  randomBytes: (size: number) => Buffer;
}

export type RegisterOutcome = { ok: RegisterDeviceResponse } | { refused: 'device_exists' };
export type RevokeOutcome = { ok: Device } | { refused: 'device_not_found' };
export type DisableOutcome = { ok: TeamUser } | { refused: 'user_not_found' | 'cannot_disable_self' };

export interface AccountService {
  /** Registers the caller's device with a fresh recovery key and binds the caller's session to it. */
  registerDevice(user: User, tokenHash: string, deviceId: string): Promise<RegisterOutcome>;
  /** Revokes a device of the caller's team: its recovery key is deleted, its sessions are refused from now on. */
  revokeDevice(lead: User, deviceId: string): Promise<RevokeOutcome>;
  listDevices(lead: User, limit: number, cursor?: string): Promise<{ devices: Device[]; nextCursor: string | null }>;
  listUsers(lead: User, limit: number, cursor?: string): Promise<{ users: TeamUser[]; nextCursor: string | null }>;
  /** Disables (or enables again) a user of the caller's team; disabling deletes every session of that user at once. */
  setDisabled(lead: User, userId: string, disabled: boolean): Promise<DisableOutcome>;
}

interface DeviceRow {
  device_id: string;
  user_id: string;
  display_name: string;
  registered_at: Date | string;
  revoked_at: Date | string | null;
}

const toDevice = (r: DeviceRow): Device => ({
  deviceId: r.device_id,
  userId: r.user_id,
  displayName: r.display_name,
  registeredAt: toIso(r.registered_at),
  revokedAt: r.revoked_at === null ? null : toIso(r.revoked_at),
});

interface UserRow {
  user_id: string;
  username: string;
  display_name: string;
  role: TeamUser['role'];
  disabled_at: Date | string | null;
}

const toTeamUser = (r: UserRow): TeamUser => ({
  id: r.user_id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  disabledAt: r.disabled_at === null ? null : toIso(r.disabled_at),
});

export function createAccountService({ db, clock, randomBytes }: AccountDeps): AccountService {
  return {
    async registerDevice(user, tokenHash, deviceId) {
      const now = clock();
      return auditedTransaction(db, now, async (tx, trail) => {
        const recoveryKey = randomBytes(32).toString('base64url');
        const inserted = await tx.query<{ registered_at: Date | string }>(
          `INSERT INTO devices (device_id, user_id, team_id, recovery_key, registered_at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (device_id) DO NOTHING RETURNING registered_at`,
          [deviceId, user.id, user.teamId, recoveryKey, now.toISOString()],
        );
        const row = inserted.rows[0];
        if (!row) {
          trail.add({ userId: user.id, action: 'device.register', entityType: 'device', entityId: deviceId, outcome: 'conflict' });
          return { refused: 'device_exists' } as const;
        }
        await tx.query('UPDATE sessions SET device_id = $1 WHERE token_hash = $2', [deviceId, tokenHash]);
        trail.add({ userId: user.id, action: 'device.register', entityType: 'device', entityId: deviceId, outcome: 'ok' });
        return { ok: { deviceId, recoveryKey, registeredAt: toIso(row.registered_at) } };
      });
    },

    async revokeDevice(lead, deviceId) {
      const now = clock();
      const scope = teamScope(lead, 'device.revoke', { owner: 'd.team_id' }, 2);
      return auditedTransaction(db, now, async (tx, trail) => {
        // Revoking twice keeps the first moment; the key is gone either way.
        const { rows } = await tx.query<DeviceRow>(
          `UPDATE devices d SET revoked_at = COALESCE(d.revoked_at, $3::timestamptz), recovery_key = NULL
           FROM users u WHERE u.user_id = d.user_id AND d.device_id = $1::uuid AND ${scope.sql}
           RETURNING d.device_id, d.user_id, u.display_name, d.registered_at, d.revoked_at`,
          [deviceId, ...scope.params, now.toISOString()],
        );
        const row = rows[0];
        trail.add({ userId: lead.id, action: 'device.revoke', entityType: 'device', entityId: deviceId, outcome: row ? 'ok' : 'rejected' });
        return row ? { ok: toDevice(row) } : ({ refused: 'device_not_found' } as const);
      });
    },

    async listDevices(lead, limit, cursor) {
      const scope = teamScope(lead, 'device.list', { owner: 'd.team_id' }, 1);
      return auditedTransaction(db, clock(), async (tx, trail) => {
        const { rows } = await tx.query<DeviceRow>(
          `SELECT d.device_id, d.user_id, u.display_name, d.registered_at, d.revoked_at
           FROM devices d JOIN users u ON u.user_id = d.user_id
           WHERE ${scope.sql} AND ($2::uuid IS NULL OR d.device_id > $2::uuid) ORDER BY d.device_id LIMIT $3`,
          [...scope.params, cursor ?? null, limit + 1],
        );
        const page = rows.slice(0, limit);
        trail.add({ userId: lead.id, action: 'device.list', entityType: 'device', entityId: null, outcome: 'ok' });
        return { devices: page.map(toDevice), nextCursor: rows.length > limit ? (page.at(-1)?.device_id ?? null) : null };
      });
    },

    async listUsers(lead, limit, cursor) {
      const scope = teamScope(lead, 'user.list', { owner: 'team_id' }, 1);
      return auditedTransaction(db, clock(), async (tx, trail) => {
        const { rows } = await tx.query<UserRow>(
          `SELECT user_id, username, display_name, role, disabled_at FROM users
           WHERE ${scope.sql} AND ($2::uuid IS NULL OR user_id > $2::uuid) ORDER BY user_id LIMIT $3`,
          [...scope.params, cursor ?? null, limit + 1],
        );
        const page = rows.slice(0, limit);
        trail.add({ userId: lead.id, action: 'user.list', entityType: 'user', entityId: null, outcome: 'ok' });
        return { users: page.map(toTeamUser), nextCursor: rows.length > limit ? (page.at(-1)?.user_id ?? null) : null };
      });
    },

    async setDisabled(lead, userId, disabled) {
      const now = clock();
      const action = disabled ? 'user.disable' : 'user.enable';
      // A team lead never disables themselves, so a team always keeps someone who can enable the others again.
      if (disabled && userId.toLowerCase() === lead.id.toLowerCase()) {
        await auditedTransaction(db, now, (_tx, trail) => {
          trail.add({ userId: lead.id, action, entityType: 'user', entityId: userId, outcome: 'rejected' });
          return Promise.resolve();
        });
        return { refused: 'cannot_disable_self' };
      }
      const scope = teamScope(lead, 'user.disable', { owner: 'team_id' }, 2);
      return auditedTransaction(db, now, async (tx, trail) => {
        const { rows } = await tx.query<UserRow>(
          `UPDATE users SET disabled_at = ${disabled ? 'COALESCE(disabled_at, $3::timestamptz)' : 'NULL'}
           WHERE user_id = $1::uuid AND ${scope.sql}
           RETURNING user_id, username, display_name, role, disabled_at`,
          disabled ? [userId, ...scope.params, now.toISOString()] : [userId, ...scope.params],
        );
        const row = rows[0];
        if (row && disabled) await tx.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
        trail.add({ userId: lead.id, action, entityType: 'user', entityId: userId, outcome: row ? 'ok' : 'rejected' });
        return row ? { ok: toTeamUser(row) } : ({ refused: 'user_not_found' } as const);
      });
    },
  };
}
