import { contentSecurityPolicy } from '../../../shared/csp';
import { checkHubUrl } from '../../../shared/hub-url';

/** The renderer's policy (shared/csp.ts), connecting only to the worker's hub. */
export function buildCsp(hubOrigin: string): string {
  // The page may connect only to a hub over https, or over http on this computer; anything else: nowhere.
  const hub = checkHubUrl(hubOrigin);
  return contentSecurityPolicy(hub.ok ? hub.origin : "'none'");
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
