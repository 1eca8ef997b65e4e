import { isAppUrl } from '../config';
import type { ShellLike, WebContentsLike } from '../ports';

/** Opens only https links, and only in the OS browser; everything else is dropped. */
export function openExternalSafely(shell: ShellLike, raw: string): void {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return;
  }
  if (url.protocol !== 'https:') return;
  shell.openExternal(url.toString()).catch(() => undefined);
}

/** Locks a webContents to the app origin: no navigation away, no popups, no <webview>. */
export function applyWebContentsPolicy(contents: WebContentsLike, shell: ShellLike): void {
  const blockForeign = (event: { preventDefault(): void }, url: string): void => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', blockForeign);
  contents.on('will-redirect', blockForeign);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(shell, url);
    return { action: 'deny' };
  });
}
