/**
 * The one deny-by-default Content Security Policy of the renderer, wherever it runs: Electron, the browser
 * preview and the hub's office web app. Only where the page may connect differs.
 * 'wasm-unsafe-eval' lets the page compile WebAssembly (the worker's Argon2id PIN key) and nothing else:
 * eval() and new Function() stay blocked.
 */
export function contentSecurityPolicy(connectSrc: string): string {
  return [
    "default-src 'none'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connectSrc}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}
