import { describe, expect, it } from 'vitest';
import { fakeBrowserWindow, FakeShell } from '../testing/fakes';
import { createMainWindow } from './main-window';

function setup(devTools = false) {
  const { BrowserWindow, windows } = fakeBrowserWindow();
  const shell = new FakeShell();
  createMainWindow({ BrowserWindow, shell, preloadPath: '/app/out/preload/index.cjs', devTools });
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
      devTools: false,
    });
  });

  it('swallows the developer-tools shortcuts but lets ordinary typing through', () => {
    const contents = setup().window.webContents;
    expect(contents.press({ key: 'F12', code: 'F12' })).toBe(false);
    expect(contents.press({ key: 'I', code: 'KeyI', control: true, shift: true })).toBe(false);
    expect(contents.press({ key: 'J', code: 'KeyJ', control: true, shift: true })).toBe(false);
    expect(contents.press({ key: 'C', code: 'KeyC', control: true, shift: true })).toBe(false);
    expect(contents.press({ key: 'I', code: 'KeyI', meta: true, shift: true })).toBe(false);
    expect(contents.press({ key: 'i', code: 'KeyI', meta: true, alt: true })).toBe(false);
    expect(contents.press({ key: 'c', code: 'KeyC', control: true })).toBe(true);
    expect(contents.press({ key: 'I', code: 'KeyI', shift: true })).toBe(true);
    expect(contents.press({ key: 'j', code: 'KeyJ' })).toBe(true);
  });

  it('closes the developer tools at once if they open anyway', () => {
    const contents = setup().window.webContents;
    contents.emit('devtools-opened');
    expect(contents.devToolsClosed).toBe(1);
  });

  it('leaves developer tools and their shortcuts alone only when asked for development', () => {
    const { window } = setup(true);
    expect(window.options.webPreferences.devTools).toBe(true);
    expect(window.webContents.press({ key: 'F12', code: 'F12' })).toBe(true);
    window.webContents.emit('devtools-opened');
    expect(window.webContents.devToolsClosed).toBe(0);
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
