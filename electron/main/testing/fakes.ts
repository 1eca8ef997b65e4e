// Test doubles for the Electron modules createMain needs; they record what the code under test did.
import { APP_ENTRY_URL } from '../config';
import type {
  AppLike,
  AppMenuItem,
  IpcEventLike,
  IpcMainLike,
  KeyInput,
  MenuLike,
  PowerMonitorLike,
  PreventableEvent,
  ProtocolLike,
  SafeStorageLike,
  SessionLike,
  ShellLike,
  WebContentsLike,
  WebFrameLike,
  WindowLike,
  WindowOptions,
} from '../ports';

type Listener = (...args: never[]) => unknown;

/** A tiny event emitter that lets tests fire Electron events by name. */
export class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => unknown)(...args);
  }
}

export function fakeEvent(): PreventableEvent & { prevented: boolean } {
  const event = { prevented: false, preventDefault: () => (event.prevented = true) };
  return event;
}

export class FakeWebContents extends Emitter implements WebContentsLike {
  sent: { channel: string; args: unknown[] }[] = [];
  destroyed = false;
  openHandler: ((details: { url: string }) => { action: 'deny' } | { action: 'allow' }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' } | { action: 'allow' }): void {
    this.openHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  devToolsClosed = 0;
  closeDevTools(): void {
    this.devToolsClosed += 1;
  }
  /** Fires before-input-event for a key press and tells whether it reached the page and the menu. */
  press(key: Partial<KeyInput> & { key: string }): boolean {
    const e = fakeEvent();
    const input: KeyInput = { type: 'keyDown', code: '', control: false, meta: false, shift: false, alt: false, ...key };
    this.emit('before-input-event', e, input);
    return !e.prevented;
  }
  /** Fires will-navigate and tells whether the navigation went ahead. */
  navigate(url: string, event = 'will-navigate'): boolean {
    const e = fakeEvent();
    this.emit(event, e, url);
    return !e.prevented;
  }
}

export class FakeWindow extends Emitter implements WindowLike {
  readonly webContents = new FakeWebContents();
  loadedUrls: string[] = [];
  minimized = false;
  restored = 0;
  focused = 0;
  shown = 0;
  destroyed = false;
  readonly options: WindowOptions;
  constructor(options: WindowOptions) {
    super();
    this.options = options;
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    return Promise.resolve();
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.restored += 1;
    this.minimized = false;
  }
  focus(): void {
    this.focused += 1;
  }
  show(): void {
    this.shown += 1;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

/** A BrowserWindow constructor that remembers each window it made. */
export function fakeBrowserWindow(): { BrowserWindow: new (options: WindowOptions) => FakeWindow; windows: FakeWindow[] } {
  const windows: FakeWindow[] = [];
  class BrowserWindow extends FakeWindow {
    constructor(options: WindowOptions) {
      super(options);
      windows.push(this);
    }
  }
  return { BrowserWindow, windows };
}

export class FakeShell implements ShellLike {
  opened: string[] = [];
  openExternal(url: string): Promise<void> {
    this.opened.push(url);
    return Promise.resolve();
  }
}

type InvokeListener = (event: IpcEventLike, ...args: unknown[]) => unknown;

/** A top-level frame, as Electron's webContents.mainFrame. */
export function topFrame(url = APP_ENTRY_URL): WebFrameLike {
  return { url, parent: null };
}

/** An iframe inside `parent`. */
export function subFrame(url: string, parent: WebFrameLike = topFrame()): WebFrameLike {
  return { url, parent };
}

function topOf(frame: WebFrameLike): WebFrameLike {
  return frame.parent === null ? frame : topOf(frame.parent);
}

export class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, InvokeListener>();
  handle(channel: string, listener: InvokeListener): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  /**
   * Calls a channel the way ipcRenderer.invoke would. A URL means the main frame at that URL; a frame
   * object is sent as is, from a webContents whose main frame is `mainFrame` (default: the frame's top).
   */
  invoke(
    channel: string,
    args: unknown[],
    from: string | WebFrameLike | null = APP_ENTRY_URL,
    mainFrame?: WebFrameLike,
  ): Promise<unknown> {
    const frame = typeof from === 'string' ? topFrame(from) : from;
    const main = mainFrame ?? (frame === null ? topFrame() : topOf(frame));
    return this.invokeWith(channel, args, { senderFrame: frame, sender: { mainFrame: main } });
  }
  /** Calls a channel with a hand-made event, e.g. one whose senderFrame throws like a disposed frame. */
  invokeWith(channel: string, args: unknown[], event: IpcEventLike): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) return Promise.reject(new Error(`No handler registered for '${channel}'`));
    return Promise.resolve(handler(event, ...args));
  }
}

/** Reversible stand-in for the OS keychain: prefixes and base64-encodes, so a wrong input fails to decrypt. */
export class FakeSafeStorage implements SafeStorageLike {
  backend = 'gnome_libsecret';
  available = true;
  calls: string[] = [];
  isAsyncEncryptionAvailable(): Promise<boolean> {
    this.calls.push('isAsyncEncryptionAvailable');
    return Promise.resolve(this.available);
  }
  encryptStringAsync(plainText: string): Promise<Buffer> {
    this.calls.push('encryptStringAsync');
    return Promise.resolve(Buffer.from(`sealed:${plainText}`, 'utf8'));
  }
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }> {
    this.calls.push('decryptStringAsync');
    const text = encrypted.toString('utf8');
    if (!text.startsWith('sealed:')) return Promise.reject(new Error('Error while decrypting the ciphertext'));
    return Promise.resolve({ result: text.slice('sealed:'.length), shouldReEncrypt: false });
  }
  getSelectedStorageBackend(): string {
    return this.backend;
  }
}

export class FakeSession implements SessionLike {
  requestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
  checkHandler: ((contents: unknown, permission: string) => boolean) | null = null;
  headersListener:
    | ((details: { responseHeaders?: Record<string, string[]> }, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void)
    | null = null;
  setPermissionRequestHandler(handler: NonNullable<FakeSession['requestHandler']>): void {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: NonNullable<FakeSession['checkHandler']>): void {
    this.checkHandler = handler;
  }
  readonly webRequest = {
    onHeadersReceived: (listener: NonNullable<FakeSession['headersListener']>): void => {
      this.headersListener = listener;
    },
  };
  /** Asks the permission handler and returns its answer. */
  request(permission: string): boolean {
    let granted: boolean | null = null;
    this.requestHandler?.(null, permission, (g) => (granted = g));
    if (granted === null) throw new Error('permission handler did not answer');
    return granted;
  }
  headersFor(responseHeaders: Record<string, string[]>): Record<string, string[]> {
    let result: Record<string, string[]> | null = null;
    this.headersListener?.({ responseHeaders }, (r) => (result = r.responseHeaders));
    if (result === null) throw new Error('headers listener did not answer');
    return result;
  }
}

export class FakeProtocol implements ProtocolLike {
  privileged: Parameters<ProtocolLike['registerSchemesAsPrivileged']>[0] = [];
  handlers = new Map<string, (request: Request) => Response | Promise<Response>>();
  registerSchemesAsPrivileged(schemes: Parameters<ProtocolLike['registerSchemesAsPrivileged']>[0]): void {
    this.privileged.push(...schemes);
  }
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void {
    this.handlers.set(scheme, handler);
  }
}

export class FakePowerMonitor extends Emitter implements PowerMonitorLike {}

/** Records the application menu; `current` is undefined until the code sets one (Electron's default). */
export class FakeMenu implements MenuLike {
  current: { template: AppMenuItem[] } | null | undefined = undefined;
  buildFromTemplate(template: AppMenuItem[]): { template: AppMenuItem[] } {
    return { template };
  }
  setApplicationMenu(menu: object | null): void {
    this.current = menu as { template: AppMenuItem[] } | null;
  }
}

export class FakeApp extends Emitter implements AppLike {
  /** Packaged unless a test says otherwise, so tests see the shipped behaviour by default. */
  isPackaged = true;
  lockGranted = true;
  quits = 0;
  ready = false;
  /** Each switch with whether it was set before 'ready' (later ones do nothing in Electron). */
  readonly switches: { name: string; value: string | undefined; beforeReady: boolean }[] = [];
  readonly commandLine = {
    appendSwitch: (name: string, value?: string): void => {
      this.switches.push({ name, value, beforeReady: !this.ready });
    },
  };
  private resolveReady: () => void = () => undefined;
  private readonly readyPromise = new Promise<void>((resolve) => (this.resolveReady = resolve));
  requestSingleInstanceLock(): boolean {
    return this.lockGranted;
  }
  quit(): void {
    this.quits += 1;
  }
  whenReady(): Promise<void> {
    return this.readyPromise;
  }
  /** Lets the test decide when 'ready' happens, to check what must run before it. */
  becomeReady(): void {
    this.ready = true;
    this.resolveReady();
  }
  getVersion(): string {
    return '0.1.0';
  }
}
