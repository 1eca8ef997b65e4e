import type { Channel, HostApi, HostEvent, HostInfo, IpcRequest, IpcResponse } from '../../shared/ipc/contract';
import type { Result } from '../../shared/result';

/** The part of ipcRenderer the preload needs; the real one is never handed to the page. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (...args: unknown[]) => void): unknown;
}

const LOCK_EVENT: HostEvent = 'host:lock';

/** Implements HostApi over IPC. Main validates everything; here we only shape calls and answers. */
export function createHostApi(ipc: IpcRendererLike): HostApi {
  const call = async <C extends Channel>(channel: C, request: IpcRequest<C>): Promise<Result<IpcResponse<C>>> => {
    try {
      return (await ipc.invoke(channel, request)) as Result<IpcResponse<C>>;
    } catch {
      return { ok: false, error: { code: 'ipc.unreachable' } };
    }
  };
  const dataOf = (answer: Result<{ data: string }>): Result<string> =>
    answer.ok ? { ok: true, value: answer.value.data } : answer;

  return {
    info: (): Promise<Result<HostInfo>> => call('host:info', {}),
    wrapKey: async (data) => dataOf(await call('keys:wrap', { data })),
    unwrapKey: async (data) => dataOf(await call('keys:unwrap', { data })),
    onLock: (cb) => {
      // The IPC event (which carries the sender) never reaches the page: cb gets no arguments.
      const listener = (): void => cb();
      ipc.on(LOCK_EVENT, listener);
      return () => {
        ipc.removeListener(LOCK_EVENT, listener);
      };
    },
  };
}
