import { describe, expect, it } from 'vitest';
import { fakeClock, manualScheduler } from '../testing/fakes';
import { createIdleLock, watchWindowActivity } from './idle-lock';

const MINUTE = 60_000;

function setup(timeoutMs = 10 * MINUTE) {
  const clock = fakeClock();
  const scheduler = manualScheduler();
  const locks: number[] = [];
  const idle = createIdleLock({ timeoutMs, clock, scheduler, onIdle: () => locks.push(clock.now()) });
  /** Lets time pass in steps of `step`, with the periodic check running after each, like the real timer. */
  const pass = (ms: number, step = 5_000) => {
    for (let t = 0; t < ms; t += step) {
      clock.advance(Math.min(step, ms - t));
      scheduler.tick();
    }
  };
  return { clock, scheduler, locks, idle, pass };
}

describe('idle lock', () => {
  it('locks once the worker did nothing for the whole limit', () => {
    const { locks, pass } = setup();
    pass(10 * MINUTE - 5_000);
    expect(locks).toHaveLength(0);
    pass(5_000);
    expect(locks).toHaveLength(1);
  });

  it('starts counting again on every input, so a worker who keeps typing is never locked out', () => {
    const { locks, idle, pass } = setup();
    for (let i = 0; i < 6; i++) {
      pass(9 * MINUTE);
      idle.activity();
    }
    expect(locks).toHaveLength(0);
    pass(10 * MINUTE);
    expect(locks).toHaveLength(1);
  });

  it('locks at the first check after a laptop slept past the limit', () => {
    const { clock, scheduler, locks } = setup();
    clock.advance(3 * 60 * MINUTE);
    scheduler.tick();
    expect(locks).toHaveLength(1);
  });

  it('locks only once and then stops checking', () => {
    const { scheduler, locks, pass } = setup();
    pass(30 * MINUTE);
    expect(locks).toHaveLength(1);
    expect(scheduler.active()).toBe(0);
  });

  it('never locks after stop (the session was closed another way)', () => {
    const { idle, scheduler, locks, pass } = setup();
    idle.stop();
    pass(30 * MINUTE);
    expect(locks).toHaveLength(0);
    expect(scheduler.active()).toBe(0);
  });

  it('counts keyboard, pointer and touch input on the window, and forgets the window when stopped', () => {
    const { locks, idle, pass } = setup();
    const target = new EventTarget();
    const unwatch = watchWindowActivity(target, idle);
    for (const type of ['keydown', 'pointermove', 'touchstart']) {
      pass(9 * MINUTE);
      target.dispatchEvent(new Event(type));
    }
    pass(9 * MINUTE);
    expect(locks).toHaveLength(0);
    unwatch();
    pass(30 * MINUTE);
    expect(locks).toHaveLength(0);
  });

  it('refuses a limit of zero, which would lock at once', () => {
    expect(() => createIdleLock({ timeoutMs: 0, clock: fakeClock(), scheduler: manualScheduler(), onIdle: () => undefined })).toThrow();
  });
});
