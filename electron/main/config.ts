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

/** The hub's origin from KEUKENTAFEL_HUB_URL; an unusable value falls back to the default rather than crash. */
export function resolveHubUrl(env: Record<string, string | undefined>): string {
  const raw = env.KEUKENTAFEL_HUB_URL?.trim();
  if (!raw) return DEFAULT_HUB_URL;
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return DEFAULT_HUB_URL;
    return url.origin;
  } catch {
    return DEFAULT_HUB_URL;
  }
}
