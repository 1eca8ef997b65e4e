/**
 * The narrow slices of Electron the main process uses. Real Electron modules satisfy them;
 * tests pass small fakes, so nothing here needs the Electron binary.
 */

export interface WebFrameLike {
  url: string;
  /** null only for a top-level frame. */
  parent: WebFrameLike | null;
}

export interface IpcEventLike {
  senderFrame: WebFrameLike | null;
  sender: { mainFrame: WebFrameLike };
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => unknown): void;
}

export interface PreventableEvent {
  preventDefault(): void;
}

/** The fields of Electron's `Input` that keyboard shortcuts are matched on. */
export interface KeyInput {
  type: string;
  key: string;
  code: string;
  control: boolean;
  meta: boolean;
  shift: boolean;
  alt: boolean;
}

export interface WebContentsLike {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'before-input-event', listener: (event: PreventableEvent, input: KeyInput) => void): unknown;
  on(event: 'devtools-opened', listener: () => void): unknown;
  closeDevTools(): void;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' } | { action: 'allow' }): void;
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
}

export interface WindowLike {
  webContents: WebContentsLike;
  loadURL(url: string): Promise<void>;
  isMinimized(): boolean;
  restore(): void;
  focus(): void;
  isDestroyed(): boolean;
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
}

export interface WindowOptions {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  show: boolean;
  title: string;
  backgroundColor: string;
  webPreferences: {
    preload: string;
    sandbox: boolean;
    contextIsolation: boolean;
    nodeIntegration: boolean;
    nodeIntegrationInWorker: boolean;
    nodeIntegrationInSubFrames: boolean;
    webSecurity: boolean;
    webviewTag: boolean;
    allowRunningInsecureContent: boolean;
    experimentalFeatures: boolean;
    spellcheck: boolean;
    devTools: boolean;
  };
}

export type BrowserWindowCtor = new (options: WindowOptions) => WindowLike;

export interface ShellLike {
  openExternal(url: string): Promise<void>;
}

export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
  getSelectedStorageBackend(): string;
}

export interface ProtocolLike {
  registerSchemesAsPrivileged(
    schemes: { scheme: string; privileges: { standard: boolean; secure: boolean; supportFetchAPI: boolean; codeCache: boolean } }[],
  ): void;
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
}

export interface NetLike {
  fetch(input: string): Promise<Response>;
}

export interface HeadersReceivedDetails {
  responseHeaders?: Record<string, string[]>;
}

export interface SessionLike {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
  webRequest: {
    onHeadersReceived(
      listener: (
        details: HeadersReceivedDetails,
        callback: (response: { responseHeaders: Record<string, string[]> }) => void,
      ) => void,
    ): void;
  };
}

export interface PowerMonitorLike {
  on(event: 'suspend' | 'lock-screen', listener: () => void): unknown;
}

/** Menu roles that carry no reload or developer-tools items. */
export interface AppMenuItem {
  role: 'appMenu' | 'editMenu' | 'windowMenu';
}

export interface MenuLike {
  buildFromTemplate(template: AppMenuItem[]): object;
  setApplicationMenu(menu: object | null): void;
}

export interface AppLike {
  /** True in a shipped build; false when started from the source tree. */
  readonly isPackaged: boolean;
  /** Chromium switches; they take effect only when set before 'ready'. */
  readonly commandLine: { appendSwitch(name: string, value?: string): void };
  requestSingleInstanceLock(): boolean;
  quit(): void;
  whenReady(): Promise<void>;
  getVersion(): string;
  on(event: 'second-instance' | 'window-all-closed', listener: () => void): unknown;
  on(event: 'web-contents-created', listener: (event: unknown, contents: WebContentsLike) => void): unknown;
  on(event: 'activate', listener: () => void): unknown;
}
