import { channels } from '../../../shared/ipc/contract';
import type { Channel, IpcRequest, IpcResponse } from '../../../shared/ipc/contract';
import { fail, failWith, ok } from '../../../shared/result';
import type { Result } from '../../../shared/result';
import { isAppUrl } from '../config';
import type { IpcEventLike, IpcMainLike } from '../ports';

export type Handler<C extends Channel> = (request: IpcRequest<C>) => Promise<Result<IpcResponse<C>>>;

/** Error codes of the IPC border; the renderer's catalogue (i18n/errors.ts) says them in Dutch. */
export const IPC_ERRORS = {
  sender: 'ipc.sender',
  request: 'ipc.request',
  response: 'ipc.response',
  failed: 'ipc.failed',
} as const;

/** Only the top app page on app://keukentafel may call the host; an iframe on the same origin may not. */
export function isTrustedSender(event: IpcEventLike): boolean {
  try {
    const frame = event.senderFrame;
    if (frame === null) return false;
    return frame.parent === null && frame === event.sender.mainFrame && isAppUrl(frame.url);
  } catch {
    // Electron throws when a frame that navigated away or closed is read; such a sender is refused.
    return false;
  }
}

/**
 * Registers one channel: checks the sender, parses the request and the response with the shared
 * zod schemas, and always answers with a Result — nothing is thrown across IPC.
 */
export function registerHandler<C extends Channel>(ipcMain: IpcMainLike, channel: C, handler: Handler<C>): void {
  const schema = channels[channel];
  ipcMain.handle(channel, async (event, ...args): Promise<Result<IpcResponse<C>>> => {
    if (!isTrustedSender(event)) return fail(IPC_ERRORS.sender);
    const request = schema.request.safeParse(args[0] ?? {});
    if (!request.success || args.length > 1) return fail(IPC_ERRORS.request);
    let answer: Result<IpcResponse<C>>;
    try {
      answer = await handler(request.data as IpcRequest<C>);
    } catch {
      return fail(IPC_ERRORS.failed);
    }
    if (!answer.ok) return failWith(answer.error);
    const response = schema.response.safeParse(answer.value);
    return response.success ? ok(response.data as IpcResponse<C>) : fail(IPC_ERRORS.response);
  });
}
