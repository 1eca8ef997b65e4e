import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  accountListQuerySchema,
  accountPaths,
  deviceIdParamsSchema,
  deviceListResponseSchema,
  deviceSchema,
  registerDeviceRequestSchema,
  registerDeviceResponseSchema,
  teamUserSchema,
  userIdParamsSchema,
  userListResponseSchema,
} from '../../../shared/api/accounts';
import { apiErrorSchema } from '../../../shared/api/auth';
import { bearerToken, currentUser, requirePermission } from '../plugins/auth';
import { apiError, messages } from '../plugins/errors';
import type { AccountService } from '../services/accounts';
import type { AuthService } from '../services/auth-service';
import { hashToken } from '../services/auth-service';

const signedInErrors = { 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema };

/** The token requirePermission accepted; always there after it. */
function tokenOf(request: Parameters<typeof bearerToken>[0]): string {
  const token = bearerToken(request);
  if (!token) throw new Error('route is missing requirePermission');
  return token;
}

export function registerAccountRoutes(app: FastifyInstance, { auth, accounts }: { auth: AuthService; accounts: AccountService }): void {
  const zapp = app.withTypeProvider<ZodTypeProvider>();

  zapp.post(
    accountPaths.logout,
    {
      onRequest: requirePermission(auth, 'session.end'),
      schema: {
        summary: 'Sign out: the bearer token stops working at once.',
        security: [{ bearer: [] }],
        response: { 204: z.null().describe('Signed out'), 401: apiErrorSchema },
      },
    },
    async (request, reply) => {
      await auth.logout(currentUser(request), tokenOf(request));
      return reply.code(204).send(null);
    },
  );

  zapp.post(
    accountPaths.devices,
    {
      onRequest: requirePermission(auth, 'device.register'),
      schema: {
        summary: 'Register the device of this session at enrolment; answers its recovery key once.',
        description:
          'The device makes its id and wraps its data key with the recovery key. Later the key comes only with a ' +
          'password sign-in that names the device (`deviceId` in the login body).',
        security: [{ bearer: [] }],
        body: registerDeviceRequestSchema,
        response: { 201: registerDeviceResponseSchema, ...signedInErrors, 409: apiErrorSchema },
      },
    },
    async (request, reply) => {
      const result = await accounts.registerDevice(currentUser(request), hashToken(tokenOf(request)), request.body.deviceId);
      if ('refused' in result) return reply.code(409).send(apiError('device_exists', messages.deviceExists));
      return reply.code(201).send(result.ok);
    },
  );

  zapp.get(
    accountPaths.devices,
    {
      onRequest: requirePermission(auth, 'device.list'),
      schema: {
        summary: "The team lead's list of their team's devices, a page at a time.",
        security: [{ bearer: [] }],
        querystring: accountListQuerySchema,
        response: { 200: deviceListResponseSchema, ...signedInErrors },
      },
    },
    (request) => accounts.listDevices(currentUser(request), request.query.limit, request.query.cursor),
  );

  zapp.post(
    accountPaths.revokeDevice,
    {
      onRequest: requirePermission(auth, 'device.revoke'),
      schema: {
        summary: 'Revoke a device of the team: its token is refused and its recovery key deleted; it wipes itself at its next contact.',
        security: [{ bearer: [] }],
        params: deviceIdParamsSchema,
        response: { 200: deviceSchema, ...signedInErrors, 404: apiErrorSchema },
      },
    },
    async (request, reply) => {
      const result = await accounts.revokeDevice(currentUser(request), request.params.deviceId);
      if ('refused' in result) return reply.code(404).send(apiError('device_not_found', messages.deviceNotFound));
      return result.ok;
    },
  );

  zapp.get(
    accountPaths.users,
    {
      onRequest: requirePermission(auth, 'user.list'),
      schema: {
        summary: "The team lead's list of their team's users, a page at a time.",
        security: [{ bearer: [] }],
        querystring: accountListQuerySchema,
        response: { 200: userListResponseSchema, ...signedInErrors },
      },
    },
    (request) => accounts.listUsers(currentUser(request), request.query.limit, request.query.cursor),
  );

  for (const [path, disabled] of [
    [accountPaths.disableUser, true],
    [accountPaths.enableUser, false],
  ] as const) {
    zapp.post(
      path,
      {
        onRequest: requirePermission(auth, 'user.disable'),
        schema: {
          summary: disabled
            ? 'Disable a user of the team: every token of theirs stops working at once and they cannot sign in.'
            : 'Enable a disabled user of the team again.',
          security: [{ bearer: [] }],
          params: userIdParamsSchema,
          response: { 200: teamUserSchema, ...signedInErrors, 404: apiErrorSchema, ...(disabled ? { 409: apiErrorSchema } : {}) },
        },
      },
      async (request, reply) => {
        const result = await accounts.setDisabled(currentUser(request), request.params.userId, disabled);
        if ('ok' in result) return result.ok;
        if (result.refused === 'cannot_disable_self') return reply.code(409).send(apiError('cannot_disable_self', messages.notYourself));
        return reply.code(404).send(apiError('user_not_found', messages.userNotFound));
      },
    );
  }
}
