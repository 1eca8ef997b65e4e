import { describe, expect, it } from 'vitest';
import { electronHostFrom } from './electron-host';

const reject = () => Promise.reject(new Error('not in this test'));
const preloadApi = { info: reject, wrapKey: reject, unwrapKey: reject, onLock: () => () => undefined };

describe('electronHostFrom', () => {
  it('takes the API the preload exposed', () => {
    expect(electronHostFrom({ keukentafel: preloadApi })).toBe(preloadApi);
  });

  it('gives nothing when the preload is missing or incomplete, instead of quietly becoming the browser host', () => {
    expect(electronHostFrom({})).toBeNull();
    expect(electronHostFrom({ keukentafel: undefined })).toBeNull();
    expect(electronHostFrom({ keukentafel: 'keukentafel' })).toBeNull();
    const { unwrapKey: _dropped, ...withoutUnwrap } = preloadApi;
    expect(electronHostFrom({ keukentafel: withoutUnwrap })).toBeNull();
    expect(electronHostFrom({ keukentafel: { ...preloadApi, onLock: true } })).toBeNull();
  });
});
