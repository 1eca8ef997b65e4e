import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { APP_HOST, APP_SCHEME } from '../config';
import type { NetLike, ProtocolLike } from '../ports';

/** Must run before app 'ready': makes app:// a secure, standard origin (storage, fetch, modules). */
export function registerAppScheme(protocol: ProtocolLike): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/**
 * Maps an app:// URL to a file inside rootDir, or null when it would leave rootDir or is malformed.
 * Paths without a file extension are client-side routes and get index.html.
 */
export function resolveAppFile(rootDir: string, rawUrl: string): string | null {
  let url: URL;
  let pathname: string;
  try {
    url = new URL(rawUrl);
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const root = path.resolve(rootDir);
  const file = path.resolve(root, `.${pathname}`);
  // Containment is checked on the decoded path before the route fallback, so '..%2F' can never pass.
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  return file === root || path.extname(file) === '' ? path.join(root, 'index.html') : file;
}

function textResponse(status: number, body: string, csp: string): Response {
  return new Response(body, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': csp },
  });
}

/** Serves the built renderer from rootDir over app://, every answer with the CSP header. */
export function createAppProtocolHandler(deps: { net: NetLike; rootDir: string; csp: string }) {
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Niet toegestaan', deps.csp);
    const file = resolveAppFile(deps.rootDir, request.url);
    if (file === null) return textResponse(403, 'Geen toegang', deps.csp);
    let upstream: Response;
    try {
      upstream = await deps.net.fetch(pathToFileURL(file).toString());
    } catch {
      return textResponse(404, 'Niet gevonden', deps.csp);
    }
    if (!upstream.ok) return textResponse(404, 'Niet gevonden', deps.csp);
    const headers = new Headers(upstream.headers);
    headers.set('Content-Security-Policy', deps.csp);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(upstream.body, { status: 200, headers });
  };
}

export function handleAppProtocol(protocol: ProtocolLike, deps: { net: NetLike; rootDir: string; csp: string }): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(deps));
}
