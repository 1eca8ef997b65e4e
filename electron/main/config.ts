import { checkHubUrl } from '../../shared/hub-url';

/** Where the app lives and which hub it talks to; resolved once at start-up from the environment. */

export const APP_SCHEME = 'app';
export const APP_HOST = 'keukentafel';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
export const DEFAULT_HUB_URL = 'http://127.0.0.1:4319';

/** True only for URLs on the app's own origin (custom schemes have an opaque `origin` in WHATWG URL). */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * The hub's origin from KEUKENTAFEL_HUB_URL. An unusable value, or plain http to anything but this
 * computer, falls back to the local default rather than crash, and is reported (never used).
 */
export function resolveHubUrl(env: Record<string, string | undefined>, report: (message: string) => void = () => undefined): string {
  const raw = env.KEUKENTAFEL_HUB_URL?.trim();
  if (!raw) return DEFAULT_HUB_URL;
  const checked = checkHubUrl(raw);
  if (checked.ok) return checked.origin;
  report(
    checked.problem === 'insecure'
      ? `KEUKENTAFEL_HUB_URL refused: plain http is allowed only to 127.0.0.1, ::1 or localhost; use https. Falling back to ${DEFAULT_HUB_URL}.`
      : `KEUKENTAFEL_HUB_URL refused: not an http(s) address. Falling back to ${DEFAULT_HUB_URL}.`,
  );
  return DEFAULT_HUB_URL;
}
