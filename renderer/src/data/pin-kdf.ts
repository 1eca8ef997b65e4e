import { argon2id } from 'hash-wasm';
import { z } from 'zod';
import { asBuffer } from './crypto/bytes';
import { derivePinKey as derivePbkdf2Key } from './crypto/keys';

/**
 * The key derivation that turns the PIN into the key that wraps the data key. Whoever copies the
 * account row can try PINs offline as fast as this function runs, so its cost is the protection
 * (the wrong-PIN delay in the same row stops only someone at the lock screen).
 *
 * Argon2id (memory-hard, so graphics cards gain little) from hash-wasm, a maintained WebAssembly
 * build; the page's CSP allows WebAssembly with 'wasm-unsafe-eval' and nothing else extra.
 * Its parameters are stored in the account row, so they can be raised later: a row with weaker
 * parameters (or PBKDF2 from before) is re-wrapped at its next successful unlock.
 */

export const pinKdfSchema = z.discriminatedUnion('algorithm', [
  z.object({ algorithm: z.literal('pbkdf2-sha256'), iterations: z.number().int().min(1) }),
  z.object({
    algorithm: z.literal('argon2id'),
    /** Memory in KiB. */
    memoryKiB: z.number().int().min(8),
    passes: z.number().int().min(1),
    parallelism: z.number().int().min(1).max(16),
  }),
]);
export type PinKdf = z.infer<typeof pinKdfSchema>;

/**
 * Tuned on the development machine (2 shared cores) to about 0.5–0.7 s per check in Chromium;
 * `npm run bench` reports the figure. 128 MiB makes each guess cost an attacker the same memory.
 */
export const PIN_KDF: PinKdf = { algorithm: 'argon2id', memoryKiB: 128 * 1024, passes: 4, parallelism: 1 };

/** Before the KDF was stored: PBKDF2-SHA256 with the iteration count in the row. */
export const LEGACY_PBKDF2_ITERATIONS = 600_000;

/** The KDF a stored account row was wrapped with; rows from before Argon2 carry only `iterations`. */
export function storedKdf(row: { kdf?: unknown; iterations?: number }): PinKdf | null {
  if (row.kdf === undefined) {
    return typeof row.iterations === 'number' && row.iterations >= 1 ? { algorithm: 'pbkdf2-sha256', iterations: row.iterations } : null;
  }
  const parsed = pinKdfSchema.safeParse(row.kdf);
  return parsed.success ? parsed.data : null;
}

/** True when a row wrapped with `stored` should be re-wrapped with `target` (it costs an attacker less). */
export function weakerThan(stored: PinKdf, target: PinKdf): boolean {
  if (target.algorithm === 'pbkdf2-sha256') return stored.algorithm === 'pbkdf2-sha256' && stored.iterations < target.iterations;
  if (stored.algorithm === 'pbkdf2-sha256') return true;
  return stored.memoryKiB < target.memoryKiB || stored.passes < target.passes;
}

/** The AES-GCM key that wraps the data key, from the PIN, the row's salt and the KDF. */
export async function derivePinKey(pin: string, salt: Uint8Array, kdf: PinKdf): Promise<CryptoKey> {
  if (kdf.algorithm === 'pbkdf2-sha256') return derivePbkdf2Key(pin, salt, kdf.iterations);
  const raw = await argon2id({
    password: pin,
    salt,
    memorySize: kdf.memoryKiB,
    iterations: kdf.passes,
    parallelism: kdf.parallelism,
    hashLength: 32,
    outputType: 'binary',
  });
  try {
    return await crypto.subtle.importKey('raw', asBuffer(raw), { name: 'AES-GCM' }, false, ['wrapKey', 'unwrapKey']);
  } finally {
    raw.fill(0);
  }
}
