import { z } from 'zod';
import type { Result } from '../result';

/**
 * The one interface between the renderer and its host (`window.keukentafel`).
 * Electron's preload implements it over IPC; the preview host implements it in the browser.
 * Every channel has a zod request and response schema; main parses both directions.
 */

const base64 = z.string().base64().max(64 * 1024);

export const channels = {
  'host:info': {
    request: z.object({}).strict(),
    response: z.object({
      kind: z.enum(['electron', 'preview']),
      version: z.string(),
      platform: z.string(),
      hubUrl: z.string(),
    }),
  },
  /** Wraps the (already PIN-wrapped) data key with the OS keychain (safeStorage). */
  'keys:wrap': {
    request: z.object({ data: base64 }).strict(),
    response: z.object({ data: base64 }),
  },
  'keys:unwrap': {
    request: z.object({ data: base64 }).strict(),
    response: z.object({ data: base64 }),
  },
} as const;

export type Channel = keyof typeof channels;
export type IpcRequest<C extends Channel> = z.infer<(typeof channels)[C]['request']>;
export type IpcResponse<C extends Channel> = z.infer<(typeof channels)[C]['response']>;

export type HostInfo = IpcResponse<'host:info'>;

/** Events the host pushes to the renderer (no payload). 'host:lock': the device suspends or the screen locks. */
export const hostEvents = ['host:lock'] as const;
export type HostEvent = (typeof hostEvents)[number];

/** What `window.keukentafel` offers. Same shape in Electron and in the preview host. */
export interface HostApi {
  info(): Promise<Result<HostInfo>>;
  wrapKey(data: string): Promise<Result<string>>;
  unwrapKey(data: string): Promise<Result<string>>;
  /** Calls `cb` when the device suspends or the screen locks, so the app can lock itself. Returns an unsubscribe. */
  onLock(cb: () => void): () => void;
}

declare global {
  interface Window {
    keukentafel?: HostApi;
  }
}
