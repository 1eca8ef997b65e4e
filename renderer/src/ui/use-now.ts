import { useEffect, useState } from 'react';

/** The current time, refreshed every second while `ticking` (for countdowns). */
export function useNow(ticking: boolean, clock: () => number = Date.now): number {
  const [now, setNow] = useState(clock);
  useEffect(() => {
    if (!ticking) return;
    setNow(clock());
    const timer = setInterval(() => setNow(clock()), 1000);
    return () => clearInterval(timer);
  }, [ticking, clock]);
  return now;
}
