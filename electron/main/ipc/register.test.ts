import { describe, expect, it } from 'vitest';
import { fail, ok } from '../../../shared/result';
import { FakeIpcMain, subFrame, topFrame } from '../testing/fakes';
import { IPC_ERRORS, registerHandler } from './register';

const info = { kind: 'electron' as const, version: '1', platform: 'linux', hubUrl: 'http://127.0.0.1:4319' };

describe('IPC handler registration', () => {
  it('answers the app page with ok and the parsed response', async () => {
    const ipc = new FakeIpcMain();
    registerHandler(ipc, 'host:info', () => Promise.resolve(ok(info)));
    expect(await ipc.invoke('host:info', [{}])).toEqual({ ok: true, value: info });
  });

  it('refuses senders outside the app origin without running the handler', async () => {
    const ipc = new FakeIpcMain();
    let calls = 0;
    registerHandler(ipc, 'host:info', () => {
      calls += 1;
      return Promise.resolve(ok(info));
    });
    for (const frame of ['https://evil.example/', 'file:///index.html', 'app://other/index.html', 'about:blank', null]) {
      expect(await ipc.invoke('host:info', [{}], frame)).toEqual({ ok: false, error: { code: IPC_ERRORS.sender } });
    }
    expect(calls).toBe(0);
  });

  it('refuses an iframe on the app origin, and a top frame that is not the window\'s own page', async () => {
    const ipc = new FakeIpcMain();
    let calls = 0;
    registerHandler(ipc, 'keys:unwrap', () => {
      calls += 1;
      return Promise.resolve(ok({ data: 'AAAA' }));
    });
    const refused = { ok: false, error: { code: IPC_ERRORS.sender } };
    const appPage = topFrame();
    expect(await ipc.invoke('keys:unwrap', [{ data: 'AAAA' }], subFrame('app://keukentafel/index.html', appPage))).toEqual(refused);
    expect(await ipc.invoke('keys:unwrap', [{ data: 'AAAA' }], subFrame('app://keukentafel/x', subFrame('https://evil.example/')))).toEqual(
      refused,
    );
    // Parent null but another object than the sender's mainFrame: a stale or foreign frame.
    expect(await ipc.invoke('keys:unwrap', [{ data: 'AAAA' }], topFrame(), appPage)).toEqual(refused);
    const disposed = {
      get senderFrame(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
      sender: { mainFrame: appPage },
    };
    expect(await ipc.invokeWith('keys:unwrap', [{ data: 'AAAA' }], disposed)).toEqual(refused);
    expect(calls).toBe(0);
    expect(await ipc.invoke('keys:unwrap', [{ data: 'AAAA' }], appPage, appPage)).toEqual({ ok: true, value: { data: 'AAAA' } });
    expect(calls).toBe(1);
  });

  it('turns malformed requests into an error answer, never a throw', async () => {
    const ipc = new FakeIpcMain();
    registerHandler(ipc, 'keys:wrap', ({ data }) => Promise.resolve(ok({ data })));
    for (const args of [[{ data: 'not base64!' }], [{ data: 42 }], [{ data: 'AAAA', extra: 1 }], ['AAAA'], [{ data: 'AAAA' }, 'x']]) {
      expect(await ipc.invoke('keys:wrap', args)).toEqual({ ok: false, error: { code: IPC_ERRORS.request } });
    }
    expect(await ipc.invoke('keys:wrap', [{ data: 'AAAA' }])).toEqual({ ok: true, value: { data: 'AAAA' } });
  });

  it('passes a handler failure through and hides a thrown error behind a plain message', async () => {
    const ipc = new FakeIpcMain();
    registerHandler(ipc, 'keys:wrap', () => Promise.resolve(fail('keys.unavailable')));
    registerHandler(ipc, 'keys:unwrap', () => Promise.reject(new Error('/home/user/secret path')));
    expect(await ipc.invoke('keys:wrap', [{ data: 'AAAA' }])).toEqual({ ok: false, error: { code: 'keys.unavailable' } });
    expect(await ipc.invoke('keys:unwrap', [{ data: 'AAAA' }])).toEqual({ ok: false, error: { code: IPC_ERRORS.failed } });
  });

  it('refuses to send an answer that breaks the response schema', async () => {
    const ipc = new FakeIpcMain();
    registerHandler(ipc, 'keys:wrap', () => Promise.resolve(ok({ data: 'not base64!' })));
    expect(await ipc.invoke('keys:wrap', [{ data: 'AAAA' }])).toEqual({ ok: false, error: { code: IPC_ERRORS.response } });
  });
});
