import type { FastifyError, FastifyInstance, FastifySchemaCompiler, FastifySchemaValidationError } from 'fastify';
import { z } from 'zod';
import type { ApiError } from '../../../shared/api/auth';
import type { HubErrorCode } from '../../../shared/api/errors';

const dutchZodErrors = z.locales.nl().localeError;

export const messages = {
  badRequest: 'De gegevens kloppen niet. Kijk de velden na en probeer het opnieuw.',
  badJson: 'De gegevens zijn geen geldige JSON.',
  tooLarge: 'Het verzoek is te groot.',
  mediaType: 'Stuur de gegevens als JSON.',
  notFound: 'Deze pagina bestaat niet.',
  rateLimited: 'Te veel pogingen. Wacht een minuut en probeer het opnieuw.',
  sessionExpired: 'Uw sessie is verlopen. Meld u opnieuw aan.',
  forbidden: 'U heeft geen toegang tot dit onderdeel.',
  badLogin: 'Gebruikersnaam of wachtwoord klopt niet.',
  outOfRange: 'Een waarde valt buiten het geldige bereik.',
  internal: 'Er ging iets mis bij de gemeente. Probeer het later opnieuw.',
  keyReused: 'Deze verzendsleutel is al gebruikt voor andere gegevens. Maak een nieuwe sleutel.',
  caseExists: 'Deze casus is al ontvangen met een andere verzendsleutel.',
  unavailable: 'De database is niet bereikbaar.',
  teamMismatch: 'U kunt alleen gegevens van uw eigen team versturen.',
  deviceRevoked: 'Dit apparaat is ingetrokken door de teamleider. De gegevens op dit apparaat worden gewist.',
  accountDisabled: 'Uw account is uitgezet. Neem contact op met uw teamleider.',
  deviceExists: 'Dit apparaat is al aangemeld. Meld u aan met uw wachtwoord om verder te gaan.',
  deviceNotFound: 'Dit apparaat is niet gevonden in uw team.',
  userNotFound: 'Deze medewerker is niet gevonden in uw team.',
  notYourself: 'U kunt uw eigen account niet uitzetten.',
} as const;

/** An error body; the code must be one of shared/api/errors.ts, so the device can map every code the hub sends. */
export const apiError = (error: HubErrorCode, message: string, issues?: ApiError['issues']): ApiError =>
  issues ? { error, message, issues } : { error, message };

/** Like fastify-type-provider-zod's compiler, but with Dutch default messages. */
export const dutchValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data, { error: dutchZodErrors });
    if (result.success) return { value: result.data };
    const validation: FastifySchemaValidationError[] = result.error.issues.map((issue) => ({
      keyword: issue.code,
      instancePath: `/${issue.path.map(String).join('/')}`,
      schemaPath: `#/${issue.path.map(String).join('/')}`,
      message: issue.message,
      params: {},
    }));
    return { error: validation as unknown as Error };
  };

const toIssues = (error: FastifyError): ApiError['issues'] =>
  (error.validation ?? []).map((v) => ({
    path: [error.validationContext, ...v.instancePath.split('/').filter((p) => p.length > 0)].filter(Boolean).join('.'),
    message: v.message ?? messages.badRequest,
  }));

/** SQLSTATE class 22 (data exception) from pg or PGlite: a value out of range or of the wrong form. */
const isPgDataException = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && 'severity' in error && /^22[0-9A-Z]{3}$/.test(String((error as { code?: unknown }).code));

const clientErrors: Record<string, { error: HubErrorCode; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { error: 'bad_request', message: messages.badJson },
  FST_ERR_CTP_EMPTY_JSON_BODY: { error: 'bad_request', message: messages.badJson },
  FST_ERR_CTP_BODY_TOO_LARGE: { error: 'payload_too_large', message: messages.tooLarge },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { error: 'unsupported_media_type', message: messages.mediaType },
};

/** Every error leaves as apiErrorSchema with a Dutch message; bad input is a 4xx, never a 500. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setValidatorCompiler(dutchValidatorCompiler);
  app.setSchemaErrorFormatter(() => new Error(messages.badRequest));

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.validation) return reply.code(400).send(apiError('bad_request', messages.badRequest, toIssues(error)));
    // Input that passed zod but PostgreSQL refuses (say year 0000) is still bad input: a 400, and the transaction rolled back.
    if (isPgDataException(error)) return reply.code(400).send(apiError('bad_request', messages.badRequest, [{ path: 'body', message: messages.outOfRange }]));
    const status = error.statusCode ?? 500;
    if (status === 429) return reply.code(429).send(apiError('rate_limited', messages.rateLimited));
    if (status >= 400 && status < 500) {
      const known = clientErrors[error.code] ?? { error: 'bad_request', message: messages.badRequest };
      return reply.code(status).send(apiError(known.error, known.message));
    }
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send(apiError('internal', messages.internal));
  });

  app.setNotFoundHandler((_request, reply) => reply.code(404).send(apiError('not_found', messages.notFound)));
}
