import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { householdInputSchema } from '../../../../shared/domain/household.schema';
import type { RecordedSignal } from '../../../../shared/domain/intake.schema';
import { emptyDomainEntry, emptyFinances } from '../../../../shared/domain/intake.schema';
import { encryptJson } from '../crypto/cipher';
import { derivePinKey, generateDataKey, newSalt, wrapDataKey } from '../crypto/keys';
import { KeukentafelDb } from '../db';
import type { DeviceSession } from '../../app/session';
import { testDevice } from '../../testing/device';
import { dumpIndexedDb, householdInput, identityHost, readableText, worker } from '../../testing/fakes';
import { schemaV4 } from '../../testing/released-schemas';

/**
 * A device as the app left it before version 5 (frozen schema and row shapes, written the way that
 * code wrote them: AES-GCM without additional data, readable row keys, Dutch history labels), then
 * unlocked by today's app.
 */


const PIN = '24680';
const TOKEN = 't'.repeat(40);
const signal = (catalogueId: string): RecordedSignal => ({
  id: crypto.randomUUID(),
  catalogueId,
  freeText: '',
  note: 'Brief van de verhuurder',
  observedOn: '2026-02-20',
  recordedAt: '2026-03-02T09:00:00.000Z',
});

async function oldDevice() {
  const name = `old-device-${crypto.randomUUID()}`;
  const v4 = new Dexie(name);
  v4.version(4).stores(schemaV4);
  const dataKey = await generateDataKey();
  const salt = newSalt();
  const wrapped = await wrapDataKey(dataKey, await derivePinKey(PIN, salt, 1_000), identityHost);
  if (!wrapped.ok) throw new Error(wrapped.error.code);
  const seal = (value: unknown) => encryptJson(dataKey, value);
  const token = await seal(TOKEN);
  await v4.table('meta').put({
    id: 'account',
    userId: worker.id,
    username: worker.username,
    displayName: worker.displayName,
    role: worker.role,
    teamId: worker.teamId,
    salt,
    iterations: 1_000,
    wrappedKey: wrapped.value,
    failedAttempts: 0,
    lockedUntil: 0,
    tokenIv: token.iv,
    token: token.data,
    tokenExpiresAt: Date.parse('2027-01-01T00:00:00.000Z'),
  });

  const id = crypto.randomUUID();
  const at = '2026-03-01T09:00:00.000Z';
  const household = { id, ...householdInputSchema.parse(householdInput('Familie Bakker')), workerId: worker.id, workerName: worker.displayName, createdAt: at, updatedAt: at };
  await v4.table('households').put({ id, updatedAt: Date.parse(at), ...(await seal(household)) });
  const intake = {
    [`${id}:domain:verslaving`]: { ...emptyDomainEntry(), score: 2, ownView: 'Ik drink te veel als het misgaat.' },
    [`${id}:domain:mentale-gezondheid`]: { ...emptyDomainEntry(), ownView: 'Ik slaap slecht.' },
    [`${id}:signals`]: [signal('dreigende-huisuitzetting')],
    [`${id}:finances`]: { ...emptyFinances(), debts: [{ id: crypto.randomUUID(), creditor: 'Essent', amountCents: 45_000, type: 'energie', stage: 'aanmaning', stageDate: '2026-02-01' }] },
    [`${id}:cursor`]: { route: `/huishoudens/${id}/gesprek/verslaving` },
  };
  for (const [rowId, value] of Object.entries(intake)) {
    await v4.table('intakes').put({ id: rowId, householdId: id, updatedAt: Date.parse(at), ...(await seal(value)) });
  }
  const lines = ['Huishouden — aangemaakt', 'Alcohol, drugs en gokken — Score, Hoe ziet u het zelf?', 'Financiën — schulden', 'Iets dat niemand meer kent'];
  for (const [i, what] of lines.entries()) {
    const when = new Date(Date.parse(at) + i * 60_000).toISOString();
    await v4.table('history').put({ id: crypto.randomUUID(), householdId: id, updatedAt: Date.parse(when), ...(await seal({ at: when, by: worker.displayName, what })) });
  }
  await v4.table('drafts').put({ id: `household:${id}`, updatedAt: 5, ...(await seal({ name: 'Familie Bakker-de Wit' })) });
  const itemId = crypto.randomUUID();
  const body = { caseId: id, postcodeArea: '6411', adults: 1, children: 1, openedAt: at };
  await v4.table('outbox').put({
    id: itemId,
    kind: 'new-case',
    entityId: id,
    createdAt: 1,
    attempts: 1,
    nextAttemptAt: 0,
    status: 'pending',
    lastError: 'Geen verbinding met de gemeente. Controleer het internet en probeer het opnieuw.',
    ...(await seal(body)),
  });
  v4.close();
  return { name, id, itemId, body };
}

/** A hub that takes every new case and records what it was sent and with which token. */
function recordingHub() {
  const sent: { auth: string | null; items: { idempotencyKey: string; case: unknown }[] }[] = [];
  const fetch: typeof globalThis.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : input);
    if (init?.method === 'GET' || url.pathname.endsWith('/changes')) return Promise.resolve(Response.json({ checkpoint: 0, changes: [] }));
    const request = JSON.parse(init?.body as string) as { items: { idempotencyKey: string; case: { caseId: string } }[] };
    sent.push({ auth: new Headers(init?.headers).get('authorization'), items: request.items });
    const results = request.items.map((item) => ({
      idempotencyKey: item.idempotencyKey,
      status: 201,
      body: { caseId: item.case.caseId, status: 'received', receivedAt: '2026-03-02T09:00:00.000Z' },
    }));
    return Promise.resolve(Response.json({ results }));
  };
  return { fetch, sent };
}

async function unlock(name: string, fetch?: typeof globalThis.fetch) {
  const db = new KeukentafelDb(name);
  const device = testDevice({ db, ...(fetch ? { fetch, online: true } : {}) });
  const result = await device.account.unlock(PIN);
  if (!result.ok) throw new Error(result.error.code);
  return { db, session: result.value as DeviceSession };
}

describe('moving records from before version 5 at unlock', () => {
  it('loses nothing: every household, intake section, history line, draft, outbox item and the token opens again', async () => {
    const { name, id, itemId, body } = await oldDevice();
    const hub = recordingHub();
    const { db, session } = await unlock(name, hub.fetch);

    expect(session.households.unreadable).toBe(0);
    expect(session.households.list()).toMatchObject([{ id, name: 'Familie Bakker', sync: 'waiting' }]);
    const intake = await session.intakes.load(id);
    expect(intake.domains.verslaving).toMatchObject({ score: 2, ownView: 'Ik drink te veel als het misgaat.' });
    expect(intake.domains['mentale-gezondheid']).toMatchObject({ ownView: 'Ik slaap slecht.' });
    expect(intake.signals.map((s) => s.catalogueId)).toEqual(['dreigende-huisuitzetting']);
    expect(intake.finances.debts).toMatchObject([{ creditor: 'Essent', amountCents: 45_000 }]);
    expect(intake.updatedAt).toBe('2026-03-01T09:00:00.000Z');
    expect(await session.intakes.cursor(id)).toBe(`/huishoudens/${id}/gesprek/verslaving`);
    await session.intakes.urgencyReady();
    expect(session.intakes.urgency().get(id)).toMatchObject({ crisisTypes: ['huisuitzetting'] });
    expect(await session.intakes.history(id)).toEqual([
      { at: '2026-03-01T09:03:00.000Z', by: worker.displayName, section: 'legacy', fields: [], text: 'Iets dat niemand meer kent' },
      { at: '2026-03-01T09:02:00.000Z', by: worker.displayName, section: 'finances', fields: ['debts'] },
      { at: '2026-03-01T09:01:00.000Z', by: worker.displayName, section: 'domain:verslaving', fields: ['score', 'ownView'] },
      { at: '2026-03-01T09:00:00.000Z', by: worker.displayName, section: 'household', fields: ['created'] },
    ]);
    expect(await session.drafts.load(`household:${id}`)).toEqual({ name: 'Familie Bakker-de Wit' });
    expect(await session.sync.items()).toMatchObject([{ id: itemId, lastError: { code: 'net.offline' } }]);

    // The outbox payload and the hub token were moved too: the item goes out, signed in, with its key.
    await session.sync.syncNow();
    expect(hub.sent).toEqual([{ auth: `Bearer ${TOKEN}`, items: [{ idempotencyKey: itemId, case: body }] }]);
    expect(session.households.list()[0]?.sync).toBe('received');

    // The raw store names no life domain, section or form any more, and no history time is in clear.
    const text = readableText(await dumpIndexedDb(name)).join('\n');
    for (const word of ['verslaving', 'mentale-gezondheid', 'domain', 'signals', 'finances', 'cursor', 'household:']) expect(text).not.toContain(word);
    expect((await db.history.toArray()).map((r) => r.updatedAt)).toEqual([0, 0, 0, 0]);
    expect((await db.households.toArray()).map((r) => r.updatedAt)).toEqual([0]);
    session.lock();
    db.close();
  });

  it('tells the unlock screen how far the move is, and says nothing once it is done', async () => {
    const { name } = await oldDevice();
    const seen: { done: number; total: number }[] = [];
    const db = new KeukentafelDb(name);
    const first = await testDevice({ db }).account.unlock(PIN, { onProgress: (p) => seen.push(p) });
    if (!first.ok) throw new Error(first.error.code);
    // 1 household, 5 intake sections, 4 history lines, 1 draft, 1 outbox item.
    expect(seen.at(-1)).toEqual({ done: 12, total: 12 });
    expect(seen.every((p, i) => p.total === 12 && p.done >= (seen[i - 1]?.done ?? 0))).toBe(true);
    first.value.lock();

    const again: unknown[] = [];
    const second = await testDevice({ db }).account.unlock(PIN, { onProgress: (p) => again.push(p) });
    expect(second.ok).toBe(true);
    expect(again).toEqual([]);
    if (second.ok) second.value.lock();
    db.close();
  });

  it('runs once: a second unlock reads the moved rows as they are', async () => {
    const { name, id } = await oldDevice();
    const first = await unlock(name);
    await first.session.intakes.saveDomain(id, 'geld', { ...emptyDomainEntry(), ownView: 'Nieuw na de omzetting.' });
    first.session.lock();
    first.db.close();

    const second = await unlock(name);
    const intake = await second.session.intakes.load(id);
    expect(intake.domains.geld?.ownView).toBe('Nieuw na de omzetting.');
    expect(intake.domains.verslaving?.ownView).toBe('Ik drink te veel als het misgaat.');
    // Six moved sections, and the activity row the new save wrote.
    expect(await second.db.intakes.count()).toBe(7);
    second.session.lock();
    second.db.close();
  });
});
