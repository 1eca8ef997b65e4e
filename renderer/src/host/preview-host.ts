import Dexie, { type EntityTable } from 'dexie';
import type { HostApi, HostInfo } from '../../../shared/ipc/contract';
import { fail, ok } from '../../../shared/result';
import { asBuffer, concat, fromBase64, toBase64 } from '../data/crypto/bytes';

/**
 * The host in a plain browser (tests, demos). Instead of safeStorage it wraps with a
 * non-extractable AES-GCM key kept as a CryptoKey object in its own IndexedDB database.
 */

export const HOST_DB_NAME = 'keukentafel-host';
const IV_BYTES = 12;

interface HostKeyRow {
  id: 'wrap';
  key: CryptoKey;
}

class HostKeyDb extends Dexie {
  keys!: EntityTable<HostKeyRow, 'id'>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ keys: 'id' });
  }
}

export interface PreviewHostDeps {
  dbName?: string;
  version?: string;
  platform?: string;
}

export function createPreviewHost(deps: PreviewHostDeps = {}): HostApi {
  const db = new HostKeyDb(deps.dbName ?? HOST_DB_NAME);
  let pending: Promise<CryptoKey> | null = null;

  async function loadOrCreate(): Promise<CryptoKey> {
    const existing = await db.keys.get('wrap');
    if (existing) return existing.key;
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    // add, not put: if another tab created one first, the add fails and we use theirs.
    try {
      await db.keys.add({ id: 'wrap', key });
      return key;
    } catch {
      const row = await db.keys.get('wrap');
      if (!row) throw new Error('host key missing');
      return row.key;
    }
  }

  const hostKey = () => {
    pending ??= loadOrCreate().catch((error: unknown) => {
      pending = null;
      throw error;
    });
    return pending;
  };

  const info: HostInfo = {
    kind: 'preview',
    version: deps.version ?? 'preview',
    platform: deps.platform ?? (globalThis.navigator?.userAgent || 'browser'),
    hubUrl: '',
  };

  return {
    info: () => Promise.resolve(ok(info)),
    async wrapKey(data) {
      try {
        const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
        const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await hostKey(), fromBase64(data));
        return ok(toBase64(concat(iv, new Uint8Array(sealed))));
      } catch {
        return fail('keys.browser-wrap-failed');
      }
    },
    async unwrapKey(data) {
      try {
        const bytes = fromBase64(data);
        const plain = await crypto.subtle.decrypt(
          { name: 'AES-GCM', iv: bytes.subarray(0, IV_BYTES) },
          await hostKey(),
          asBuffer(bytes.subarray(IV_BYTES)),
        );
        return ok(toBase64(new Uint8Array(plain)));
      } catch {
        return fail('keys.browser-mismatch');
      }
    },
    // The browser has no suspend or screen-lock event; the app's idle lock still applies.
    onLock: () => () => undefined,
  };
}
