import { describe, expect, it } from 'vitest';
import { householdInputSchema } from '../../../../shared/domain/household.schema';
import { emptyHousehold, newMember, normalisePostcode, parseAge, toFormValues } from './household-form-model';

let n = 0;
const makeId = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

describe('household form model', () => {
  it('starts a new household with one adult, which is not yet valid until named', () => {
    const values = emptyHousehold(makeId);
    expect(values.members).toHaveLength(1);
    expect(values.members[0]?.role).toBe('adult');
    const result = householdInputSchema.safeParse(values);
    expect(result.success).toBe(false);
  });

  it('becomes a valid household once name, postcode and first name are filled', () => {
    const values = emptyHousehold(makeId);
    values.name = 'Familie Jansen';
    values.postcode = '6411ab';
    values.members[0]!.firstName = 'Bart';
    const result = householdInputSchema.parse(values);
    expect(result.postcode).toBe('6411 AB');
  });

  it('asks for the age of a child', () => {
    const values = { ...emptyHousehold(makeId), name: 'X', postcode: '6411 AB' };
    values.members = [{ ...newMember('adult', makeId), firstName: 'Bart' }, { ...newMember('child', makeId), firstName: 'Sem' }];
    const result = householdInputSchema.safeParse(values);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toContainEqual(['members.1.age', 'Vul de leeftijd van het kind in.']);
  });

  it('reads the age field as a number, empty as no age, and text as invalid', () => {
    expect(parseAge('7')).toBe(7);
    expect(parseAge(' ')).toBeNull();
    expect(parseAge('')).toBeNull();
    expect(Number.isNaN(parseAge('zeven'))).toBe(true);
  });

  it('normalises a valid postcode and leaves an invalid one as typed', () => {
    expect(normalisePostcode(' 6411ab ')).toBe('6411 AB');
    expect(normalisePostcode('0123 AB')).toBe('0123 AB');
  });

  it('accepts an address with a house number and addition, and says in Dutch what is wrong', () => {
    const base = { ...emptyHousehold(makeId), name: 'Familie Jansen', postcode: '6411 AB' };
    base.members[0]!.firstName = 'Jeroen';
    const ok = householdInputSchema.parse({ ...base, street: ' Akerstraat ', houseNumber: '12a', town: "'s-Hertogenbosch" });
    expect([ok.street, ok.houseNumber, ok.town]).toEqual(['Akerstraat', '12a', "'s-Hertogenbosch"]);
    for (const n of ['12', '12 A', '12-2', '101 bis', '7hs']) expect(householdInputSchema.safeParse({ ...base, street: 'Akerstraat', houseNumber: n }).success).toBe(true);
    const issues = (v: object) => householdInputSchema.safeParse({ ...base, ...v }).error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues({ street: 'Akerstraat', houseNumber: 'twaalf' })).toContainEqual(['houseNumber', 'Vul een huisnummer in, zoals 12, 12a of 12-2.']);
    expect(issues({ street: 'Akerstraat', houseNumber: '0' })).toContainEqual(['houseNumber', 'Vul een huisnummer in, zoals 12, 12a of 12-2.']);
    expect(issues({ street: 'Akerstraat' })).toContainEqual(['houseNumber', 'Vul ook het huisnummer in.']);
    expect(issues({ houseNumber: '12' })).toContainEqual(['street', 'Vul ook de straat in.']);
    expect(issues({ town: '6411' })).toContainEqual(['town', 'Vul de naam van de plaats in, zoals Heerlen.']);
  });

  it('keeps the address when an existing household is edited', () => {
    const values = toFormValues({
      id: makeId(), name: 'X', postcode: '6411 AB', street: 'Akerstraat', houseNumber: '12', town: 'Heerlen',
      members: [{ ...newMember('adult', makeId), firstName: 'A', lastName: '' }], contact: { channel: 'phone', phone: '', email: '', bestTime: '', note: '' },
      workerId: makeId(), workerName: 'W', createdAt: '2026-11-23T10:00:00.000Z', updatedAt: '2026-11-23T10:00:00.000Z',
    });
    expect(householdInputSchema.parse(values)).toMatchObject({ street: 'Akerstraat', houseNumber: '12', town: 'Heerlen' });
  });
});
