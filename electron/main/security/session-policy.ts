import type { SessionLike } from '../ports';
import { withCspHeader } from './csp';

/** Only what the app needs: durable storage for the offline store. Everything else is denied. */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['persistent-storage']);

/** Applies the permission policy and the CSP header to every response of the session. */
export function applySessionPolicy(session: SessionLike, csp: string): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    callback(ALLOWED_PERMISSIONS.has(permission));
  });
  session.setPermissionCheckHandler((_contents, permission) => ALLOWED_PERMISSIONS.has(permission));
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCspHeader(details.responseHeaders, csp) });
  });
}
