import type { AppError } from '../../../shared/result';
import type { OutboxFailureKind, OutboxRow } from '../data/db';
import { backoffDelay, stuckRetryDelay } from './backoff';
import type { HubCall } from './hub-client';

/**
 * What a failed send does to an outbox row. After repeated failures a row is stuck (shown as
 * "Vastgelopen"); a transient one is still retried by itself every few minutes, so a short hub
 * outage heals, while one the hub refused waits for the worker's "Opnieuw proberen".
 */

export type HubFailure = Exclude<HubCall<unknown>, { kind: 'ok' }>;

/** Network errors, 5xx and 429 pass once the hub is back; any other refusal needs a person. 401 is handled before. */
export function failureKindOf(answer: HubFailure): OutboxFailureKind {
  return answer.kind === 'network' || answer.status >= 500 || answer.status === 429 ? 'transient' : 'permanent';
}

// Rows stuck before failureKind existed: these codes only come from network, 5xx or 429 failures.
const transientCodes = new Set<string>(['net.offline', 'hub.internal', 'hub.unavailable', 'hub.rate_limited']);

/** Whether the engine sends this row by itself when it is due. */
export function isAutoRetried(row: OutboxRow): boolean {
  if (row.status === 'pending') return true;
  if (row.failureKind !== undefined) return row.failureKind === 'transient';
  return row.lastError !== null && transientCodes.has(row.lastError.code);
}

export interface FailurePolicy {
  now: number;
  maxAttempts: number;
  random: () => number;
}

/** The row's new fields after one more failed try. */
export function afterFailure(
  item: OutboxRow,
  error: AppError,
  kind: OutboxFailureKind,
  policy: FailurePolicy,
): Pick<OutboxRow, 'attempts' | 'status' | 'nextAttemptAt' | 'lastError' | 'failureKind'> {
  const attempts = item.attempts + 1;
  const stuck = kind === 'permanent' || attempts >= policy.maxAttempts || item.status === 'stuck';
  // Each item draws its own jitter, so a failed batch does not come back as one burst.
  const nextAttemptAt =
    kind === 'permanent'
      ? item.nextAttemptAt
      : policy.now + (stuck ? stuckRetryDelay(policy.random) : backoffDelay(attempts, policy.random));
  return { attempts, status: stuck ? 'stuck' : 'pending', nextAttemptAt, lastError: error, failureKind: kind };
}
