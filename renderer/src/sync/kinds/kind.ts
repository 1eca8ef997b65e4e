import type { z } from 'zod';
import type { AppError } from '../../../../shared/result';
import type { Change } from '../../../../shared/api/changes';
import type { HubApi, HubCall } from '../hub-client';

/**
 * One kind of outbox message (new case, signal event, later dossier version …): what its body is,
 * how it is sent, how the hub's answer confirms it, and what it must wait for. The engine knows
 * kinds only through this interface (after Signal Desktop's ts/jobs: one queue, many job types).
 */

/** One item to send: `key` is the outbox id, sent as its idempotency key where the route takes one. */
export interface Envelope<Body> {
  key: string;
  body: Body;
}

/** How the hub answered one item. `at` is when the hub received it, when the answer says so. */
export type ItemOutcome = { kind: 'confirmed'; at?: number } | { kind: 'refused'; error: AppError };

/** Another message that must be confirmed before this one may go (a dossier waits for its case). */
export interface Dependency {
  kind: string;
  entityId: string;
}

export interface OutboxKind<Name extends string = string, Body = unknown> {
  readonly name: Name;
  /** The body as it is encrypted in the outbox row; parsed again before every send. */
  readonly body: z.ZodType<Body>;
  /** Items per request; 1 sends them one at a time. */
  readonly batchSize: number;
  /** The entity a body is about. An item whose body names another entity than the item is never sent. */
  entityOf(body: Body): string;
  /** What must be confirmed by the hub first; null when nothing. */
  waitsFor?(body: Body): Dependency | null;
  /** Sends the items in one request; the outcome per item by its key. An item left out is tried again later. */
  send(hub: HubApi, items: readonly Envelope<Body>[]): Promise<HubCall<Map<string, ItemOutcome>>>;
  /** The entity a change in the hub's feed confirms for this kind (its answer may have been lost), or null. */
  confirmedBy?(change: Change): string | null;
}

/** Keeps the literal name and the body type of a kind while checking it against the interface. */
export function defineKind<Name extends string, Body>(kind: OutboxKind<Name, Body>): OutboxKind<Name, Body> {
  return kind;
}

export const confirmed = (at?: number): ItemOutcome => (at === undefined ? { kind: 'confirmed' } : { kind: 'confirmed', at });
export const refused = (error: AppError): ItemOutcome => ({ kind: 'refused', error });
