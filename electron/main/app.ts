import { resolveHubUrl } from './config';
import { registerHostIpc } from './ipc/host.ipc';
import { registerKeysIpc } from './ipc/keys.ipc';
import type {
  AppLike,
  BrowserWindowCtor,
  IpcMainLike,
  MenuLike,
  NetLike,
  PowerMonitorLike,
  ProtocolLike,
  SafeStorageLike,
  SessionLike,
  ShellLike,
  WindowLike,
} from './ports';
import { lockOnSuspend } from './power/lock-on-suspend';
import { handleAppProtocol, registerAppScheme } from './protocol/app-protocol';
import { buildCsp } from './security/csp';
import { applySessionPolicy } from './security/session-policy';
import { applyAppMenu } from './windows/app-menu';
import { devToolsAllowed } from './windows/devtools-guard';
import { createMainWindow } from './windows/main-window';
import { applyWebContentsPolicy } from './windows/web-contents-policy';

export interface MainDeps {
  app: AppLike;
  BrowserWindow: BrowserWindowCtor;
  ipcMain: IpcMainLike;
  Menu: MenuLike;
  session: { defaultSession: SessionLike };
  safeStorage: SafeStorageLike;
  protocol: ProtocolLike;
  net: NetLike;
  shell: ShellLike;
  powerMonitor: PowerMonitorLike;
  env: Record<string, string | undefined>;
  platform: string;
  /** Absolute path of the built preload (out/preload/index.cjs). */
  preloadPath: string;
  /** Absolute path of the built renderer (out/renderer). */
  rendererDir: string;
  onError?: (error: unknown) => void;
}

export interface MainHandle {
  /** False when another instance already runs; this one then quits. */
  primary: boolean;
  /** Resolves when the window has started loading (or at once when not primary). */
  ready: Promise<void>;
  currentWindow(): WindowLike | null;
}

/** Chromium's UI language for the window; without it Electron follows the operating system. */
export const APP_LANGUAGE = 'nl';

/** Wires the trusted main process. Everything Electron is passed in, so tests run without a binary. */
export function createMain(deps: MainDeps): MainHandle {
  const { app } = deps;
  // Dutch whatever the laptop's language: the page's locale, spellcheck and Accept-Language follow this switch.
  app.commandLine.appendSwitch('lang', APP_LANGUAGE);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return { primary: false, ready: Promise.resolve(), currentWindow: () => null };
  }

  const report = deps.onError ?? ((error: unknown) => console.error(error));
  const hubUrl = resolveHubUrl(deps.env, (message) => report(new Error(message)));
  const csp = buildCsp(hubUrl);
  const devTools = devToolsAllowed(app, deps.env);
  let window: WindowLike | null = null;
  const currentWindow = (): WindowLike | null => (window !== null && !window.isDestroyed() ? window : null);

  const openWindow = (): void => {
    const created = createMainWindow({
      BrowserWindow: deps.BrowserWindow,
      shell: deps.shell,
      preloadPath: deps.preloadPath,
      devTools,
    });
    window = created.window;
    created.loaded.catch(report);
  };

  registerAppScheme(deps.protocol);

  // Every webContents, not only our window, gets the navigation and popup policy.
  app.on('web-contents-created', (_event, contents) => applyWebContentsPolicy(contents, deps.shell));
  app.on('second-instance', () => {
    const open = currentWindow();
    if (open === null) return;
    if (open.isMinimized()) open.restore();
    open.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('activate', () => {
    if (currentWindow() === null) openWindow();
  });

  const ready = app.whenReady().then(() => {
    applySessionPolicy(deps.session.defaultSession, csp);
    handleAppProtocol(deps.protocol, { net: deps.net, rootDir: deps.rendererDir, csp });
    registerHostIpc({ ipcMain: deps.ipcMain, version: app.getVersion(), platform: deps.platform, hubUrl });
    registerKeysIpc({ ipcMain: deps.ipcMain, safeStorage: deps.safeStorage, platform: deps.platform });
    lockOnSuspend(deps.powerMonitor, currentWindow);
    // A developer keeps Electron's default menu (reload, developer tools); everyone else gets none.
    if (!devTools) applyAppMenu(deps.Menu, deps.platform);
    openWindow();
  });
  ready.catch(report);

  return { primary: true, ready, currentWindow };
}
