import { fail, ok } from '../../../shared/result';
import type { Result } from '../../../shared/result';
import type { IpcMainLike, SafeStorageLike } from '../ports';
import { registerHandler } from './register';

/** Error codes; the renderer's catalogue (i18n/errors.ts) says them in Dutch. */
export const KEY_ERRORS = {
  noKeyring: 'keys.no-keyring',
  unavailable: 'keys.unavailable',
  wrapFailed: 'keys.wrap-failed',
  unwrapFailed: 'keys.unwrap-failed',
} as const;

/** Linux falls back to a hard-coded password when no keyring runs; that is no protection, so we refuse it. */
const INSECURE_LINUX_BACKENDS: ReadonlySet<string> = new Set(['basic_text', 'unknown']);

export interface KeysIpcDeps {
  ipcMain: IpcMainLike;
  safeStorage: SafeStorageLike;
  platform: string;
}

async function checkKeyStore(deps: KeysIpcDeps): Promise<Result<true>> {
  if (deps.platform === 'linux' && INSECURE_LINUX_BACKENDS.has(deps.safeStorage.getSelectedStorageBackend())) {
    return fail(KEY_ERRORS.noKeyring);
  }
  const available = await deps.safeStorage.isAsyncEncryptionAvailable().catch(() => false);
  return available ? ok(true) : fail(KEY_ERRORS.unavailable);
}

/** keys:wrap / keys:unwrap — wraps the PIN-wrapped data key once more with the OS keychain (async API). */
export function registerKeysIpc(deps: KeysIpcDeps): void {
  registerHandler(deps.ipcMain, 'keys:wrap', async ({ data }) => {
    const store = await checkKeyStore(deps);
    if (!store.ok) return store;
    try {
      const encrypted = await deps.safeStorage.encryptStringAsync(data);
      return ok({ data: encrypted.toString('base64') });
    } catch {
      return fail(KEY_ERRORS.wrapFailed);
    }
  });
  registerHandler(deps.ipcMain, 'keys:unwrap', async ({ data }) => {
    const store = await checkKeyStore(deps);
    if (!store.ok) return store;
    try {
      const { result } = await deps.safeStorage.decryptStringAsync(Buffer.from(data, 'base64'));
      return ok({ data: result });
    } catch {
      return fail(KEY_ERRORS.unwrapFailed);
    }
  });
}
