import { describe, expect, it } from 'vitest';
import { createMain } from './app';
import type { MainDeps } from './app';
import type { WindowOptions } from './ports';
import {
  FakeApp,
  fakeBrowserWindow,
  FakeIpcMain,
  FakeMenu,
  FakePowerMonitor,
  FakeProtocol,
  FakeSafeStorage,
  FakeSession,
  FakeShell,
  FakeWebContents,
} from './testing/fakes';

type Overrides = Partial<Omit<MainDeps, 'app' | 'Menu'>> & { app?: FakeApp; Menu?: FakeMenu };

function setup(overrides: Overrides = {}) {
  const { BrowserWindow, windows } = fakeBrowserWindow();
  const fakes = {
    app: overrides.app ?? new FakeApp(),
    ipcMain: new FakeIpcMain(),
    Menu: overrides.Menu ?? new FakeMenu(),
    protocol: new FakeProtocol(),
    session: new FakeSession(),
    powerMonitor: new FakePowerMonitor(),
    shell: new FakeShell(),
  };
  const errors: unknown[] = [];
  const handle = createMain({
    ...fakes,
    BrowserWindow,
    session: { defaultSession: fakes.session },
    safeStorage: new FakeSafeStorage(),
    net: { fetch: () => Promise.reject(new Error('no files in this test')) },
    env: {},
    platform: 'linux',
    preloadPath: '/app/out/preload/index.cjs',
    rendererDir: '/app/out/renderer',
    onError: (error) => errors.push(error),
    ...overrides,
  });
  return { ...fakes, windows, handle, errors };
}

async function readySetup(overrides: Overrides = {}) {
  const s = setup(overrides);
  s.app.becomeReady();
  await s.handle.ready;
  return s;
}

describe('createMain', () => {
  it('quits at once, without a window, when another instance holds the lock', async () => {
    const app = new FakeApp();
    app.lockGranted = false;
    const s = setup({ app });
    app.becomeReady();
    await s.handle.ready;
    expect(s.handle.primary).toBe(false);
    expect(app.quits).toBe(1);
    expect(s.windows).toHaveLength(0);
    expect(s.ipcMain.handlers.size).toBe(0);
  });

  it('speaks Dutch whatever the system language, set before ready so Chromium takes it', async () => {
    const s = await readySetup();
    expect(s.app.switches).toEqual([{ name: 'lang', value: 'nl', beforeReady: true }]);
  });

  it('registers the app:// scheme before ready, and serves it after', async () => {
    const s = setup();
    expect(s.protocol.privileged.map((p) => p.scheme)).toEqual(['app']);
    expect(s.protocol.handlers.size).toBe(0);
    expect(s.windows).toHaveLength(0);
    s.app.becomeReady();
    await s.handle.ready;
    expect([...s.protocol.handlers.keys()]).toEqual(['app']);
    expect(s.windows).toHaveLength(1);
    expect(s.windows[0]!.loadedUrls).toEqual(['app://keukentafel/index.html']);
  });

  it('brings the window to the front when a second instance starts', async () => {
    const s = await readySetup();
    const window = s.windows[0]!;
    window.minimized = true;
    s.app.emit('second-instance');
    expect(window.restored).toBe(1);
    expect(window.focused).toBe(1);
    expect(s.windows).toHaveLength(1);
  });

  it('answers host:info with the hub URL from the environment', async () => {
    const s = await readySetup({ env: { KEUKENTAFEL_HUB_URL: 'https://hub.leudal.nl/' } });
    expect(await s.ipcMain.invoke('host:info', [{}])).toEqual({
      ok: true,
      value: { kind: 'electron', version: '0.1.0', platform: 'linux', hubUrl: 'https://hub.leudal.nl' },
    });
    expect([...s.ipcMain.handlers.keys()].sort()).toEqual(['host:info', 'keys:unwrap', 'keys:wrap']);
  });

  it('refuses a plain-http hub on another computer: reports it, and neither the CSP nor the renderer gets it', async () => {
    const s = await readySetup({ env: { KEUKENTAFEL_HUB_URL: 'http://hub.leudal.nl' } });
    expect(s.errors).toEqual([expect.objectContaining({ message: expect.stringContaining('plain http is allowed only to') as string })]);
    const csp = s.session.headersFor({})['Content-Security-Policy']![0]!;
    expect(csp).not.toContain('hub.leudal.nl');
    expect(await s.ipcMain.invoke('host:info', [{}])).toMatchObject({ ok: true, value: { hubUrl: 'http://127.0.0.1:4319' } });
  });

  it('puts a CSP that allows only the hub for connections on every response', async () => {
    const s = await readySetup();
    const csp = s.session.headersFor({})['Content-Security-Policy']![0]!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain('connect-src http://127.0.0.1:4319;');
  });

  it('tells the renderer to lock when the device suspends or the screen locks', async () => {
    const s = await readySetup();
    s.powerMonitor.emit('suspend');
    s.powerMonitor.emit('lock-screen');
    expect(s.windows[0]!.webContents.sent).toEqual([
      { channel: 'host:lock', args: [] },
      { channel: 'host:lock', args: [] },
    ]);
  });

  it('does not send to a closed window', async () => {
    const s = await readySetup();
    s.windows[0]!.destroyed = true;
    s.powerMonitor.emit('suspend');
    expect(s.windows[0]!.webContents.sent).toEqual([]);
  });

  it('locks down any other webContents that gets created', async () => {
    const s = await readySetup();
    const contents = new FakeWebContents();
    s.app.emit('web-contents-created', {}, contents);
    expect(contents.navigate('https://evil.example/')).toBe(false);
    expect(contents.openHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('removes the default menu (and its developer tools) before the window opens', async () => {
    const menu = new FakeMenu();
    const menuAtWindowOpen: unknown[] = [];
    const { BrowserWindow, windows } = fakeBrowserWindow();
    class SpyWindow extends BrowserWindow {
      constructor(options: WindowOptions) {
        super(options);
        menuAtWindowOpen.push(menu.current);
      }
    }
    await readySetup({ Menu: menu, BrowserWindow: SpyWindow });
    expect(menuAtWindowOpen).toEqual([null]);
    expect(windows[0]!.options.webPreferences.devTools).toBe(false);
    expect(windows[0]!.webContents.press({ key: 'F12', code: 'F12' })).toBe(false);
  });

  it('keeps copy and paste on macOS with a menu of only app, edit and window items', async () => {
    const s = await readySetup({ platform: 'darwin' });
    expect(s.Menu.current).toEqual({ template: [{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }] });
  });

  it('keeps developer tools off in a packaged app, even when the environment asks for them', async () => {
    const s = await readySetup({ env: { KEUKENTAFEL_DEVTOOLS: '1' } });
    expect(s.windows[0]!.options.webPreferences.devTools).toBe(false);
    expect(s.Menu.current).toBeNull();
  });

  it('turns developer tools on only for an unpackaged build with KEUKENTAFEL_DEVTOOLS=1', async () => {
    const unpackaged = new FakeApp();
    unpackaged.isPackaged = false;
    const plain = await readySetup({ app: unpackaged });
    expect(plain.windows[0]!.options.webPreferences.devTools).toBe(false);
    expect(plain.Menu.current).toBeNull();
    const app = new FakeApp();
    app.isPackaged = false;
    const s = await readySetup({ app, env: { KEUKENTAFEL_DEVTOOLS: '1' } });
    expect(s.windows[0]!.options.webPreferences.devTools).toBe(true);
    expect(s.Menu.current).toBeUndefined();
  });

  it('quits when the window is closed', async () => {
    const s = await readySetup();
    s.app.emit('window-all-closed');
    expect(s.app.quits).toBe(1);
    expect(s.errors).toEqual([]);
  });
});
