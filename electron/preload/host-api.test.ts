import { describe, expect, it } from 'vitest';
import { createHostApi } from './host-api';
import type { IpcRendererLike } from './host-api';

type Listener = (...args: unknown[]) => void;

function fakeIpc(answer: (channel: string, request: unknown) => Promise<unknown>) {
  const listeners = new Map<string, Set<Listener>>();
  const invoked: { channel: string; args: unknown[] }[] = [];
  const ipc: IpcRendererLike = {
    invoke: (channel, ...args) => {
      invoked.push({ channel, args });
      return answer(channel, args[0]);
    },
    on: (channel, listener) => listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener)),
    removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
  };
  const emit = (channel: string, ...args: unknown[]) => listeners.get(channel)?.forEach((l) => l(...args));
  return { ipc, invoked, emit };
}

describe('preload host API', () => {
  it('calls the typed channels and unwraps the key data', async () => {
    const { ipc, invoked } = fakeIpc((channel, request) =>
      Promise.resolve(channel === 'host:info' ? { ok: true, value: { kind: 'electron' } } : { ok: true, value: { data: `w(${(request as { data: string }).data})` } }),
    );
    const api = createHostApi(ipc);
    expect(await api.info()).toEqual({ ok: true, value: { kind: 'electron' } });
    expect(await api.wrapKey('AAAA')).toEqual({ ok: true, value: 'w(AAAA)' });
    expect(await api.unwrapKey('BBBB')).toEqual({ ok: true, value: 'w(BBBB)' });
    expect(invoked).toEqual([
      { channel: 'host:info', args: [{}] },
      { channel: 'keys:wrap', args: [{ data: 'AAAA' }] },
      { channel: 'keys:unwrap', args: [{ data: 'BBBB' }] },
    ]);
  });

  it('passes a refusal from main on unchanged', async () => {
    const { ipc } = fakeIpc(() => Promise.resolve({ ok: false, error: 'Geen sleutelring.' }));
    expect(await createHostApi(ipc).wrapKey('AAAA')).toEqual({ ok: false, error: 'Geen sleutelring.' });
  });

  it('answers with an error when main cannot be reached', async () => {
    const { ipc } = fakeIpc(() => Promise.reject(new Error('No handler registered')));
    const answer = await createHostApi(ipc).info();
    expect(answer.ok).toBe(false);
  });

  it('calls onLock listeners without handing over the IPC event, until unsubscribed', () => {
    const { ipc, emit } = fakeIpc(() => Promise.resolve(null));
    const calls: unknown[][] = [];
    const unsubscribe = createHostApi(ipc).onLock((...args: unknown[]) => calls.push(args));
    emit('host:lock', { sender: 'ipcRenderer' });
    unsubscribe();
    emit('host:lock', { sender: 'ipcRenderer' });
    expect(calls).toEqual([[]]);
  });
});
