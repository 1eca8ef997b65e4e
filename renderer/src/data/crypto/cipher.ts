import { asBuffer } from './bytes';

/** AES-GCM 256 per record: JSON → UTF-8 → ciphertext, with a fresh 12-byte iv every time. */

export interface Sealed {
  iv: Uint8Array<ArrayBuffer>;
  data: Uint8Array<ArrayBuffer>;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export async function encryptJson(key: CryptoKey, value: unknown): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plain = encoder.encode(JSON.stringify(value));
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plain);
  return { iv, data: new Uint8Array(data) };
}

/** Throws (OperationError) when the key is wrong or the bytes were changed: AES-GCM authenticates. */
export async function decryptJson(key: CryptoKey, iv: Uint8Array, data: Uint8Array): Promise<unknown> {
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: asBuffer(iv) }, key, asBuffer(data));
  return JSON.parse(decoder.decode(plain)) as unknown;
}

/** Runs `fn` over `items` with at most `limit` in flight, keeping order; used to decrypt thousands of rows. */
export async function mapBounded<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += limit) {
    const chunk = await Promise.all(items.slice(i, i + limit).map(fn));
    out.push(...chunk);
  }
  return out;
}
