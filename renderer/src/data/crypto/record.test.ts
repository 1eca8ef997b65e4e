import { describe, expect, it } from 'vitest';
import { places } from './places';
import { bucketSize, openRecord, sealRecord, UnreadableRecordError } from './record';
import { createTagger } from './tags';

const newKey = () => crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
const debt = (i: number) => ({ creditor: `Schuldeiser ${i}`, amountCents: 10_000 + i, stage: 'reminder' });

describe('records sealed to their place', () => {
  it('opens at the place it was sealed for', async () => {
    const key = await newKey();
    const place = places.intake(crypto.randomUUID(), 'domain:mentale-gezondheid');
    const sealed = await sealRecord(key, place, { ownView: 'Ik slaap slecht.' });
    expect(await openRecord(key, place, sealed.iv, sealed.data)).toEqual({ ownView: 'Ik slaap slecht.' });
  });

  it('refuses a section moved to another household, another section, another table or another row', async () => {
    const key = await newKey();
    const [a, b] = [crypto.randomUUID(), crypto.randomUUID()];
    const sealed = await sealRecord(key, places.intake(a, 'domain:mentale-gezondheid'), { ownView: 'Ik slaap slecht.' });
    for (const elsewhere of [
      places.intake(b, 'finances'),
      places.intake(b, 'domain:mentale-gezondheid'),
      places.intake(a, 'finances'),
      places.history(a, 'domain:mentale-gezondheid'),
      places.household(a),
    ]) {
      await expect(openRecord(key, elsewhere, sealed.iv, sealed.data), elsewhere.id).rejects.toBeInstanceOf(UnreadableRecordError);
    }
  });

  it('refuses another key and changed bytes', async () => {
    const key = await newKey();
    const place = places.household(crypto.randomUUID());
    const sealed = await sealRecord(key, place, { name: 'Jansen' });
    await expect(openRecord(await newKey(), place, sealed.iv, sealed.data)).rejects.toBeInstanceOf(UnreadableRecordError);
    const tampered = sealed.data.slice();
    tampered[3] = (tampered[3] ?? 0) ^ 1;
    await expect(openRecord(key, place, sealed.iv, tampered)).rejects.toBeInstanceOf(UnreadableRecordError);
  });

  it('pads to size buckets, so one debt more or less does not change the length', async () => {
    const key = await newKey();
    const place = places.intake(crypto.randomUUID(), 'finances');
    const lengths = await Promise.all([1, 2, 3].map(async (n) => (await sealRecord(key, place, { debts: Array.from({ length: n }, (_, i) => debt(i)) })).data.length));
    expect(new Set(lengths).size).toBe(1);
    expect(bucketSize(1)).toBe(512);
    expect(bucketSize(513)).toBe(1024);
    expect(bucketSize(70_000)).toBe(128 * 1024);
  });
});

describe('row tags', () => {
  it('gives the same opaque tag for the same logical key and key, another for anything else', async () => {
    const key = await newKey();
    const tagger = createTagger(key);
    const household = crypto.randomUUID();
    const tag = await tagger.tag('intake', household, 'domain:verslaving');
    expect(tag).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await tagger.tag('intake', household, 'domain:verslaving')).toBe(tag);
    expect(await createTagger(key).tag('intake', household, 'domain:verslaving')).toBe(tag);
    expect(await tagger.tag('intake', household, 'domain:geld')).not.toBe(tag);
    expect(await createTagger(await newKey()).tag('intake', household, 'domain:verslaving')).not.toBe(tag);
    expect(await tagger.tag('ab', 'c')).not.toBe(await tagger.tag('a', 'bc'));
  });
});
