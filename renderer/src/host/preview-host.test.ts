import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { toBase64 } from '../data/crypto/bytes';
import { createPreviewHost } from './preview-host';

const secret = toBase64(new Uint8Array([1, 2, 3, 250, 251, 252]));

describe('preview host', () => {
  it('says it is the preview host and uses the same origin for the hub', async () => {
    const info = await createPreviewHost({ dbName: `host-${crypto.randomUUID()}`, version: '1.2.3', platform: 'test' }).info();
    expect(info).toEqual({ ok: true, value: { kind: 'preview', version: '1.2.3', platform: 'test', hubUrl: '' } });
  });

  it('wraps so that only this browser can unwrap, also after a reload', async () => {
    const dbName = `host-${crypto.randomUUID()}`;
    const wrapped = await createPreviewHost({ dbName }).wrapKey(secret);
    expect(wrapped.ok && wrapped.value).not.toBe(secret);
    if (!wrapped.ok) return;
    expect(await createPreviewHost({ dbName }).unwrapKey(wrapped.value)).toEqual({ ok: true, value: secret });
    const otherBrowser = await createPreviewHost({ dbName: `host-${crypto.randomUUID()}` }).unwrapKey(wrapped.value);
    expect(otherBrowser.ok).toBe(false);
  });

  it('keeps its wrapping key as a non-extractable CryptoKey', async () => {
    const dbName = `host-${crypto.randomUUID()}`;
    await createPreviewHost({ dbName }).wrapKey(secret);
    const raw = new Dexie(dbName);
    raw.version(1).stores({ keys: 'id' });
    const row = (await raw.table('keys').get('wrap')) as { key: CryptoKey };
    expect(row.key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', row.key)).rejects.toThrow();
    raw.close();
  });

  it('offers onLock as a harmless subscription', () => {
    const off = createPreviewHost({ dbName: `host-${crypto.randomUUID()}` }).onLock(() => undefined);
    expect(typeof off).toBe('function');
    off();
  });
});
