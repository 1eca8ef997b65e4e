import type { HostEvent } from '../../../shared/ipc/contract';
import type { PowerMonitorLike, WindowLike } from '../ports';

const LOCK_EVENT: HostEvent = 'host:lock';

/** Tells the renderer to lock when the lid closes or the screen locks, so nobody finds the app open. */
export function lockOnSuspend(powerMonitor: PowerMonitorLike, currentWindow: () => WindowLike | null): void {
  const sendLock = (): void => {
    const window = currentWindow();
    if (window === null || window.isDestroyed() || window.webContents.isDestroyed()) return;
    window.webContents.send(LOCK_EVENT);
  };
  powerMonitor.on('suspend', sendLock);
  powerMonitor.on('lock-screen', sendLock);
}
