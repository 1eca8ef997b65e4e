/**
 * The device stores as released, frozen: migration tests and the upgrade bench write rows the way those
 * versions did, then open them with today's KeukentafelDb. Never edit one; add the next released version.
 */

/** Version 1. */
export const schemaV1 = {
  meta: 'id',
  households: 'id, updatedAt',
  intakes: 'id, householdId, updatedAt',
  history: 'id, householdId, updatedAt',
  outbox: 'id, entityId, status, nextAttemptAt',
  sync: 'entityId',
} as const;

/** Version 4, the last before records were bound to their place (version 5). */
export const schemaV4 = { ...schemaV1, checkpoints: 'id', snapshots: 'id', drafts: 'id' } as const;
