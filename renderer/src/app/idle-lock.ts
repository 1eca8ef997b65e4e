import type { Clock, Scheduler } from '../data/ports';

/**
 * Locks the session after a stretch without keyboard, pointer or touch input.
 * Input only stamps the time (cheap enough for every pointermove); a periodic check compares,
 * which also catches a laptop that slept past the limit.
 */

export interface IdleLockDeps {
  timeoutMs: number;
  clock: Clock;
  scheduler: Scheduler;
  /** Called once, when the limit is reached; the lock then stops itself. */
  onIdle: () => void;
  /** How often to compare; defaults to a tenth of the timeout, at most 5 s. */
  checkEveryMs?: number;
}

export interface IdleLock {
  /** The worker did something: the idle time starts again. */
  activity(): void;
  stop(): void;
}

export function createIdleLock(deps: IdleLockDeps): IdleLock {
  const { timeoutMs, clock, scheduler, onIdle } = deps;
  if (!(timeoutMs > 0)) throw new Error('timeoutMs must be positive');
  let last = clock.now();
  let cancel: (() => void) | null = scheduler.every(deps.checkEveryMs ?? Math.min(5_000, Math.max(100, timeoutMs / 10)), () => {
    if (clock.now() - last < timeoutMs) return;
    stop();
    onIdle();
  });

  function stop(): void {
    cancel?.();
    cancel = null;
  }

  return {
    activity() {
      last = clock.now();
    },
    stop,
  };
}

/** Input that counts as the worker being there; passive, so scrolling and typing are never slowed. */
export const IDLE_ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

/** Feeds the window's input events to `lock`; returns a function that removes the listeners and stops it. */
export function watchWindowActivity(target: Pick<Window, 'addEventListener' | 'removeEventListener'>, lock: IdleLock): () => void {
  const onInput = () => lock.activity();
  for (const type of IDLE_ACTIVITY_EVENTS) target.addEventListener(type, onInput, { passive: true, capture: true });
  return () => {
    for (const type of IDLE_ACTIVITY_EVENTS) target.removeEventListener(type, onInput, { capture: true });
    lock.stop();
  };
}
