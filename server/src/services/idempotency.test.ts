import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../../shared/api/auth';
import { availableBackends } from '../test-support/backends';
import type { Harness } from '../test-support/harness';
import { count, createHarness } from '../test-support/harness';
import type { KeyedRequest } from './idempotency';
import { claimKeys, hashBody, judge, releaseKeys, splitRounds } from './idempotency';

describe('idempotency helpers', () => {
  it('hashes one body alike whatever its key order, and another body differently', () => {
    expect(hashBody({ a: 1, b: [1, { c: 2, d: 3 }] })).toBe(hashBody({ b: [1, { d: 3, c: 2 }], a: 1 }));
    expect(hashBody({ a: 1 })).not.toBe(hashBody({ a: 2 }));
  });

  it('puts a repeated key or record id in a later round, keeping order', () => {
    const items = ['a:1', 'b:2', 'A:3', 'c:2', 'd:4'].map((s) => s.split(':') as [string, string]);
    expect(splitRounds(items, ([key, id]) => [key, id])).toEqual([[0, 1, 4], [2, 3]]);
  });

  it('answers the first response only for the same scope, user and hash', () => {
    const stored = { hash: 'h', scope: 'case.create', userId: 'u1', status: 201, response: { ok: 1 } };
    expect(judge(stored, 'h', { scope: 'case.create', userId: 'u1' })).toEqual({ kind: 'replayed', status: 201, response: { ok: 1 } });
    expect(judge(stored, 'other', { scope: 'case.create', userId: 'u1' })).toEqual({ kind: 'reused' });
    expect(judge(stored, 'h', { scope: 'dossier.create', userId: 'u1' })).toEqual({ kind: 'reused' });
    expect(judge(stored, 'h', { scope: 'case.create', userId: 'u2' })).toEqual({ kind: 'reused' });
    expect(judge(undefined, 'h', { scope: 'case.create', userId: 'u1' })).toEqual({ kind: 'reused' });
  });
});

describe.each(availableBackends())('idempotency ledger on $name', (backend) => {
  let h: Harness;
  let worker: User;
  beforeAll(async () => {
    h = await createHarness(backend);
    worker = (await h.login('worker')).user;
  });
  afterAll(async () => {
    await h.close();
  });

  const request = (key: string, hash: string): KeyedRequest<{ n: string }> => ({ key, hash, status: 201, response: { n: hash } });
  const claim = (scope: string, requests: KeyedRequest<{ n: string }>[]) =>
    h.db.transaction((tx) => claimKeys(tx, { scope, userId: worker.id, at: h.clock.now() }, requests));

  it('claims new keys, replays a known one, refuses it for another body or route, and frees a released one', async () => {
    const [k1, k2] = [randomUUID(), randomUUID()];
    expect(await claim('test.write', [request(k1, 'a'), request(k2, 'b')])).toEqual([{ kind: 'new' }, { kind: 'new' }]);
    expect(await claim('test.write', [request(k1.toUpperCase(), 'a'), request(k2, 'changed')])).toEqual([
      { kind: 'replayed', status: 201, response: { n: 'a' } },
      { kind: 'reused' },
    ]);
    expect(await claim('other.write', [request(k1, 'a')])).toEqual([{ kind: 'reused' }]);
    await h.db.transaction((tx) => releaseKeys(tx, [k2]));
    expect(await count(h.db, 'idempotency WHERE key = $1', [k2])).toBe(0);
    expect(await claim('test.write', [request(k2, 'changed')])).toEqual([{ kind: 'new' }]);
  });
});
