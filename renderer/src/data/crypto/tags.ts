import { toBase64 } from './bytes';

/**
 * Opaque row keys: an HMAC-SHA-256 of the logical key ("intake|<household>|domain|verslaving"),
 * so IndexedDB keys and indexes name no life domain, form or household, yet the app finds a row
 * again without a lookup table. The HMAC key is derived from the data key, which stays
 * non-extractable: AES-GCM of zero bytes under a fixed, reserved nonce is a pseudo-random function
 * of the key (records always use random 96-bit nonces, so this nonce is never reused for data);
 * HKDF then makes the HMAC key from those bytes, which are wiped at once.
 */

export interface Tagger {
  /** A 128-bit tag, base64url, for the logical key made of `parts`. */
  tag(...parts: string[]): Promise<string>;
}

const DERIVE_NONCE = new TextEncoder().encode('kt-tags-v1\u0000\u0000');
const encoder = new TextEncoder();

async function deriveTagKey(dataKey: CryptoKey): Promise<CryptoKey> {
  const stream = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: DERIVE_NONCE }, dataKey, new Uint8Array(32)));
  const material = stream.slice(0, 32);
  stream.fill(0);
  try {
    const hkdf = await crypto.subtle.importKey('raw', material, 'HKDF', false, ['deriveKey']);
    return await crypto.subtle.deriveKey(
      { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(32), info: encoder.encode('keukentafel row tags') },
      hkdf,
      { name: 'HMAC', hash: 'SHA-256', length: 256 },
      false,
      ['sign'],
    );
  } finally {
    material.fill(0);
  }
}

function base64url(bytes: Uint8Array): string {
  return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Tags remembered per tagger, so a keystroke's save does not compute its row's HMAC again. */
const MEMO_SIZE = 2_000;

/** Derives the tag key once, on first use; remembers the most recent tags (oldest forgotten first). */
export function createTagger(dataKey: CryptoKey): Tagger {
  let tagKey: Promise<CryptoKey> | null = null;
  const memo = new Map<string, Promise<string>>();
  async function compute(text: string): Promise<string> {
    tagKey ??= deriveTagKey(dataKey);
    const mac = new Uint8Array(await crypto.subtle.sign('HMAC', await tagKey, encoder.encode(text)));
    return base64url(mac.subarray(0, 16));
  }
  return {
    tag(...parts) {
      // Length-prefixed parts, so ("ab","c") and ("a","bc") never meet.
      const text = parts.map((p) => `${p.length}:${p}`).join('|');
      const known = memo.get(text);
      if (known) return known;
      const made = compute(text);
      memo.set(text, made);
      if (memo.size > MEMO_SIZE) memo.delete(memo.keys().next().value as string);
      // A failure is not remembered: the next call tries again.
      made.catch(() => memo.delete(text));
      return made;
    },
  };
}
