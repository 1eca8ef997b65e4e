import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../../shared/api/auth';
import type { CaseBatchItem } from '../../../shared/api/cases';
import { availableBackends } from '../test-support/backends';
import type { Harness } from '../test-support/harness';
import { count, createHarness, newCase } from '../test-support/harness';
import { auditedTransaction } from './audit';
import { createCases, openedOn } from './case-create';
import { splitRounds } from './idempotency';

// The routes lower-case every UUID; these tests call the service with raw spellings to check its own guard.
describe.each(availableBackends())('creating cases on $name', (backend) => {
  let h: Harness;
  let worker: User;
  beforeAll(async () => {
    h = await createHarness(backend);
    worker = (await h.login('worker')).user;
  });
  afterAll(async () => {
    await h.close();
  });

  const run = (items: CaseBatchItem[]) => {
    const now = h.clock.now();
    return auditedTransaction(h.db, now, (tx, trail) => createCases(tx, trail, worker, now, items));
  };

  it('lets one key in two spellings create one case, and refuses the other body', async () => {
    const key = randomUUID();
    const items = [
      { idempotencyKey: key.toUpperCase(), case: newCase() },
      { idempotencyKey: key, case: newCase() },
    ];
    expect(splitRounds(items, (i) => [i.idempotencyKey, i.case.caseId])).toEqual([[0], [1]]);
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

  it('keeps only the day a case was opened, in Dutch time', async () => {
    const late = newCase({ openedAt: '2026-03-01T23:30:00.000Z' });
    const day = newCase({ openedAt: '2026-03-05' });
    await run([
      { idempotencyKey: randomUUID(), case: late },
      { idempotencyKey: randomUUID(), case: day },
    ]);
    const { rows } = await h.db.query<{ opened_on: string; opened_at: unknown }>(
      'SELECT opened_on::text AS opened_on, opened_at FROM cases WHERE case_id = ANY($1::uuid[]) ORDER BY seq',
      [[late.caseId, day.caseId]],
    );
    expect(rows).toEqual([
      { opened_on: '2026-03-02', opened_at: null },
      { opened_on: '2026-03-05', opened_at: null },
    ]);
    expect(openedOn('2026-07-01T21:59:00Z')).toBe('2026-07-01');
    expect(openedOn('2026-07-01T22:00:00Z')).toBe('2026-07-02');
  });
});
