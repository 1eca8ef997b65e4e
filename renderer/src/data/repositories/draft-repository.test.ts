import { describe, expect, it } from 'vitest';
import { tagParts } from '../crypto/places';
import { createTagger } from '../crypto/tags';
import { KeukentafelDb } from '../db';
import { dumpIndexedDb, fakeClock, freshDb, readableText } from '../../testing/fakes';
import { openDraftRepository } from './draft-repository';

const newKey = () => crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);

const halfTyped = {
  name: 'Familie Verhoeven',
  postcode: '6411 ab',
  members: [{ id: crypto.randomUUID(), firstName: 'Jeroen', lastName: '', role: 'adult', age: null }],
  contact: { channel: 'phone', phone: '', email: '', bestTime: '', note: 'Woont boven de bakker' },
};

async function setup() {
  const db = freshDb();
  const key = await newKey();
  const clock = fakeClock();
  return { db, key, clock, repo: openDraftRepository({ db, key, clock }) };
}

describe('draft repository', () => {
  it('has no draft for a form nobody typed in', async () => {
    const { repo } = await setup();
    expect(await repo.load('household:new')).toBeNull();
  });

  it('gives the draft back after a restart (a new repository on the same store)', async () => {
    const { db, key, clock, repo } = await setup();
    await repo.save('household:new', halfTyped);
    db.close();
    const reopened = new KeukentafelDb(db.name);
    const again = openDraftRepository({ db: reopened, key, clock });
    expect(await again.load('household:new')).toEqual(halfTyped);
  });

  it('keeps drafts of different forms apart and replaces a draft with the latest values', async () => {
    const { repo } = await setup();
    const id = crypto.randomUUID();
    await repo.save('household:new', halfTyped);
    await repo.save(`household:${id}`, { ...halfTyped, name: 'Eerst' });
    await repo.save(`household:${id}`, { ...halfTyped, name: 'Daarna' });
    expect(await repo.load('household:new')).toMatchObject({ name: 'Familie Verhoeven' });
    expect(await repo.load(`household:${id}`)).toMatchObject({ name: 'Daarna' });
  });

  it('stores nothing readable: names and notes are only in ciphertext', async () => {
    const { db, repo } = await setup();
    await repo.save('household:new', halfTyped);
    const text = readableText(await dumpIndexedDb(db.name)).join('\n');
    // Not even the form's name: the row key is an opaque tag.
    for (const secret of ['Verhoeven', 'Jeroen', '6411', 'bakker', 'household']) expect(text).not.toContain(secret);
  });

  it('discards a draft, even when a save was still on its way', async () => {
    const { repo } = await setup();
    const saving = repo.save('household:new', halfTyped);
    const discarding = repo.discard('household:new');
    await Promise.all([saving, discarding]);
    expect(await repo.load('household:new')).toBeNull();
  });

  it('finds no draft under another key, and drops one copied from another form, so the form starts clean', async () => {
    const { db, key, clock, repo } = await setup();
    const id = crypto.randomUUID();
    await repo.save('household:new', halfTyped);
    const other = openDraftRepository({ db, key: await newKey(), clock });
    expect(await other.load('household:new')).toBeNull();
    // Someone with write access to IndexedDB copies the new-household draft over another form's draft.
    await repo.save(`household:${id}`, { name: 'Familie Smeets' });
    const tagger = createTagger(key);
    const source = await db.drafts.get(await tagger.tag(...tagParts.draft('household:new')));
    const targetKey = await tagger.tag(...tagParts.draft(`household:${id}`));
    await db.drafts.update(targetKey, { iv: source!.iv, data: source!.data });
    expect(await repo.load(`household:${id}`)).toBeNull();
    expect(await db.drafts.get(targetKey)).toBeUndefined();
    expect(await repo.load('household:new')).toMatchObject({ name: 'Familie Verhoeven' });
  });

  it('refuses a draft name that could carry personal data', async () => {
    const { repo } = await setup();
    expect(() => repo.save('household:Familie Jansen', halfTyped)).toThrow('ongeldige naam');
  });
});
