/** Small ports for time, timers and the network signal, so tests can drive them by hand. */

export interface Clock {
  now(): number;
}

export interface Scheduler {
  /** Calls `fn` every `ms`; returns a cancel function. */
  every(ms: number, fn: () => void): () => void;
}

export interface OnlineSignal {
  isOnline(): boolean;
  subscribe(listener: (online: boolean) => void): () => void;
}

export const systemClock: Clock = { now: () => Date.now() };

/**
 * Resolves at the page's next quiet moment (after the screen in progress is painted), or after `timeoutMs` at the
 * latest; where there is no idle signal (Node), after the current task. Background builds wait for it.
 */
export function whenIdle(timeoutMs = 1_000): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: timeoutMs });
    else setTimeout(resolve, 0);
  });
}

export const intervalScheduler: Scheduler = {
  every(ms, fn) {
    const handle = setInterval(fn, ms);
    return () => clearInterval(handle);
  },
};

/** The browser's online/offline events; navigator.onLine is only a hint, the hub call decides. */
export function browserOnlineSignal(target: Window = window): OnlineSignal {
  return {
    isOnline: () => target.navigator.onLine,
    subscribe(listener) {
      const up = () => listener(true);
      const down = () => listener(false);
      target.addEventListener('online', up);
      target.addEventListener('offline', down);
      return () => {
        target.removeEventListener('online', up);
        target.removeEventListener('offline', down);
      };
    },
  };
}

/** A tiny listener set; each owner creates its own, so there is no shared module state. */
export function createEmitter<A extends unknown[] = []>() {
  const listeners = new Set<(...args: A) => void>();
  const subscribe = (listener: (...args: A) => void): (() => void) => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  };
  const emit = (...args: A): void => {
    for (const listener of [...listeners]) listener(...args);
  };
  return { subscribe, emit };
}
