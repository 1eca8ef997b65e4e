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
});

describe('app origin', () => {
  it('accepts only app://keukentafel', () => {
    expect(isAppUrl('app://keukentafel/index.html#/x')).toBe(true);
    expect(isAppUrl('app://keukentafel.evil/index.html')).toBe(false);
    expect(isAppUrl('https://keukentafel/')).toBe(false);
    expect(isAppUrl('')).toBe(false);
  });
});
