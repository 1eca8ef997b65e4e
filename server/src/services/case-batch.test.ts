import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../../shared/api/auth';
import type { CaseBatchItem } from '../../../shared/api/cases';
import { availableBackends } from '../test-support/backends';
import type { Harness } from '../test-support/harness';
import { count, createHarness, newCase } from '../test-support/harness';
import { createCaseBatch, splitRounds } from './case-batch';

// The routes lower-case every UUID; these tests call the service with raw spellings to check its own guard.
describe.each(availableBackends())('case batch service on $name', (backend) => {
  let h: Harness;
  let worker: User;
  beforeAll(async () => {
    h = await createHarness(backend);
    worker = (await h.login('worker')).user;
  });
  afterAll(async () => {
    await h.close();
  });

  const run = (items: CaseBatchItem[]) => createCaseBatch(h.db, h.clock.now(), worker, items);

  it('lets one key in two spellings create one case, and refuses the other body', async () => {
    const key = randomUUID();
    const items = [
      { idempotencyKey: key.toUpperCase(), case: newCase() },
      { idempotencyKey: key, case: newCase() },
    ];
    expect(splitRounds(items)).toEqual([[0, 1]]);
    const outcomes = await run(items);
    expect(outcomes.map((o) => o.kind)).toEqual(['created', 'key-reused']);
    expect(await count(h.db, 'idempotency WHERE key = $1', [key])).toBe(1);
    expect(await count(h.db, 'cases WHERE case_id = ANY($1::uuid[])', [items.map((i) => i.case.caseId)])).toBe(1);
    const { rows } = await h.db.query<{ request_hash: string; case_id: string }>(
      "SELECT request_hash, response->>'caseId' AS case_id FROM idempotency WHERE key = $1",
      [key],
    );
    expect(rows[0]?.case_id).toBe(items[0]!.case.caseId);
  });

  it('answers a same-body repeat of a key in another spelling as a replay', async () => {
    const key = randomUUID();
    const body = newCase();
    const outcomes = await run([
      { idempotencyKey: key, case: body },
      { idempotencyKey: key.toUpperCase(), case: body },
    ]);
    expect(outcomes.map((o) => o.kind)).toEqual(['created', 'replayed']);
  });

  it('creates a case named in two spellings under two keys once, and answers the second with case-exists', async () => {
    const body = newCase();
    const items = [
      { idempotencyKey: randomUUID(), case: body },
      { idempotencyKey: randomUUID(), case: { ...body, caseId: body.caseId.toUpperCase() } },
    ];
    const outcomes = await run(items);
    expect(outcomes.map((o) => o.kind)).toEqual(['created', 'case-exists']);
    expect(await count(h.db, 'cases WHERE case_id = $1', [body.caseId])).toBe(1);
    // The refused item keeps no key, as in the single route.
    expect(await count(h.db, 'idempotency WHERE key = $1', [items[1]!.idempotencyKey])).toBe(0);
    expect(await count(h.db, "audit_log WHERE entity_id = $1 AND outcome = 'ok'", [body.caseId])).toBe(1);
  });
});
