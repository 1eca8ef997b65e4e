import { describe, expect, it } from 'vitest';
import { createSaveQueue } from './save-queue';

const deferred = () => {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
};

describe('createSaveQueue', () => {
  it('says "saving" at once and "saved" only after the save committed', async () => {
    const q = createSaveQueue();
    const d = deferred();
    const done = q.save('a', () => d.promise);
    expect(q.state().kind).toBe('saving');
    d.resolve();
    await done;
    expect(q.state().kind).toBe('saved');
  });

  it('runs saves in order and stores the newest text when keystrokes come faster than saves', async () => {
    const q = createSaveQueue();
    const stored: string[] = [];
    const first = deferred();
    void q.save('own-view', () => first.promise.then(() => void stored.push('H')));
    void q.save('own-view', () => Promise.resolve(void stored.push('Ha')));
    const last = q.save('own-view', () => Promise.resolve(void stored.push('Hal')));
    first.resolve();
    await last;
    expect(stored).toEqual(['H', 'Hal']);
    expect(q.state().kind).toBe('saved');
  });

  it('keeps different slots apart, so no section is skipped', async () => {
    const q = createSaveQueue();
    const stored: string[] = [];
    const gate = deferred();
    void q.save('x', () => gate.promise);
    void q.save('domain:geld', () => Promise.resolve(void stored.push('geld')));
    const done = q.save('signals', () => Promise.resolve(void stored.push('signals')));
    gate.resolve();
    await done;
    expect(stored).toEqual(['geld', 'signals']);
  });

  it('reports a failed save with a retry, and clears it when a later save of that slot succeeds', async () => {
    const q = createSaveQueue();
    await q.save('a', () => Promise.reject(new Error('disk full')));
    const state = q.state();
    expect(state.kind).toBe('failed');
    let tries = 0;
    await q.save('a', () => Promise.resolve(void (tries += 1)));
    expect(q.state().kind).toBe('saved');
    expect(tries).toBe(1);
  });

  it('keeps every failed section: geld and wonen both fail, retry writes both, and only then says "saved"', async () => {
    const q = createSaveQueue();
    const stored: string[] = [];
    let down = true;
    const writer = (what: string) => () => (down ? Promise.reject(new Error('disk full')) : Promise.resolve(void stored.push(what)));
    void q.save('domain:geld', writer('geld'));
    await q.save('domain:wonen', writer('wonen'));
    const failed = q.state();
    expect(failed.kind).toBe('failed');
    expect(failed.kind === 'failed' ? failed.errors : []).toHaveLength(2);

    down = false;
    await q.save('signals', writer('signals'));
    expect(q.state().kind).toBe('failed');

    if (failed.kind === 'failed') failed.retry();
    await q.whenIdle();
    expect(stored.sort()).toEqual(['geld', 'signals', 'wonen']);
    expect(q.state().kind).toBe('saved');
  });

  it('does not let a retry overwrite a newer save of the same section', async () => {
    const q = createSaveQueue();
    const stored: string[] = [];
    await q.save('domain:geld', () => Promise.reject(new Error('disk full')));
    const failed = q.state();
    const gate = deferred();
    void q.save('x', () => gate.promise);
    void q.save('domain:geld', () => Promise.resolve(void stored.push('new')));
    if (failed.kind === 'failed') failed.retry();
    gate.resolve();
    await q.whenIdle();
    expect(stored).toEqual(['new']);
    expect(q.state().kind).toBe('saved');
  });

  it('whenIdle waits for saves still running, and is immediate when nothing runs', async () => {
    const q = createSaveQueue();
    await q.whenIdle();
    const gate = deferred();
    let written = false;
    void q.save('a', () => gate.promise.then(() => void (written = true)));
    const idle = q.whenIdle().then(() => written);
    gate.resolve();
    expect(await idle).toBe(true);
  });
});
