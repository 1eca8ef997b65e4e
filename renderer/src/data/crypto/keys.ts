import type { HostApi } from '../../../../shared/ipc/contract';
import type { Result } from '../../../../shared/result';
import { asBuffer, concat, fromBase64, toBase64 } from './bytes';

/**
 * The data key encrypts every record. It is stored twice-wrapped: AES-GCM with a key derived from
 * the PIN (Argon2id, or PBKDF2-SHA256 in rows from before: data/pin-kdf.ts), then by the host
 * (safeStorage in Electron, a WebCrypto key in preview).
 */

export const DEFAULT_PBKDF2_ITERATIONS = 600_000;
const IV_BYTES = 12;

export type KeyHost = Pick<HostApi, 'wrapKey' | 'unwrapKey'>;

export function newSalt(): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(16));
}

/** Extractable only so it can be wrapped once at enrolment; sessions use a non-extractable copy. */
export async function generateDataKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
}

export async function derivePinKey(pin: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: asBuffer(salt), iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}

/** Returns a non-extractable copy of an extractable data key. */
export async function toSessionKey(dataKey: CryptoKey): Promise<CryptoKey> {
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', dataKey));
  try {
    return await crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
  } finally {
    raw.fill(0);
  }
}

export async function wrapDataKey(dataKey: CryptoKey, pinKey: CryptoKey, host: KeyHost): Promise<Result<string>> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const wrapped = new Uint8Array(await crypto.subtle.wrapKey('raw', dataKey, pinKey, { name: 'AES-GCM', iv }));
  return host.wrapKey(toBase64(concat(iv, wrapped)));
}

export type UnwrapError = 'wrong-pin' | 'host';

/**
 * A wrong PIN surfaces as the AES-GCM authentication failure of the unwrap. `extractable` only for a
 * re-wrap under a new PIN key (the account then hands the session a non-extractable copy).
 */
export async function unwrapDataKey(
  stored: string,
  pinKey: CryptoKey,
  host: KeyHost,
  options: { extractable?: boolean } = {},
): Promise<{ ok: true; value: CryptoKey } | { ok: false; error: UnwrapError; message: string }> {
  const opened = await host.unwrapKey(stored);
  if (!opened.ok) return { ok: false, error: 'host', message: opened.error.code };
  const bytes = fromBase64(opened.value);
  try {
    const key = await crypto.subtle.unwrapKey(
      'raw',
      bytes.subarray(IV_BYTES),
      pinKey,
      { name: 'AES-GCM', iv: bytes.subarray(0, IV_BYTES) },
      { name: 'AES-GCM' },
      options.extractable === true,
      ['encrypt', 'decrypt'],
    );
    return { ok: true, value: key };
  } catch {
    return { ok: false, error: 'wrong-pin', message: 'wrong pin' };
  }
}
