/**
 * Which hub addresses the app may talk to. Personal data travels to the hub, so it goes over TLS;
 * plain HTTP only to this computer itself (the demo hub, development, tests), never over a network.
 */

/** Host names of this computer; `URL.hostname` writes IPv6 in brackets. */
const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);

export type HubUrlProblem = 'invalid' | 'insecure';

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK.has(hostname.toLowerCase());
}

/** The hub's origin (scheme, host, port) when the address may be used; otherwise why not. */
export function checkHubUrl(raw: string): { ok: true; origin: string } | { ok: false; problem: HubUrlProblem } {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, problem: 'invalid' };
  }
  if (url.protocol === 'https:') return { ok: true, origin: url.origin };
  if (url.protocol !== 'http:') return { ok: false, problem: 'invalid' };
  return isLoopbackHost(url.hostname) ? { ok: true, origin: url.origin } : { ok: false, problem: 'insecure' };
}
