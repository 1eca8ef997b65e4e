import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../../shared/api/auth';
import type { Db, Queryable, QueryOptions } from '../db/database';
import { availableBackends } from '../test-support/backends';
import type { Harness } from '../test-support/harness';
import { count, createHarness } from '../test-support/harness';
import { dossierFor, sendCase, versionRequest } from '../test-support/handover';
import { dossierWriteScope } from './dossier-push';
import { createDossierService } from './dossier-service';
import { createHubCipher } from './hub-key';

/**
 * The push's look-up finds a key free, and its write claims it with the versions. When another user's request
 * takes that key in between, the write must not store half a batch: it rolls back and the push tries again.
 */
describe.each(availableBackends())('dossier push when a key is taken between look-up and write, on $name', (backend) => {
  let h: Harness;
  let worker: User;
  let token: string;
  let otherUserId: string;

  beforeAll(async () => {
    h = await createHarness(backend);
    const login = await h.login('worker');
    worker = login.user;
    token = login.token;
    otherUserId = (await h.login('worker-b')).user.id;
  });
  afterAll(async () => {
    await h.close();
  });

  /** h.db, whose first transaction has `takeKey` run right after the push's first look-up. */
  const racingDb = (takeKey: (tx: Queryable) => Promise<void>): Db => {
    let raced = false;
    const wrap = (tx: Queryable): Queryable => ({
      exec: (sql) => tx.exec(sql),
      async query<T>(sql: string, params?: readonly unknown[], options?: QueryOptions) {
        const result = await tx.query<T>(sql, params, options);
        if (!raced && sql.includes("'withdrawn'")) {
          raced = true;
          await takeKey(tx);
        }
        return result;
      },
    });
    return { ...h.db, kind: h.db.kind, query: (sql, params, options) => h.db.query(sql, params, options), transaction: (fn) => h.db.transaction((tx) => fn(wrap(tx))) };
  };

  it('stores nothing twice and judges the taken key as the hub would have at first', async () => {
    const dossiers = [dossierFor(901), dossierFor(902)];
    for (const d of dossiers) await sendCase(h, token, d.caseId);
    const items = dossiers.map((d) => ({ idempotencyKey: randomUUID(), request: versionRequest(d) }));
    const taken = items[0]!.idempotencyKey;
    const insertKey = (q: Queryable) =>
      q.query(
        "INSERT INTO idempotency (key, scope, user_id, request_hash, status_code, response, created_at) VALUES ($1::uuid, $2, $3::uuid, 'another body', 201, $4::jsonb, now())",
        [taken, dossierWriteScope, otherUserId, JSON.stringify({ of: 'another user' })],
      );
    // PostgreSQL: another user's request commits the key from its own connection. PGlite has one connection,
    // so the key is taken inside the push's own transaction: the rollback takes it away again.
    const service = createDossierService({
      db: racingDb((tx) => (backend.name === 'postgres' ? insertKey(h.db) : insertKey(tx)).then(() => undefined)),
      clock: h.clock.now,
      cipher: createHubCipher(randomBytes(32)),
    });

    const outcomes = await service.push(worker, items);

    const [first, second] = outcomes;
    if (backend.name === 'postgres') {
      expect(first).toMatchObject({ kind: 'refused', refusal: { status: 422, code: 'idempotency_key_reused' } });
      expect(await count(h.db, 'dossiers WHERE dossier_id = $1', [items[0]!.request.dossierId])).toBe(0);
    } else {
      expect(first).toMatchObject({ kind: 'stored', status: 201 });
      expect(await count(h.db, 'dossier_versions WHERE dossier_id = $1', [items[0]!.request.dossierId])).toBe(1);
    }
    expect(second).toMatchObject({ kind: 'stored', status: 201, response: { version: 1 } });
    expect(await count(h.db, 'dossier_versions WHERE dossier_id = $1', [items[1]!.request.dossierId])).toBe(1);
    expect(await count(h.db, "changes WHERE case_id = $1 AND entity = 'dossier'", [dossiers[1]!.caseId])).toBe(1);
    // One audit row per item: the rolled-back attempt left none.
    expect(await count(h.db, "audit_log WHERE action = 'dossier.write' AND entity_id = ANY($1::text[])", [items.map((i) => `${i.request.dossierId}:1`)])).toBe(2);
  });
});
