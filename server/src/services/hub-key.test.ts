import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHubCipher, hubKeyFileName, loadHubKey, pooledRandom } from './hub-key';

describe('loadHubKey', () => {
  const dirs: string[] = [];
  const tempDir = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kt-hub-key-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
  });

  it('creates a key file readable by its owner only on the first start, and reads the same key after', async () => {
    const dir = join(await tempDir(), 'nested');
    const first = await loadHubKey({ kind: 'file', dir });
    expect(first.source).toBe('file-created');
    expect(first.key).toHaveLength(32);
    expect((await stat(join(dir, hubKeyFileName))).mode & 0o777).toBe(0o600);
    const again = await loadHubKey({ kind: 'file', dir });
    expect(again).toEqual({ key: first.key, source: 'file' });
  });

  it('keeps one key when two hubs start at once', async () => {
    const dir = await tempDir();
    const [a, b] = await Promise.all([loadHubKey({ kind: 'file', dir }), loadHubKey({ kind: 'file', dir })]);
    expect(a.key.equals(b.key)).toBe(true);
    expect(Buffer.from((await readFile(join(dir, hubKeyFileName), 'utf8')).trim(), 'base64').equals(a.key)).toBe(true);
  });

  it('refuses a damaged key file rather than making a new key that cannot open the stored dossiers', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, hubKeyFileName), 'kapot\n');
    await expect(loadHubKey({ kind: 'file', dir })).rejects.toThrow(/hub key of 32 bytes/);
  });

  it('takes the environment key as it is, and makes a fresh one for an in-memory hub', async () => {
    const key = Buffer.alloc(32, 9);
    expect(await loadHubKey({ kind: 'env', key })).toEqual({ key, source: 'env' });
    const [a, b] = [await loadHubKey({ kind: 'ephemeral' }), await loadHubKey({ kind: 'ephemeral' })];
    expect(a.key.equals(b.key)).toBe(false);
  });
});

describe('createHubCipher', () => {
  const cipher = createHubCipher(Buffer.alloc(32, 1));
  const words = 'Ik durf de post niet meer open te maken.';

  it('seals so the words are not in the bytes, and opens with the same additional data', () => {
    const sealed = cipher.seal(words, 'dossier|case-1|1');
    expect(sealed.toString('latin1')).not.toContain('post');
    expect(cipher.open(sealed, 'dossier|case-1|1').toString('utf8')).toBe(words);
    // A fresh nonce each time: the same words never give the same bytes.
    expect(cipher.seal(words, 'dossier|case-1|1').equals(sealed)).toBe(false);
  });

  it('does not open under another record, another key or with a changed byte', () => {
    const sealed = cipher.seal(words, 'dossier|case-1|1');
    expect(() => cipher.open(sealed, 'dossier|case-1|2')).toThrow();
    expect(() => cipher.open(sealed, 'dossier|case-2|1')).toThrow();
    expect(() => createHubCipher(Buffer.alloc(32, 2)).open(sealed, 'dossier|case-1|1')).toThrow();
    const changed = Buffer.from(sealed);
    changed[changed.length - 1]! ^= 1;
    expect(() => cipher.open(changed, 'dossier|case-1|1')).toThrow();
  });
});

describe('pooledRandom', () => {
  it('hands out slices that never repeat, across refills of the pool', () => {
    const random = pooledRandom(64);
    const nonces = Array.from({ length: 200 }, () => random(12));
    expect(nonces.every((n) => n.length === 12)).toBe(true);
    // 200 nonces span about 40 refills of a 64-byte pool; every one is its own 12 random bytes.
    expect(new Set(nonces.map((n) => n.toString('hex'))).size).toBe(200);
    // Taking more than the pool holds still gives that many bytes.
    expect(random(100).length).toBe(100);
  });
});
