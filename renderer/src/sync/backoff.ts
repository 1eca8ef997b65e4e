/** Full-jitter exponential backoff: a random wait in [0, min(cap, base·2^(attempt-1))). */
export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_CAP_MS = 5 * 60_000;

export function backoffDelay(attempt: number, random: () => number, base = BACKOFF_BASE_MS, cap = BACKOFF_CAP_MS): number {
  const ceiling = Math.min(cap, base * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

/** Wait before a stuck item's next automatic try: the cap with jitter, between half of it and all of it. */
export function stuckRetryDelay(random: () => number, cap = BACKOFF_CAP_MS): number {
  return Math.floor(cap / 2 + (random() * cap) / 2);
}
