import { useEffect, useState } from 'react';

/** Warn from this share of the browser's quota on: IndexedDB writes start failing when it is full. */
export const STORAGE_WARN_RATIO = 0.8;
const CHECK_EVERY_MS = 5 * 60_000;

export interface StorageEstimateLike {
  usage?: number;
  quota?: number;
}

/** The percentage used when it is at or above the warning level, else null (also when unknown). */
export function storageWarningPercent(estimate: StorageEstimateLike | null | undefined, ratio = STORAGE_WARN_RATIO): number | null {
  const { usage, quota } = estimate ?? {};
  if (usage === undefined || quota === undefined || quota <= 0) return null;
  const used = usage / quota;
  return used >= ratio ? Math.min(100, Math.floor(used * 100)) : null;
}

type Estimate = () => Promise<StorageEstimateLike> | undefined;

const browserEstimate: Estimate = () => globalThis.navigator?.storage?.estimate?.();

/** Checks the quota now and every few minutes while mounted; the percentage to warn about, or null. */
export function useStorageWarning(estimate: Estimate = browserEstimate): number | null {
  const [percent, setPercent] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    const check = () =>
      void Promise.resolve(estimate())
        .then((e) => live && setPercent(storageWarningPercent(e)))
        .catch(() => undefined);
    check();
    const timer = setInterval(check, CHECK_EVERY_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [estimate]);
  return percent;
}
