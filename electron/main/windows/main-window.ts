import { APP_ENTRY_URL } from '../config';
import type { BrowserWindowCtor, ShellLike, WindowLike, WindowOptions } from '../ports';
import { guardDevTools } from './devtools-guard';
import { applyWebContentsPolicy } from './web-contents-policy';

/** The one window's options; every security switch is spelled out so a review (and a test) can see it. */
export function mainWindowOptions(preloadPath: string, devTools: boolean): WindowOptions {
  return {
    width: 1280,
    height: 860,
    minWidth: 800,
    minHeight: 600,
    show: false,
    title: 'Keukentafel',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: true,
      devTools,
    },
  };
}

export interface MainWindowDeps {
  BrowserWindow: BrowserWindowCtor;
  shell: ShellLike;
  preloadPath: string;
  /** Only true in development (see devToolsAllowed); otherwise the tools are off and guarded. */
  devTools: boolean;
}

/** Creates the window, locks it down, shows it when painted and loads the app from app://. */
export function createMainWindow(deps: MainWindowDeps): { window: WindowLike; loaded: Promise<void> } {
  const window = new deps.BrowserWindow(mainWindowOptions(deps.preloadPath, deps.devTools));
  applyWebContentsPolicy(window.webContents, deps.shell);
  if (!deps.devTools) guardDevTools(window.webContents);
  window.once('ready-to-show', () => window.show());
  return { window, loaded: window.loadURL(APP_ENTRY_URL) };
}
