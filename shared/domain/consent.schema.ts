import { z } from 'zod';
import { isoDateSchema } from './intake.schema';
import { addDays } from './working-days';

/**
 * The resident's consent for a warm handover: what may be shared, with whom, how and when it was
 * given, until when it holds, and its withdrawal. Without valid consent no personal data leaves the
 * device (DESIGN.md), so `isConsentValid` is the one gate every sender asks.
 */

const slugSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Gebruik kleine letters, cijfers en streepjes.');

/** A team that can receive a dossier; resources/recipients.json lists them. */
export const recipientSchema = z.object({
  id: slugSchema,
  /** As the worker reads it aloud: "het schuldhulpteam van de gemeente Heerlen". */
  name: z.string().min(1),
  organisation: z.string().min(1),
  /** The hub team whose inbox receives the dossier. */
  hubTeam: z.string().min(1),
  /** The number the resident can call, as written on letters (e.g. "14 045"). */
  phone: z.string().default(''),
});
export type Recipient = z.infer<typeof recipientSchema>;

/**
 * Which parts of the intake may be shared. The household with its address and contact preferences,
 * the request for help and what was tried are the handover itself and go with any valid consent.
 */
export const consentScopeSchema = z.object({
  /** Life-domain ids whose score, the resident's view, what goes well, wishes and actions may be shared. */
  domains: z.array(slugSchema).max(30).refine((ids) => new Set(ids).size === ids.length, 'Elk leefgebied één keer.'),
  /** Income, fixed costs, debts, payment arrangements, budget management. */
  finances: z.boolean(),
  /** The recorded signals and the urgency that follows from them. */
  signals: z.boolean(),
  /** The worker's own notes with the signals. */
  notes: z.boolean(),
});
export type ConsentScope = z.infer<typeof consentScopeSchema>;

export const consentMethodSchema = z.enum(['spoken', 'signed']);
export type ConsentMethod = z.infer<typeof consentMethodSchema>;

export const consentSchema = z
  .object({
    id: z.uuid(),
    householdId: z.uuid(),
    scope: consentScopeSchema,
    /** Recipient ids from resources/recipients.json. */
    recipients: z.array(slugSchema).min(1, 'Kies met wie de gegevens worden gedeeld.').max(10),
    method: consentMethodSchema,
    givenOn: isoDateSchema,
    validUntil: isoDateSchema,
    /** The day the resident withdrew it; from that day on nothing more is shared. */
    withdrawnOn: isoDateSchema.nullable(),
    recordedAt: z.iso.datetime(),
  })
  .superRefine((c, ctx) => {
    if (c.validUntil < c.givenOn) ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'De einddatum ligt voor de datum van toestemming.' });
    if (c.withdrawnOn !== null && c.withdrawnOn < c.givenOn) {
      ctx.addIssue({ code: 'custom', path: ['withdrawnOn'], message: 'Intrekken kan niet voor de datum van toestemming.' });
    }
    if (new Set(c.recipients).size !== c.recipients.length) ctx.addIssue({ code: 'custom', path: ['recipients'], message: 'Elke ontvanger één keer.' });
  });
export type Consent = z.infer<typeof consentSchema>;

/** Whether consent holds on `today`, and if not, why: the UI says which. */
export type ConsentState = 'valid' | 'not-yet' | 'expired' | 'withdrawn';

export function consentState(consent: Pick<Consent, 'givenOn' | 'validUntil' | 'withdrawnOn' | 'recipients'>, today: string): ConsentState {
  if (consent.withdrawnOn !== null && consent.withdrawnOn <= today) return 'withdrawn';
  if (today < consent.givenOn) return 'not-yet';
  if (today > consent.validUntil || consent.recipients.length === 0) return 'expired';
  return 'valid';
}

/** True only when the consent was given, is not past its end date and was not withdrawn by `today`. */
export function isConsentValid(consent: Pick<Consent, 'givenOn' | 'validUntil' | 'withdrawnOn' | 'recipients'>, today: string): boolean {
  return consentState(consent, today) === 'valid';
}

/**
 * The last day consent given on `givenOn` holds: `months` later, the day before the same day of the
 * month (given 15 March for 12 months → valid up to and including 14 March next year); at a month
 * end that is shorter, the last day of that month.
 */
export function consentValidUntil(givenOn: string, months: number): string {
  const [y, m, d] = givenOn.split('-').map(Number) as [number, number, number];
  const monthIndex = m - 1 + months;
  const year = y + Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const sameDay = `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
  return d > lastDay ? sameDay : addDays(sameDay, -1);
}

/** The consent with its withdrawal recorded; withdrawing twice keeps the first date. */
export function withdrawConsent(consent: Consent, today: string): Consent {
  if (consent.withdrawnOn !== null) return consent;
  return { ...consent, withdrawnOn: today < consent.givenOn ? consent.givenOn : today };
}
