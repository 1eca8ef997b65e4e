import { describe, expect, it } from 'vitest';
import { householdInputSchema } from '../../../../shared/domain/household.schema';
import { emptyHousehold, newMember, normalisePostcode, parseAge } from './household-form-model';

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
});
