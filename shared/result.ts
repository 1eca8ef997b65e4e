/**
 * Answer shape for every host call and data-layer operation: callers branch on `ok` and on
 * `error.code`, never on thrown errors or on sentences. The renderer turns codes into Dutch at the
 * edge of the UI (renderer/src/i18n/errors.ts).
 */

/** Values a message needs, e.g. `{ waitMs: 5000 }` or `{ left: 2 }`; never personal data. */
export type ErrorParams = Readonly<Record<string, string | number>>;

/**
 * Codes the app itself produces. The hub's own `error` codes pass through as `hub.<code>`
 * (e.g. `hub.invalid_credentials`), with the hub's Dutch `message` in `params.message`.
 */
export const errorCodes = [
  // Host (Electron main, preload, preview host)
  'ipc.sender',
  'ipc.request',
  'ipc.response',
  'ipc.failed',
  'ipc.unreachable',
  'keys.no-keyring',
  'keys.unavailable',
  'keys.wrap-failed',
  'keys.unwrap-failed',
  'keys.browser-wrap-failed',
  'keys.browser-mismatch',
  // Device account
  'account.none',
  'account.other-worker',
  'account.key-problem',
  'account.demo-only',
  'account.upgrade-failed',
  'account.no-recovery',
  'account.password-needed',
  'account.wipe-refused',
  'pin.invalid',
  'pin.too-easy',
  'pin.wrong',
  'pin.too-often',
  // Session
  'session.locked',
  'session.other-account',
  'session.not-saved',
  'session.wrong-password',
  // Network and hub answers the device recognises without a hub code
  'net.offline',
  'net.insecure-hub',
  'net.timeout',
  'hub.bad_answer',
  // Sync
  'sync.run-failed',
  'sync.wrong-entity',
  'sync.unknown-kind',
  'sync.event-id-reused',
  // Device records
  'record.unreadable',
  // A form value refused by a zod schema: `params.message` is the schema's Dutch message
  'input.invalid',
  // Amounts typed by the worker
  'amount.empty',
  'amount.format',
  'amount.decimals',
  'amount.too-high',
  // Handover dossier (shared/domain/dossier.ts)
  'dossier.consent-not-valid',
  'dossier.consent-other-household',
  'dossier.unknown-recipient',
  'dossier.invalid',
  'dossier.too-large',
] as const;

export type AppErrorCode = (typeof errorCodes)[number];
export type ErrorCode = AppErrorCode | `hub.${string}`;

export interface AppError {
  readonly code: ErrorCode;
  readonly params?: ErrorParams;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(code: ErrorCode, params?: ErrorParams): Result<T> => ({
  ok: false,
  error: params === undefined ? { code } : { code, params },
});
/** Passes an error on unchanged (e.g. from a lower layer's Result). */
export const failWith = <T = never>(error: AppError): Result<T> => ({ ok: false, error });

/** Whether an unknown value (e.g. read back over IPC or from IndexedDB) is an AppError. */
export function isAppError(value: unknown): value is AppError {
  if (typeof value !== 'object' || value === null) return false;
  const { code, params } = value as { code?: unknown; params?: unknown };
  if (typeof code !== 'string' || code.length === 0 || code.length > 100) return false;
  if (params === undefined) return true;
  if (typeof params !== 'object' || params === null) return false;
  return Object.values(params).every((v) => typeof v === 'string' || typeof v === 'number');
}
