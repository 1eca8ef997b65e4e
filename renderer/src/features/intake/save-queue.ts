/**
 * Runs autosaves one after another, in call order. A save that has not started yet is replaced by a
 * newer one for the same slot (the newest state wins; nothing is delayed, so this is not a debounce).
 */

export type SaveState = { kind: 'saved' } | { kind: 'saving' } | { kind: 'failed'; retry: () => void };

export interface SaveQueue {
  save: (slot: string, run: () => Promise<void>) => Promise<void>;
  state: () => SaveState;
  subscribe: (listener: () => void) => () => void;
}

export function createSaveQueue(): SaveQueue {
  const waiting = new Map<string, () => Promise<void>>();
  const listeners = new Set<() => void>();
  let running = false;
  let current: SaveState = { kind: 'saved' };
  let lastFailed: { slot: string; run: () => Promise<void> } | null = null;
  let idle: Promise<void> = Promise.resolve();
  let resolveIdle: (() => void) | null = null;

  const set = (s: SaveState) => {
    current = s;
    listeners.forEach((l) => l());
  };

  async function drain(): Promise<void> {
    running = true;
    while (waiting.size > 0) {
      const [slot, run] = waiting.entries().next().value as [string, () => Promise<void>];
      waiting.delete(slot);
      try {
        await run();
        if (lastFailed?.slot === slot) lastFailed = null;
      } catch {
        lastFailed = { slot, run };
      }
    }
    running = false;
    const failed = lastFailed;
    set(failed ? { kind: 'failed', retry: () => void queue.save(failed.slot, failed.run) } : { kind: 'saved' });
    resolveIdle?.();
    resolveIdle = null;
  }

  const queue: SaveQueue = {
    save(slot, run) {
      waiting.set(slot, run);
      if (current.kind !== 'saving') set({ kind: 'saving' });
      if (!running) {
        idle = new Promise((resolve) => (resolveIdle = resolve));
        void drain();
      }
      return idle;
    },
    state: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
  return queue;
}
