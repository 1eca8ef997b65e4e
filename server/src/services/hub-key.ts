import { createCipheriv, createDecipheriv, createSecretKey, randomBytes } from 'node:crypto';
import { readFile, writeFile, mkdir, chmod } from 'node:fs/promises';
import { join } from 'node:path';
import type { HubConfig } from '../config';

/** The key file in the hub's data folder: 32 random bytes, base64, readable by the hub's user only. */
export const hubKeyFileName = 'hub-key';
const keyBytes = 32;

export interface LoadedHubKey {
  key: Buffer;
  /** Where it came from; 'file-created' on the first start. Never the key itself. */
  source: 'env' | 'file' | 'file-created' | 'ephemeral';
}

function parseKey(text: string, where: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== keyBytes) throw new Error(`${where} does not hold a hub key of ${keyBytes} bytes (base64)`);
  return key;
}

/**
 * The hub key as the configuration says. A key file is made on first start with mode 0600 (created
 * exclusively, so two hubs starting at once end up with the one key) and read on every later start.
 */
export async function loadHubKey(source: HubConfig['hubKey'], random: (n: number) => Buffer = randomBytes): Promise<LoadedHubKey> {
  if (source.kind === 'env') return { key: source.key, source: 'env' };
  if (source.kind === 'ephemeral') return { key: random(keyBytes), source: 'ephemeral' };
  await mkdir(source.dir, { recursive: true, mode: 0o700 });
  const path = join(source.dir, hubKeyFileName);
  const fresh = random(keyBytes);
  try {
    await writeFile(path, `${fresh.toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
    // The mode above passes through the umask; make sure no one else may read it.
    await chmod(path, 0o600);
    return { key: fresh, source: 'file-created' };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return { key: parseKey(await readFile(path, 'utf8'), path), source: 'file' };
}

/**
 * Sealing with the hub key: AES-256-GCM with a random 96-bit nonce and additional data that binds the
 * ciphertext to the record it belongs to, so a body copied into another row (another case or version)
 * does not open. Layout: format byte (1) | nonce (12) | tag (16) | ciphertext.
 */
const format = 1;
const nonceBytes = 12;
const tagBytes = 16;

export interface HubCipher {
  seal(plaintext: Buffer | string, ad: string): Buffer;
  /** Throws when the key, the additional data or the bytes do not match. */
  open(sealed: Buffer | Uint8Array, ad: string): Buffer;
}

/**
 * Random bytes from the CSPRNG, drawn from a pool that is refilled 4 KiB at a time: one call into the
 * system's generator per 340 nonces instead of one per seal. A handed-out slice is never handed out again.
 */
export function pooledRandom(poolBytes = 4096): (n: number) => Buffer {
  let pool = Buffer.alloc(0);
  let at = 0;
  return (n) => {
    if (at + n > pool.length) {
      pool = randomBytes(Math.max(poolBytes, n));
      at = 0;
    }
    at += n;
    return pool.subarray(at - n, at);
  };
}

export function createHubCipher(key: Buffer, random: (n: number) => Buffer = pooledRandom()): HubCipher {
  if (key.length !== keyBytes) throw new Error(`the hub key must be ${keyBytes} bytes`);
  // One key object for the process: a raw Buffer would be imported again on every seal.
  const secret = createSecretKey(key);
  return {
    seal(plaintext, ad) {
      const nonce = random(nonceBytes);
      const cipher = createCipheriv('aes-256-gcm', secret, nonce);
      cipher.setAAD(Buffer.from(ad, 'utf8'));
      const body = cipher.update(typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext);
      // GCM is a stream mode: final() adds no bytes, so the record is written in one buffer, copied once.
      const rest = cipher.final();
      const sealed = Buffer.allocUnsafe(1 + nonceBytes + tagBytes + body.length + rest.length);
      sealed[0] = format;
      nonce.copy(sealed, 1);
      cipher.getAuthTag().copy(sealed, 1 + nonceBytes);
      body.copy(sealed, 1 + nonceBytes + tagBytes);
      rest.copy(sealed, 1 + nonceBytes + tagBytes + body.length);
      return sealed;
    },
    open(sealed, ad) {
      const bytes = Buffer.from(sealed);
      if (bytes.length < 1 + nonceBytes + tagBytes || bytes[0] !== format) throw new Error('not a sealed hub record');
      const decipher = createDecipheriv('aes-256-gcm', secret, bytes.subarray(1, 1 + nonceBytes));
      decipher.setAAD(Buffer.from(ad, 'utf8'));
      decipher.setAuthTag(bytes.subarray(1 + nonceBytes, 1 + nonceBytes + tagBytes));
      return Buffer.concat([decipher.update(bytes.subarray(1 + nonceBytes + tagBytes)), decipher.final()]);
    },
  };
}
