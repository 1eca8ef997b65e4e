import { describe, expect, it } from 'vitest';
import { DEFAULT_HUB_URL, isAppUrl, resolveHubUrl } from './config';

describe('hub URL', () => {
  it('defaults to the local hub', () => {
    expect(resolveHubUrl({})).toBe('http://127.0.0.1:4319');
    expect(resolveHubUrl({ KEUKENTAFEL_HUB_URL: '  ' })).toBe(DEFAULT_HUB_URL);
  });

  it('takes the origin of KEUKENTAFEL_HUB_URL', () => {
    expect(resolveHubUrl({ KEUKENTAFEL_HUB_URL: 'https://hub.heerlen.nl/api/' })).toBe('https://hub.heerlen.nl');
  });

  it('ignores values that are not http(s) URLs', () => {
    expect(resolveHubUrl({ KEUKENTAFEL_HUB_URL: 'javascript:alert(1)' })).toBe(DEFAULT_HUB_URL);
    expect(resolveHubUrl({ KEUKENTAFEL_HUB_URL: 'not a url' })).toBe(DEFAULT_HUB_URL);
  });

  it('refuses plain http to another computer, says why, and never uses it', () => {
    const reports: string[] = [];
    expect(resolveHubUrl({ KEUKENTAFEL_HUB_URL: 'http://hub.heerlen.nl' }, (m) => reports.push(m))).toBe(DEFAULT_HUB_URL);
    expect(reports).toEqual([expect.stringContaining('plain http is allowed only to 127.0.0.1, ::1 or localhost') as string]);
  });

  it('takes plain http to this computer (the demo hub)', () => {
    expect(resolveHubUrl({ KEUKENTAFEL_HUB_URL: 'http://localhost:4400/' })).toBe('http://localhost:4400');
    expect(resolveHubUrl({ KEUKENTAFEL_HUB_URL: 'http://[::1]:4400' })).toBe('http://[::1]:4400');
  });
});

describe('app origin', () => {
  it('accepts only app://keukentafel', () => {
    expect(isAppUrl('app://keukentafel/index.html#/x')).toBe(true);
    expect(isAppUrl('app://keukentafel.evil/index.html')).toBe(false);
    expect(isAppUrl('https://keukentafel/')).toBe(false);
    expect(isAppUrl('')).toBe(false);
  });
});
