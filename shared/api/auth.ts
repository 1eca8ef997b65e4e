import { z } from 'zod';

export const roleSchema = z.enum(['worker', 'counsellor', 'teamlead']);
export type Role = z.infer<typeof roleSchema>;

export const loginRequestSchema = z
  .object({
    username: z.string().trim().min(1, 'Vul de gebruikersnaam in.').max(100),
    password: z.string().min(1, 'Vul het wachtwoord in.').max(200),
    /** The signing-in device's id, once it is registered: binds the session to it and releases its recovery key. */
    deviceId: z.uuid().optional(),
  })
  .strict();
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const userSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  teamId: z.uuid(),
  /** Work phone and e-mail, where the municipality gave them: the dossier names the worker as the person to call. */
  phone: z.string().max(30).optional(),
  email: z.string().max(254).optional(),
});
export type User = z.infer<typeof userSchema>;

/** 32 random bytes in base64url, made by the hub per device. */
export const recoveryKeySchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export const loginResponseSchema = z.object({
  token: z.string().min(32),
  expiresAt: z.iso.datetime(),
  user: userSchema,
  /** True only when the hub runs in demo mode (KEUKENTAFEL_DEMO=1): the device then adds demo households at first enrolment. */
  demo: z.boolean().optional(),
  /**
   * The recovery key of the device named in the sign-in (base64url of 32 random bytes), present only when that
   * device is registered to this user and not revoked. It unwraps the device's data key after a forgotten PIN.
   */
  recoveryKey: recoveryKeySchema.optional(),
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;

/** Every 4xx/5xx body from the hub. `message` is Dutch and fit to show a user. */
export const apiErrorSchema = z.object({
  error: z.string(),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;
