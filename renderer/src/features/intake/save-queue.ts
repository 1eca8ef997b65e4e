/**
 * Runs autosaves one after another, in call order. A save that has not started yet is replaced by a
 * newer one for the same slot (the newest state wins; nothing is delayed, so this is not a debounce).
 * Every slot whose last save failed is remembered until a save of that slot succeeds, so one failure
 * can never hide another.
 */

export type SaveState =
  | { kind: 'saved' }
  | { kind: 'saving' }
  /** `errors` are what the failed saves threw, oldest slot first; `retry` runs every failed save again. */
  | { kind: 'failed'; retry: () => void; errors: readonly unknown[] };

export interface SaveQueue {
  save: (slot: string, run: () => Promise<void>) => Promise<void>;
  state: () => SaveState;
  subscribe: (listener: () => void) => () => void;
  /** Resolves once nothing is waiting or running (at once when idle), so a load never reads behind a save. */
  whenIdle: () => Promise<void>;
}

type Run = () => Promise<void>;

export function createSaveQueue(): SaveQueue {
  const waiting = new Map<string, Run>();
  const failed = new Map<string, { run: Run; error: unknown }>();
  const listeners = new Set<() => void>();
  let running = false;
  let current: SaveState = { kind: 'saved' };
  let idle: Promise<void> = Promise.resolve();
  let resolveIdle: (() => void) | null = null;

  const set = (s: SaveState) => {
    current = s;
    listeners.forEach((l) => l());
  };

  function retryAll(): void {
    // A newer save waiting for the same slot already carries newer data; keep it.
    for (const [slot, { run }] of failed) if (!waiting.has(slot)) waiting.set(slot, run);
    start();
  }

  async function drain(): Promise<void> {
    running = true;
    while (waiting.size > 0) {
      const [slot, run] = waiting.entries().next().value as [string, Run];
      waiting.delete(slot);
      try {
        await run();
        failed.delete(slot);
      } catch (error) {
        failed.set(slot, { run, error });
      }
    }
    running = false;
    set(failed.size > 0 ? { kind: 'failed', retry: retryAll, errors: [...failed.values()].map((f) => f.error) } : { kind: 'saved' });
    resolveIdle?.();
    resolveIdle = null;
  }

  function start(): void {
    if (waiting.size === 0) return;
    if (current.kind !== 'saving') set({ kind: 'saving' });
    if (!running) {
      idle = new Promise((resolve) => (resolveIdle = resolve));
      void drain();
    }
  }

  return {
    save(slot, run) {
      waiting.set(slot, run);
      start();
      return idle;
    },
    state: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    whenIdle: () => (running ? idle : Promise.resolve()),
  };
}
