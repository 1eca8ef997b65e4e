import { checkHubUrl } from '../../../shared/hub-url';

/**
 * Deny-by-default Content Security Policy for everything the renderer loads.
 * 'wasm-unsafe-eval' lets the page compile WebAssembly (the PIN's Argon2id) and nothing else:
 * eval() and new Function() stay blocked.
 */
export function buildCsp(hubOrigin: string): string {
  // The page may connect only to a hub over https, or over http on this computer; anything else: nowhere.
  const hub = checkHubUrl(hubOrigin);
  return [
    "default-src 'none'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${hub.ok ? hub.origin : "'none'"}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** Returns the headers with our CSP, replacing any policy a response brought itself (any casing). */
export function withCspHeader(headers: Record<string, string[]> | undefined, csp: string): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value;
  }
  result['Content-Security-Policy'] = [csp];
  return result;
}
