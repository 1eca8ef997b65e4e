import { describe, expect, it } from 'vitest';
import { fakeBrowserWindow, FakeShell } from '../testing/fakes';
import { createMainWindow } from './main-window';

function setup() {
  const { BrowserWindow, windows } = fakeBrowserWindow();
  const shell = new FakeShell();
  createMainWindow({ BrowserWindow, shell, preloadPath: '/app/out/preload/index.cjs' });
  return { window: windows[0]!, shell };
}

describe('main window', () => {
  it('runs the renderer sandboxed and isolated, without Node, with the built CJS preload', () => {
    const { window } = setup();
    expect(window.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      preload: '/app/out/preload/index.cjs',
    });
  });

  it('loads the app from app://keukentafel, not from file://', () => {
    const { window } = setup();
    expect(window.loadedUrls).toEqual(['app://keukentafel/index.html']);
  });

  it('shows the window only once it is painted', () => {
    const { window } = setup();
    expect(window.shown).toBe(0);
    window.emit('ready-to-show');
    expect(window.shown).toBe(1);
  });

  it('blocks navigation and redirects away from the app origin', () => {
    const { window } = setup();
    const contents = window.webContents;
    expect(contents.navigate('app://keukentafel/huishoudens/42')).toBe(true);
    expect(contents.navigate('https://evil.example/')).toBe(false);
    expect(contents.navigate('file:///etc/passwd')).toBe(false);
    expect(contents.navigate('app://other-host/index.html')).toBe(false);
    expect(contents.navigate('http://127.0.0.1:4319/', 'will-redirect')).toBe(false);
  });

  it('denies every new window and opens only https links in the OS browser', async () => {
    const { window, shell } = setup();
    const open = window.webContents.openHandler!;
    expect(open({ url: 'https://www.rijksoverheid.nl/' })).toEqual({ action: 'deny' });
    expect(open({ url: 'http://insecure.example/' })).toEqual({ action: 'deny' });
    expect(open({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(open({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(shell.opened).toEqual(['https://www.rijksoverheid.nl/']);
  });

  it('prevents attaching a <webview>', () => {
    const { window } = setup();
    expect(window.webContents.navigate('ignored', 'will-attach-webview')).toBe(false);
  });
});
