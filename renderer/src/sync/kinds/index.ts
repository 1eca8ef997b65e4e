import { z } from 'zod';
import type { OutboxKind } from './kind';
import { consentWithdrawalKind } from './consent-withdrawal';
import { dossierKind } from './dossier';
import { newCaseKind } from './new-case';
import { signalEventKind } from './signal-event';

/** The registry of outbox message kinds. A new kind is one file in this folder plus one line in each list below. */

export const outboxKinds = [newCaseKind, signalEventKind, dossierKind, consentWithdrawalKind] as const;
export type OutboxKindName = (typeof outboxKinds)[number]['name'];

/** Every message a repository may enqueue, as one zod union of the kinds. */
export const outboxMessageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal(newCaseKind.name), body: newCaseKind.body }),
  z.object({ kind: z.literal(signalEventKind.name), body: signalEventKind.body }),
  z.object({ kind: z.literal(dossierKind.name), body: dossierKind.body }),
  z.object({ kind: z.literal(consentWithdrawalKind.name), body: consentWithdrawalKind.body }),
]);
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;

/** Kinds by name, as the engine looks them up; tests pass their own (e.g. a fake kind that waits). */
export type KindRegistry = ReadonlyMap<string, OutboxKind>;

export function kindRegistry(kinds: readonly OutboxKind[]): KindRegistry {
  return new Map(kinds.map((kind) => [kind.name, kind]));
}

export const defaultKinds: KindRegistry = kindRegistry(outboxKinds);

export type { Dependency, Envelope, ItemOutcome, OutboxKind } from './kind';
export { confirmed, defineKind, refused } from './kind';
