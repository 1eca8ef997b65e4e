import type { z } from 'zod';
import { postcodeSchema, type Household, type householdInputSchema, type Member } from '../../../../shared/domain/household.schema';

/** What the form holds while the worker types (before zod's trimming and normalising). */
export type HouseholdFormValues = z.input<typeof householdInputSchema>;
export type MemberFormValues = HouseholdFormValues['members'][number];

export const newMember = (role: Member['role'] = 'adult', makeId: () => string = () => crypto.randomUUID()): MemberFormValues => ({
  id: makeId(),
  firstName: '',
  lastName: '',
  role,
  age: null,
});

export function emptyHousehold(makeId?: () => string): HouseholdFormValues {
  return {
    name: '',
    postcode: '',
    street: '',
    houseNumber: '',
    town: '',
    members: [newMember('adult', makeId)],
    contact: { channel: 'phone', phone: '', email: '', bestTime: '', note: '' },
  };
}

export function toFormValues(h: Household): HouseholdFormValues {
  return { name: h.name, postcode: h.postcode, street: h.street, houseNumber: h.houseNumber, town: h.town, members: h.members.map((m) => ({ ...m })), contact: { ...h.contact } };
}

/** Age input → number | null; anything that is not a whole number stays a number zod will reject with a message. */
export function parseAge(raw: unknown): number | null {
  if (typeof raw === 'number') return raw;
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  return text === '' ? null : Number(text.replace(',', '.'));
}

/** "6411ab" → "6411 AB" once it is a valid postcode; otherwise leaves the worker's text alone. */
export function normalisePostcode(raw: string): string {
  const parsed = postcodeSchema.safeParse(raw);
  return parsed.success ? parsed.data : raw;
}
