import { describe, expect, it } from 'vitest';
import { FakeIpcMain, FakeSafeStorage } from '../testing/fakes';
import { KEY_ERRORS, registerKeysIpc } from './keys.ipc';

const KEY = Buffer.from('pin-wrapped data key').toString('base64');

function setup(platform = 'linux') {
  const ipcMain = new FakeIpcMain();
  const safeStorage = new FakeSafeStorage();
  registerKeysIpc({ ipcMain, safeStorage, platform });
  const wrap = (data: string) => ipcMain.invoke('keys:wrap', [{ data }]);
  const unwrap = (data: string) => ipcMain.invoke('keys:unwrap', [{ data }]);
  return { safeStorage, wrap, unwrap };
}

describe('key wrapping with safeStorage', () => {
  it('wraps and unwraps the data key through the async API', async () => {
    const { safeStorage, wrap, unwrap } = setup();
    const wrapped = (await wrap(KEY)) as { ok: true; value: { data: string } };
    expect(wrapped.ok).toBe(true);
    expect(wrapped.value.data).not.toBe(KEY);
    expect(await unwrap(wrapped.value.data)).toEqual({ ok: true, value: { data: KEY } });
    expect(safeStorage.calls).toEqual([
      'isAsyncEncryptionAvailable',
      'encryptStringAsync',
      'isAsyncEncryptionAvailable',
      'decryptStringAsync',
    ]);
  });

  it.each(['basic_text', 'unknown'])('refuses Linux backend %s with the no-keyring code', async (backend) => {
    const { safeStorage, wrap, unwrap } = setup('linux');
    safeStorage.backend = backend;
    expect(await wrap(KEY)).toEqual({ ok: false, error: { code: KEY_ERRORS.noKeyring } });
    expect(await unwrap(KEY)).toEqual({ ok: false, error: { code: KEY_ERRORS.noKeyring } });
    expect(safeStorage.calls).toEqual([]);
  });

  it('does not look at the Linux backend on Windows or macOS', async () => {
    const { safeStorage, wrap } = setup('win32');
    safeStorage.backend = 'unknown';
    expect(await wrap(KEY)).toMatchObject({ ok: true });
  });

  it('says so when the keychain is not available', async () => {
    const { safeStorage, wrap } = setup();
    safeStorage.available = false;
    expect(await wrap(KEY)).toEqual({ ok: false, error: { code: KEY_ERRORS.unavailable } });
  });

  it('answers a key from another machine with an error, not a crash', async () => {
    const { unwrap } = setup();
    expect(await unwrap(Buffer.from('garbage').toString('base64'))).toEqual({ ok: false, error: { code: KEY_ERRORS.unwrapFailed } });
  });
});
