import { z } from 'zod';
import { recoveryKeySchema, roleSchema } from './auth';

/** Ending sessions, devices and users (issue 11, points 2, 3 and 7). */
export const accountPaths = {
  logout: '/api/v1/auth/logout',
  devices: '/api/v1/devices',
  revokeDevice: '/api/v1/devices/:deviceId/revoke',
  users: '/api/v1/users',
  disableUser: '/api/v1/users/:userId/disable',
  enableUser: '/api/v1/users/:userId/enable',
} as const;

/** POST /api/v1/devices: register the device the caller signed in on, at enrolment. The device makes its id. */
export const registerDeviceRequestSchema = z.object({ deviceId: z.uuid() }).strict();

/**
 * The hub's answer to a registration: the device wraps its data key with `recoveryKey` and keeps only the
 * wrapped form. The hub releases the key again only in the answer to a password sign-in naming this device.
 */
export const registerDeviceResponseSchema = z.object({
  deviceId: z.uuid(),
  recoveryKey: recoveryKeySchema,
  registeredAt: z.iso.datetime(),
});
export type RegisterDeviceResponse = z.infer<typeof registerDeviceResponseSchema>;

export const deviceIdParamsSchema = z.object({ deviceId: z.uuid() });
export const userIdParamsSchema = z.object({ userId: z.uuid() });

/** The most rows one page of the device or user list holds. */
export const maxAccountPage = 200;

/** ?limit=&cursor=: a page of a team's devices or users, by id; `cursor` is the `nextCursor` of the page before. */
export const accountListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(maxAccountPage).default(maxAccountPage),
  cursor: z.uuid().optional(),
});

export const deviceSchema = z.object({
  deviceId: z.uuid(),
  userId: z.uuid(),
  displayName: z.string(),
  registeredAt: z.iso.datetime(),
  /** Set once a team lead revoked the device. */
  revokedAt: z.iso.datetime().nullable(),
});
export type Device = z.infer<typeof deviceSchema>;

export const deviceListResponseSchema = z.object({ devices: z.array(deviceSchema), nextCursor: z.uuid().nullable() });

export const teamUserSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  /** Set while a team lead has disabled the account. */
  disabledAt: z.iso.datetime().nullable(),
});
export type TeamUser = z.infer<typeof teamUserSchema>;

export const userListResponseSchema = z.object({ users: z.array(teamUserSchema), nextCursor: z.uuid().nullable() });
