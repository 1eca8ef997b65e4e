import { describe, expect, it } from 'vitest';
import { decryptJson, encryptJson, mapBounded } from './cipher';

const newKey = () => crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);

describe('cipher', () => {
  it('gives back exactly the value that went in', async () => {
    const key = await newKey();
    const value = { name: 'Özdemir', members: [{ age: 9 }], note: 'geen € meer' };
    const { iv, data } = await encryptJson(key, value);
    expect(iv).toHaveLength(12);
    expect(await decryptJson(key, iv, data)).toEqual(value);
  });

  it('uses a fresh iv for every record, so equal values look different', async () => {
    const key = await newKey();
    const a = await encryptJson(key, 'zelfde');
    const b = await encryptJson(key, 'zelfde');
    expect(a.iv).not.toEqual(b.iv);
    expect(a.data).not.toEqual(b.data);
  });

  it('refuses another key and changed bytes', async () => {
    const key = await newKey();
    const sealed = await encryptJson(key, { x: 1 });
    await expect(decryptJson(await newKey(), sealed.iv, sealed.data)).rejects.toThrow();
    const tampered = sealed.data.slice();
    tampered[0] = (tampered[0] ?? 0) ^ 1;
    await expect(decryptJson(key, sealed.iv, tampered)).rejects.toThrow();
  });

  it('maps in bounded chunks and keeps the order', async () => {
    let inFlight = 0;
    let most = 0;
    const out = await mapBounded([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await Promise.resolve();
      inFlight--;
      return n * 2;
    });
    expect(out).toEqual([2, 4, 6, 8, 10, 12, 14]);
    expect(most).toBe(3);
  });
});
