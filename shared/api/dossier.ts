import { z } from 'zod';
import { consentMethodSchema, consentScopeSchema } from '../domain/consent.schema';
import { debtStageSchema, debtTypeSchema, fixedCostKindSchema, householdTypeSchema, incomeSourceSchema } from '../domain/intake.schema';

/**
 * The handover dossier: what the municipality's team receives, and only what the resident agreed to
 * share. Built on the device by `buildDossier` (shared/domain/dossier.ts); the hub parses it with this
 * schema. Objects are strict, so a key outside the contract is refused rather than stored.
 *
 * Names follow VNG's DDAS model (Model Schuldhulpverlening and Vroegsignalering) where it has the
 * attribute: Vroegsignaal.warmeOverdracht, Aanmelding.startdatum and .crisisinterventie, Client.postcode
 * and .huisnummer, Inkomen.inkomstenbron and .nettoBedrag, Schuld.bedrag and .schuldsoort,
 * Schuldeiser.naam, Begeleiding.soort, Ondernemer, Vroegsignaal.crisissignaal and .ontstaansdatum,
 * Contactpersoon.naam, .functietitel, .telefoonnummer and .email, PlanVanAanpak's hulpvraag. DDAS counts
 * whole euros; amounts here stay in cents (`…Cents`) and are rounded only on export.
 *
 * A change after sending is a new version of the same dossier; the version and the dossier id travel
 * in the envelope of the outbox message, not in this body.
 */

export const dossierSchemaVersion = 1;

/**
 * Proposed hub limit for one dossier body (UTF-8 JSON). A realistic household is 10–20 KB; this leaves
 * room for long stories in the resident's words without letting one request tie up the hub.
 */
export const maxDossierBytes = 256 * 1024;

const isoDate = z.iso.date();
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const cents = z.int().min(0);
const words = z.string().max(5000);

const actionSchema = z.strictObject({
  who: z.string().max(120),
  what: z.string().min(1).max(500),
  /** null while no date was agreed. */
  due: isoDate.nullable(),
});

const domainSchema = z.strictObject({
  domainId: slug,
  title: z.string().min(1),
  score: z.int().min(1).max(5).nullable(),
  ownView: words,
  goesWell: words,
  wishes: words,
  actions: z.array(actionSchema).max(50),
});

const signalSchema = z.strictObject({
  /** null for a signal the worker described in their own words (then `title` holds those words). */
  catalogueId: slug.nullable(),
  title: z.string().min(1).max(500),
  domainId: slug.nullable(),
  /** Whether this signal is a crisis that counts in this municipality (DDAS Vroegsignaal.crisissignaal). */
  crisissignaal: z.boolean(),
  /** When the situation began or was seen (DDAS Vroegsignaal.ontstaansdatum). */
  ontstaansdatum: isoDate,
  recordedOn: isoDate,
  /** The worker's note; only when the resident agreed to share notes. */
  note: z.string().max(2000).optional(),
});

const creditorSchema = z.strictObject({ naam: z.string().min(1).max(120) });

const debtSchema = z.strictObject({
  schuldeiser: creditorSchema,
  /** null: "bedrag nog onbekend", counted apart, never as € 0. */
  bedragCents: cents.nullable(),
  schuldsoort: z.enum(['Nuts', 'Publiek', 'Zorg', 'Overig']),
  debtType: debtTypeSchema,
  stage: debtStageSchema,
  stageDate: isoDate,
});

const debtTotalsSchema = z.strictObject({
  count: z.int().min(0),
  /** Sum of the debts whose amount is known. */
  knownAmountCents: cents,
  /** How many debts have no amount yet. */
  unknownAmountCount: z.int().min(0),
});

const financesSchema = z.strictObject({
  inkomsten: z.array(z.strictObject({ inkomstenbron: incomeSourceSchema, nettoBedragCents: cents })).max(30),
  fixedCosts: z.array(z.strictObject({ kind: fixedCostKindSchema, monthlyCents: cents })).max(30),
  schulden: z.array(debtSchema).max(200),
  /** Every stage in escalation order, also those without debts. */
  debtsByStage: z.array(debtTotalsSchema.extend({ stage: debtStageSchema })).length(5),
  debtTotals: debtTotalsSchema,
  betalingsregelingen: z.array(z.strictObject({ schuldeiser: creditorSchema, monthlyCents: cents })).max(50),
  /** DDAS Begeleiding.soort; null when there is none. */
  begeleiding: z.strictObject({ soort: z.enum(['Budgetbeheer', 'Beschermingsbewind']) }).nullable(),
  ondernemer: z.boolean(),
  householdType: householdTypeSchema.nullable(),
  /** Income minus fixed costs and arrangements, per month; may be negative. */
  monthlyBalanceCents: z.int(),
});

const deadlinesSchema = z.strictObject({
  basis: z.enum(['crisis', 'regular']),
  countedFrom: isoDate,
  firstConversationBy: isoDate,
  decisionBy: isoDate,
});

export const dossierSchema = z.strictObject({
  schemaVersion: z.literal(dossierSchemaVersion),
  /** The case on the hub: the household's id. */
  caseId: z.uuid(),
  builtOn: isoDate,
  recipients: z.array(z.strictObject({ id: slug, name: z.string().min(1) })).min(1),
  consent: z.strictObject({
    consentId: z.uuid(),
    scope: consentScopeSchema,
    method: consentMethodSchema,
    givenOn: isoDate,
    validUntil: isoDate,
  }),
  /**
   * The request as the Wgs sees it. The deadline goes with every handover: without it the team cannot
   * keep the legal term. Which crisis it is travels only with the signals.
   */
  aanmelding: z.strictObject({
    warmeOverdracht: z.literal(true),
    startdatum: isoDate,
    crisisinterventie: z.boolean(),
    deadlines: deadlinesSchema,
  }),
  client: z.strictObject({
    name: z.string().min(1).max(120),
    street: z.string().max(120),
    huisnummer: z.string().max(20),
    postcode: z.string().max(7),
    town: z.string().max(80),
    members: z
      .array(z.strictObject({ firstName: z.string().max(80), lastName: z.string().max(80), role: z.enum(['adult', 'child']), age: z.int().min(0).max(120).nullable() }))
      .min(1)
      .max(20),
    contact: z.strictObject({
      channel: z.enum(['phone', 'sms', 'email', 'letter', 'visit']),
      phone: z.string().max(30),
      email: z.string().max(254),
      bestTime: z.string().max(120),
      note: z.string().max(500),
    }),
  }),
  /** The request for help in the resident's own words. */
  hulpvraag: words,
  triedSoFar: words,
  /** Only the consented life domains that have something in them, in conversation order. */
  domains: z.array(domainSchema).max(30),
  /** Present only when the resident agreed to share the signals. */
  signals: z
    .strictObject({
      items: z.array(signalSchema).max(200),
      crisisTypes: z.array(z.strictObject({ id: slug, name: z.string().min(1), basis: z.enum(['wgs', 'gemeente']) })),
    })
    .optional(),
  /** Present only when the resident agreed to share the finances. */
  finances: financesSchema.optional(),
  /** The worker to call: the fixed point of contact (DDAS Contactpersoon). */
  contactpersoon: z.strictObject({
    naam: z.string().min(1).max(120),
    functietitel: z.string().max(120),
    organisation: z.string().max(120),
    telefoonnummer: z.string().max(30),
    email: z.string().max(254),
  }),
});
export type Dossier = z.infer<typeof dossierSchema>;

/** The size the hub measures: UTF-8 bytes of the JSON body. */
export function dossierBytes(dossier: Dossier): number {
  return new TextEncoder().encode(JSON.stringify(dossier)).length;
}

/** Why the hub refuses a dossier body; the hub maps each to its own error code and status. */
export type DossierBodyProblem =
  | { kind: 'too-large'; bytes: number }
  | { kind: 'invalid'; issues: { path: string; message: string }[] }
  | { kind: 'unknown-recipient'; ids: string[] }
  | { kind: 'consent-not-valid' };

const utf8 = new TextEncoder();

/**
 * The hub's check of a dossier body: size (413), shape (400), recipients it does not know (422), consent that
 * does not hold on `today` (422). Pure, so the route and its tests share it. A body is serialised once: a valid
 * one as the parsed dossier in the schema's key order (`json`, which the hub hashes, measures and stores); its
 * size is that of the body as sent, since every object is strict and nothing is transformed. An invalid body is
 * measured as sent, so an oversized one is 413 whatever else is wrong with it. (The schema reads the body before
 * its size is known; the route's body limit bounds that work.)
 */
export function checkDossierBody(
  body: unknown,
  opts: { knownRecipients: ReadonlySet<string>; today: string; maxBytes?: number },
): { ok: true; dossier: Dossier; json: Uint8Array } | { ok: false; problem: DossierBodyProblem } {
  const maxBytes = opts.maxBytes ?? maxDossierBytes;
  const parsed = dossierSchema.safeParse(body);
  if (!parsed.success) {
    const bytes = utf8.encode(JSON.stringify(body) ?? '').length;
    if (bytes > maxBytes) return { ok: false, problem: { kind: 'too-large', bytes } };
    const issues = parsed.error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.'), message: i.message }));
    return { ok: false, problem: { kind: 'invalid', issues } };
  }
  const json = utf8.encode(JSON.stringify(parsed.data));
  if (json.length > maxBytes) return { ok: false, problem: { kind: 'too-large', bytes: json.length } };
  const unknown = parsed.data.recipients.map((r) => r.id).filter((id) => !opts.knownRecipients.has(id));
  if (unknown.length > 0) return { ok: false, problem: { kind: 'unknown-recipient', ids: unknown } };
  const c = parsed.data.consent;
  if (opts.today < c.givenOn || opts.today > c.validUntil) return { ok: false, problem: { kind: 'consent-not-valid' } };
  return { ok: true, dossier: parsed.data, json };
}
