import { describe, expect, it } from 'vitest';
import { checkHubUrl } from './hub-url';

describe('hub URL policy', () => {
  it('takes any https address, as its origin', () => {
    expect(checkHubUrl('https://hub.heerlen.nl/api/')).toEqual({ ok: true, origin: 'https://hub.heerlen.nl' });
    expect(checkHubUrl(' https://10.0.0.5:8443 ')).toEqual({ ok: true, origin: 'https://10.0.0.5:8443' });
  });

  it('takes plain http only to this computer (127.0.0.1, ::1, localhost)', () => {
    expect(checkHubUrl('http://127.0.0.1:4319')).toEqual({ ok: true, origin: 'http://127.0.0.1:4319' });
    expect(checkHubUrl('http://[::1]:4319/')).toEqual({ ok: true, origin: 'http://[::1]:4319' });
    expect(checkHubUrl('http://LOCALHOST:4319')).toEqual({ ok: true, origin: 'http://localhost:4319' });
  });

  it('refuses plain http to any other host, including look-alikes of loopback', () => {
    for (const raw of [
      'http://hub.heerlen.nl',
      'http://192.168.1.10:4319',
      'http://10.0.0.5',
      'http://127.0.0.1.nip.io',
      'http://localhost.evil.nl',
      'http://[::ffff:10.0.0.1]',
      'http://0.0.0.0:4319',
    ]) {
      expect(checkHubUrl(raw), raw).toEqual({ ok: false, problem: 'insecure' });
    }
  });

  it('refuses what is not an http(s) address', () => {
    for (const raw of ['', 'not a url', 'javascript:alert(1)', 'ftp://hub.heerlen.nl', 'file:///etc/passwd', 'ws://127.0.0.1:4319']) {
      expect(checkHubUrl(raw), raw).toEqual({ ok: false, problem: 'invalid' });
    }
  });
});
