import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { contentSecurityPolicy as sharedCsp } from '../../../shared/csp';

/**
 * The office web app: the hub serves the built renderer (vite build → dist/renderer) at `/`, so
 * counsellors and team leads open a URL and install nothing. Every answer, API included, carries
 * headers fit for special-category data: a deny-by-default CSP (the same policy as Electron and the
 * preview), no framing, no referrer, no sniffing, nothing in the HTTP cache, and HSTS once the request
 * came over TLS (directly, or through a trusted proxy that sets X-Forwarded-Proto).
 */

/** The page talks only to the hub that served it. */
export const contentSecurityPolicy = sharedCsp("'self'");

export const securityHeaders = {
  'content-security-policy': contentSecurityPolicy,
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
} as const;

/** One year, the value browsers' preload lists ask for. */
export const hstsHeader = 'max-age=31536000; includeSubDomains';

/** Vite names built assets by content hash: they never change under one name. */
const hashedAsset = /^\/assets\/.+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

/** True when `dir` holds a built renderer (its index.html). */
export function hasWebApp(dir: string): boolean {
  return existsSync(join(dir, 'index.html'));
}

/** Adds the headers to every answer of `app`; call before the routes. */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.headers(securityHeaders);
    if (request.protocol === 'https') reply.header('strict-transport-security', hstsHeader);
    // Answers hold personal data: no browser or proxy cache keeps them. Hashed assets are the exception.
    if (!reply.hasHeader('cache-control') || !hashedAsset.test(request.url)) reply.header('cache-control', 'no-store');
    done(null, payload);
  });
}

/** Serves the built renderer at `/` when `webRoot` holds one; otherwise the hub stays an API only. */
export async function registerWebApp(app: FastifyInstance, webRoot: string | null | undefined): Promise<void> {
  if (!webRoot || !hasWebApp(webRoot)) return;
  await app.register(fastifyStatic, {
    root: webRoot,
    prefix: '/',
    // Routes per file at start-up instead of a catch-all, so an unknown /api path stays a JSON 404.
    wildcard: false,
    index: ['index.html'],
    // No directory listing, no dotfiles; hashed assets may be cached for good.
    list: false,
    dotfiles: 'deny',
    cacheControl: false,
    setHeaders: (reply, path) => {
      if (/[\\/]assets[\\/]/.test(path)) void reply.header('cache-control', 'public, max-age=31536000, immutable');
    },
  });
}
