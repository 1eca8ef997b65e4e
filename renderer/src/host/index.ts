import type { HostApi } from '../../../shared/ipc/contract';
import { createPreviewHost } from './preview-host';

/** The Electron preload's API when present, else the browser's preview host. */
export function getHost(target: { keukentafel?: HostApi } = window): HostApi {
  return target.keukentafel ?? createPreviewHost();
}

export { createPreviewHost } from './preview-host';
