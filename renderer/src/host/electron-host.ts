import type { HostApi } from '../../../shared/ipc/contract';

const methods = ['info', 'wrapKey', 'unwrapKey', 'onLock'] as const satisfies readonly (keyof HostApi)[];

/**
 * The API the Electron preload exposes as `window.keukentafel`, or null when it is missing or incomplete.
 * Never falls back to the preview host: in Electron that would keep keys in the browser instead of safeStorage.
 */
export function electronHostFrom(target: { keukentafel?: unknown }): HostApi | null {
  const api = target.keukentafel;
  if (typeof api !== 'object' || api === null) return null;
  const record = api as Record<string, unknown>;
  return methods.every((m) => typeof record[m] === 'function') ? (api as HostApi) : null;
}
