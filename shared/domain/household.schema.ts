import { z } from 'zod';

/** Dutch postcode: four digits (not starting with 0), optional space, two letters (not SA/SD/SS). */
export const postcodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .transform((v) => v.replace(/\s+/g, ''))
  .pipe(
    z
      .string()
      .regex(/^[1-9][0-9]{3}(?!SA|SD|SS)[A-Z]{2}$/, 'Vul een Nederlandse postcode in, zoals 6411 AB.'),
  )
  .transform((v) => `${v.slice(0, 4)} ${v.slice(4)}`);

export const memberSchema = z.object({
  id: z.uuid(),
  firstName: z.string().trim().min(1, 'Vul een voornaam in.').max(80, 'Maximaal 80 tekens.'),
  lastName: z.string().trim().max(80, 'Maximaal 80 tekens.').default(''),
  role: z.enum(['adult', 'child']),
  /** Age in years; required for children, optional for adults. */
  age: z.int('Vul een leeftijd in hele jaren in.').min(0, 'Leeftijd kan niet negatief zijn.').max(120, 'Leeftijd is te hoog.').nullable(),
});
export type Member = z.infer<typeof memberSchema>;

export const contactPreferenceSchema = z.object({
  channel: z.enum(['phone', 'sms', 'email', 'letter', 'visit']).default('phone'),
  phone: z.string().trim().max(30).default(''),
  email: z.union([z.literal(''), z.email('Vul een geldig e-mailadres in.')]).default(''),
  bestTime: z.string().trim().max(120).default(''),
  note: z.string().trim().max(500).default(''),
});
export type ContactPreference = z.infer<typeof contactPreferenceSchema>;

/** A Dutch house number with an optional addition: "12", "12a", "12 A", "12-2", "12 bis", "12 hs". */
const houseNumberPattern = /^[1-9][0-9]{0,4}(?:[ -]?[A-Za-z0-9]{1,4})?$/;

/** What the worker types in the household form. */
export const householdInputSchema = z
  .object({
    name: z.string().trim().min(1, 'Vul een naam voor het huishouden in.').max(120, 'Maximaal 120 tekens.'),
    postcode: postcodeSchema,
    /** Address for the counsellor's visit or letter; empty until the worker fills it in. */
    street: z
      .string()
      .trim()
      .max(120, 'Maximaal 120 tekens.')
      .refine((v) => v === '' || /\p{L}/u.test(v), 'Vul de naam van de straat in, zoals Akerstraat.')
      .default(''),
    houseNumber: z
      .string()
      .trim()
      .max(20, 'Maximaal 20 tekens.')
      .refine((v) => v === '' || houseNumberPattern.test(v), 'Vul een huisnummer in, zoals 12, 12a of 12-2.')
      .default(''),
    town: z
      .string()
      .trim()
      .max(80, 'Maximaal 80 tekens.')
      .refine((v) => v === '' || /^['\p{L}][\p{L}\p{M} '.()-]*$/u.test(v), 'Vul de naam van de plaats in, zoals Heerlen.')
      .default(''),
    members: z.array(memberSchema).min(1, 'Voeg minstens één volwassene toe.').max(20),
    contact: contactPreferenceSchema.default({ channel: 'phone', phone: '', email: '', bestTime: '', note: '' }),
  })
  .superRefine((h, ctx) => {
    // A street without a number (or the other way round) cannot be visited or written to.
    if (h.street !== '' && h.houseNumber === '') ctx.addIssue({ code: 'custom', path: ['houseNumber'], message: 'Vul ook het huisnummer in.' });
    if (h.houseNumber !== '' && h.street === '') ctx.addIssue({ code: 'custom', path: ['street'], message: 'Vul ook de straat in.' });
    if (!h.members.some((m) => m.role === 'adult')) {
      ctx.addIssue({ code: 'custom', path: ['members'], message: 'Voeg minstens één volwassene toe.' });
    }
    h.members.forEach((m, i) => {
      if (m.role === 'child' && m.age === null) {
        ctx.addIssue({ code: 'custom', path: ['members', i, 'age'], message: 'Vul de leeftijd van het kind in.' });
      }
      if (m.role === 'child' && m.age !== null && m.age >= 18) {
        ctx.addIssue({ code: 'custom', path: ['members', i, 'age'], message: 'Een kind is jonger dan 18 jaar.' });
      }
    });
  });
export type HouseholdInput = z.infer<typeof householdInputSchema>;

/** The decrypted household as the app holds it in memory. */
export const householdSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  postcode: z.string(),
  /** Added later: rows written before have none, so they read as empty. */
  street: z.string().default(''),
  houseNumber: z.string().default(''),
  town: z.string().default(''),
  members: z.array(memberSchema),
  contact: contactPreferenceSchema,
  /** The worker who is the fixed point of contact (vast aanspreekpunt). */
  workerId: z.uuid(),
  workerName: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Household = z.infer<typeof householdSchema>;

/** Where a household's data is, as the UI tells the worker. */
export const syncStateSchema = z.enum(['saved-locally', 'waiting', 'sending', 'received', 'stuck']);
export type SyncState = z.infer<typeof syncStateSchema>;

/** How many adults and children a household has: for lists, the new-case record and reports. */
export function countMembers(members: readonly Pick<Member, 'role'>[]): { adults: number; children: number } {
  const adults = members.filter((m) => m.role === 'adult').length;
  return { adults, children: members.length - adults };
}
