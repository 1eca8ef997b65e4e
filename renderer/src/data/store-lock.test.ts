import { describe, expect, it } from 'vitest';
import type { LockManagerLike } from './store-lock';
import { claimDeviceStore } from './store-lock';

/** Exclusive Web Locks shared by several fake tabs; closing a tab frees its locks, as the browser does. */
function browserLocks() {
  const holder = new Map<string, number>();
  const waiting: { name: string; tab: number; grant: () => void }[] = [];
  const grantNext = (name: string) => {
    const next = waiting.findIndex((w) => w.name === name);
    if (next >= 0) waiting.splice(next, 1)[0]!.grant();
  };
  return {
    tab(tab: number): LockManagerLike {
      return {
        request(name, options, callback) {
          const take = () => {
            holder.set(name, tab);
            return callback({ name }).finally(() => {
              if (holder.get(name) === tab) holder.delete(name);
              grantNext(name);
            });
          };
          if (!holder.has(name)) return take();
          if (options.ifAvailable) return callback(null);
          return new Promise((resolve) => waiting.push({ name, tab, grant: () => resolve(take()) }));
        },
      };
    },
    close(tab: number) {
      for (const [name, owner] of holder) {
        if (owner !== tab) continue;
        holder.delete(name);
        grantNext(name);
      }
    },
  };
}

describe('one tab per device store', () => {
  it('gives the store to the first tab and tells the second that another tab has it', async () => {
    const locks = browserLocks();
    expect(await claimDeviceStore(locks.tab(1), 'keukentafel')).toEqual({ state: 'mine' });
    const second = await claimDeviceStore(locks.tab(2), 'keukentafel');
    expect(second.state).toBe('taken');
    // A store under another name (another worker's test database) is not blocked.
    expect(await claimDeviceStore(locks.tab(2), 'keukentafel-other')).toEqual({ state: 'mine' });
  });

  it('hands the store to the waiting tab once the first tab has closed, and to no one before', async () => {
    const locks = browserLocks();
    await claimDeviceStore(locks.tab(1), 'keukentafel');
    const second = await claimDeviceStore(locks.tab(2), 'keukentafel');
    if (second.state !== 'taken') throw new Error('expected taken');
    let freed = false;
    void second.whenFree.then(() => (freed = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(freed).toBe(false);
    locks.close(1);
    await second.whenFree;
    expect(freed).toBe(true);
    // The second tab now holds it: a third tab is told so.
    expect((await claimDeviceStore(locks.tab(3), 'keukentafel')).state).toBe('taken');
  });

  it('owns the store where the browser has no Web Locks (Electron allows one window anyway)', async () => {
    expect(await claimDeviceStore(undefined, 'keukentafel')).toEqual({ state: 'mine' });
  });
});
