import { describe, expect, it } from 'vitest';
import { fail } from '../../../../shared/result';
import { identityHost } from '../../testing/fakes';
import { decryptJson, encryptJson } from './cipher';
import { derivePinKey, generateDataKey, newSalt, toSessionKey, unwrapDataKey, wrapDataKey } from './keys';

const iterations = 1_000;

async function wrapped(pin: string) {
  const salt = newSalt();
  const dataKey = await generateDataKey();
  const result = await wrapDataKey(dataKey, await derivePinKey(pin, salt, iterations), identityHost);
  if (!result.ok) throw new Error(result.error.code);
  return { salt, dataKey, stored: result.value };
}

describe('keys', () => {
  it('opens the data key with the right PIN, as a non-extractable key', async () => {
    const { salt, dataKey, stored } = await wrapped('24680');
    const opened = await unwrapDataKey(stored, await derivePinKey('24680', salt, iterations), identityHost);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.value.extractable).toBe(false);
    const sealed = await encryptJson(dataKey, 'geheim');
    expect(await decryptJson(opened.value, sealed.iv, sealed.data)).toBe('geheim');
  });

  it('reports a wrong PIN as wrong-pin (the AES-GCM check fails)', async () => {
    const { salt, stored } = await wrapped('24680');
    const opened = await unwrapDataKey(stored, await derivePinKey('13579', salt, iterations), identityHost);
    expect(opened).toMatchObject({ ok: false, error: 'wrong-pin' });
  });

  it('tells a host failure apart from a wrong PIN', async () => {
    const { salt, stored } = await wrapped('24680');
    const brokenHost = { ...identityHost, unwrapKey: () => Promise.resolve(fail<string>('keys.unavailable')) };
    const opened = await unwrapDataKey(stored, await derivePinKey('24680', salt, iterations), brokenHost);
    expect(opened).toMatchObject({ ok: false, error: 'host' });
  });

  it('makes a session key that cannot be exported', async () => {
    const session = await toSessionKey(await generateDataKey());
    await expect(crypto.subtle.exportKey('raw', session)).rejects.toThrow();
  });
});
