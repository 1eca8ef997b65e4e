/**
 * One tab per device store. Two tabs over one IndexedDB each keep their own snapshot in memory, so
 * the second could write an old name back over the first one's edit. A Web Lock held for the
 * page's whole life decides which tab owns the store; the browser frees it when that tab closes.
 */

export type StoreClaim =
  | { state: 'mine' }
  /** Another tab holds the store. `whenFree` resolves once it closed and this tab holds the lock. */
  | { state: 'taken'; whenFree: Promise<void> };

/** The part of `navigator.locks` this needs, so tests pass a fake. */
export interface LockManagerLike {
  request(name: string, options: { ifAvailable?: boolean }, callback: (lock: unknown) => Promise<unknown>): Promise<unknown>;
}

export function storeLockName(dbName: string): string {
  return `keukentafel-store:${dbName}`;
}

/** Takes the store's lock for as long as this page lives, or says another tab has it. */
export function claimDeviceStore(locks: LockManagerLike | undefined, dbName: string): Promise<StoreClaim> {
  // Electron's single-instance lock already allows one window; a browser without Web Locks cannot check.
  if (!locks) return Promise.resolve({ state: 'mine' });
  const name = storeLockName(dbName);
  const forever = () => new Promise<never>(() => undefined);
  return new Promise<StoreClaim>((resolve, reject) => {
    locks
      .request(name, { ifAvailable: true }, (lock) => {
        if (lock === null) {
          // Queue behind the other tab: granted only once it has closed, then held like the first.
          const whenFree = new Promise<void>((free) => {
            void locks.request(name, {}, () => {
              free();
              return forever();
            });
          });
          resolve({ state: 'taken', whenFree });
          return Promise.resolve();
        }
        resolve({ state: 'mine' });
        return forever();
      })
      .catch(reject);
  });
}
