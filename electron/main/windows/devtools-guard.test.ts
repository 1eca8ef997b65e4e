import { describe, expect, it } from 'vitest';
import type { KeyInput } from '../ports';
import { devToolsAllowed, isDevToolsShortcut } from './devtools-guard';

const key = (k: Partial<KeyInput> & { key: string }): KeyInput => ({
  type: 'keyDown',
  code: '',
  control: false,
  meta: false,
  shift: false,
  alt: false,
  ...k,
});

describe('developer-tools guard', () => {
  it('allows developer tools only for KEUKENTAFEL_DEVTOOLS=1 on an unpackaged build', () => {
    expect(devToolsAllowed({ isPackaged: false }, { KEUKENTAFEL_DEVTOOLS: '1' })).toBe(true);
    expect(devToolsAllowed({ isPackaged: true }, { KEUKENTAFEL_DEVTOOLS: '1' })).toBe(false);
    expect(devToolsAllowed({ isPackaged: false }, {})).toBe(false);
    expect(devToolsAllowed({ isPackaged: false }, { KEUKENTAFEL_DEVTOOLS: 'true' })).toBe(false);
  });

  it('recognises the shortcut by typed key or by physical key, on any layout', () => {
    expect(isDevToolsShortcut(key({ key: 'F12' }))).toBe(true);
    expect(isDevToolsShortcut(key({ key: 'F12', code: 'F12', type: 'keyUp' }))).toBe(true);
    expect(isDevToolsShortcut(key({ key: 'i', control: true, shift: true }))).toBe(true);
    // A layout where the I key types something else still opens the tools through the physical key.
    expect(isDevToolsShortcut(key({ key: 'ı', code: 'KeyI', control: true, shift: true }))).toBe(true);
    expect(isDevToolsShortcut(key({ key: 'J', code: 'KeyJ', meta: true, alt: true }))).toBe(true);
  });

  it('leaves copy, paste, capitals and other shortcuts alone', () => {
    expect(isDevToolsShortcut(key({ key: 'c', code: 'KeyC', control: true }))).toBe(false);
    expect(isDevToolsShortcut(key({ key: 'v', code: 'KeyV', meta: true }))).toBe(false);
    expect(isDevToolsShortcut(key({ key: 'I', code: 'KeyI', shift: true }))).toBe(false);
    expect(isDevToolsShortcut(key({ key: 'K', code: 'KeyK', control: true, shift: true }))).toBe(false);
    expect(isDevToolsShortcut(key({ key: 'F5', code: 'F5' }))).toBe(false);
  });
});
