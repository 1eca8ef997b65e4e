import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { NetLike } from '../ports';
import { FakeProtocol } from '../testing/fakes';
import { createAppProtocolHandler, registerAppScheme, resolveAppFile } from './app-protocol';

const CSP = "default-src 'none'";
const root = mkdtempSync(path.join(tmpdir(), 'kt-renderer-'));
const outside = mkdtempSync(path.join(tmpdir(), 'kt-secret-'));
mkdirSync(path.join(root, 'assets'));
writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Keukentafel</title>');
writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(path.join(outside, 'secret.txt'), 'geheim');
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

/** Like Electron's net.fetch for file:// URLs: reads the file or rejects. */
const fileNet: NetLike = {
  fetch: (input) => {
    const body = readFileSync(fileURLToPath(input));
    const type = input.endsWith('.html') ? 'text/html' : 'text/javascript';
    return Promise.resolve(new Response(body, { headers: { 'Content-Type': type } }));
  },
};

const serve = (url: string, method = 'GET') =>
  createAppProtocolHandler({ net: fileNet, rootDir: root, csp: CSP })(new Request(url, { method }));

describe('app:// protocol', () => {
  it('is registered as a standard, secure scheme without CSP bypass', () => {
    const protocol = new FakeProtocol();
    registerAppScheme(protocol);
    expect(protocol.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ]);
    expect(JSON.stringify(protocol.privileged)).not.toContain('bypassCSP');
  });

  it('serves the built renderer with the CSP header', async () => {
    const page = await serve('app://keukentafel/index.html');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Keukentafel</title>');
    expect(page.headers.get('content-security-policy')).toBe(CSP);
    const script = await serve('app://keukentafel/assets/app.js');
    expect(await script.text()).toBe('console.log(1)');
    expect(script.headers.get('content-type')).toBe('text/javascript');
  });

  it('answers client-side routes with index.html', async () => {
    const page = await serve('app://keukentafel/huishoudens/123');
    expect(await page.text()).toContain('Keukentafel');
  });

  it('refuses paths that climb out of the renderer folder, with the CSP header', async () => {
    const secret = path.relative(root, path.join(outside, 'secret.txt'));
    for (const url of [
      `app://keukentafel/${secret.replaceAll('..', '%2e%2e')}`,
      `app://keukentafel/${secret.replaceAll('/', '%2F')}`,
      'app://keukentafel/..%2F..%2Fetc%2Fpasswd',
      'app://keukentafel/assets%5C..%5C..%5Csecret.txt',
      'app://keukentafel/index.html%00.js',
      'app://other/index.html',
    ]) {
      const response = await serve(url);
      expect([403, 404], url).toContain(response.status);
      expect(await response.text()).not.toContain('geheim');
      expect(response.headers.get('content-security-policy')).toBe(CSP);
    }
  });

  it('refuses a decoded climb out of the root with 403', () => {
    expect(resolveAppFile(root, 'app://keukentafel/..%2Fsecret.txt')).toBeNull();
    expect(resolveAppFile(root, 'app://keukentafel/assets/..%2F..%2Fsecret.txt')).toBeNull();
  });

  it('answers 404 for a missing file and 405 for writes', async () => {
    expect((await serve('app://keukentafel/assets/missing.js')).status).toBe(404);
    expect((await serve('app://keukentafel/index.html', 'POST')).status).toBe(405);
  });

  it('keeps resolved files inside the root', () => {
    expect(resolveAppFile(root, 'app://keukentafel/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://keukentafel/%E0%A4%A')).toBeNull();
    expect(resolveAppFile(root, 'not a url')).toBeNull();
  });
});
