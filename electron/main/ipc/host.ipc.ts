import { ok } from '../../../shared/result';
import type { IpcMainLike } from '../ports';
import { registerHandler } from './register';

export interface HostIpcDeps {
  ipcMain: IpcMainLike;
  version: string;
  platform: string;
  hubUrl: string;
}

/** host:info — who the host is and which hub the renderer should talk to. */
export function registerHostIpc(deps: HostIpcDeps): void {
  registerHandler(deps.ipcMain, 'host:info', () =>
    Promise.resolve(ok({ kind: 'electron' as const, version: deps.version, platform: deps.platform, hubUrl: deps.hubUrl })),
  );
}
