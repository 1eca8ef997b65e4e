import { z } from 'zod';

/**
 * The kitchen-table intake: life domains, signals and the finances snapshot.
 * Schemas that check "not in the future" come from `createIntakeSchemas(today)` so tests and the
 * UI choose what today is. No BSN anywhere: a buurtteam has no legal basis to process it.
 *
 * Field names follow VNG's DDAS model (github.com/VNG-Realisatie/ddas, Model Schuldhulpverlening and
 * Vroegsignalering) where it has a matching attribute:
 *   Inkomen.inkomstenbron → Income.source, Inkomen.nettoBedrag → Income.netMonthlyCents,
 *   Schuldeiser.naam → Debt.creditor, Schuld.bedrag → Debt.amountCents, Schuld.schuldsoort → Debt.type
 *   (finer than DDAS; see `ddasSchuldsoort`), Vroegsignaal.crisissignaal → SignalCatalogueEntry.crisis,
 *   Vroegsignaal.ontstaansdatum → RecordedSignal.observedOn, Ondernemer → Finances.selfEmployed,
 *   Begeleiding.soort (Budgetbeheer | Beschermingsbewind) → Finances.budgetManagement,
 *   Oplossing.soort Betalingsregeling → Finances.paymentArrangements.
 * DDAS counts whole euros; we keep cents and round only when exporting.
 */

// ---------- building blocks ----------

/** The life domain whose signals cannot apply to a household without children. */
export const CHILDREN_DOMAIN_ID = 'kinderen-en-opvoeding';

/** Integer euro cents, never negative. */
export const centsSchema = z
  .int('Vul een bedrag in hele centen in.')
  .min(0, 'Een bedrag kan niet negatief zijn.')
  .max(100_000_000_000, 'Dit bedrag is te hoog.');

/** A calendar date as `YYYY-MM-DD`. */
export const isoDateSchema = z.iso.date('Vul een geldige datum in.');

/** A date that is today or earlier; `today` is `YYYY-MM-DD` (ISO dates compare as strings). */
export const pastDateSchema = (today: string) =>
  isoDateSchema.refine((d) => d <= today, 'Deze datum ligt in de toekomst.');

const idSchema = z.uuid();
const slugSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Gebruik kleine letters, cijfers en streepjes.');
const text = (max: number) => z.string().trim().max(max, `Maximaal ${max} tekens.`);

// ---------- catalogue data (resources/) ----------

/** One life domain as shown at the table; `levels[0]` is score 1 (acute problems) … `levels[4]` score 5. */
export const lifeDomainSchema = z.object({
  id: slugSchema,
  title: z.string().min(1),
  question: z.string().min(1),
  description: z.string().min(1),
  levels: z.tuple([z.string().min(1), z.string().min(1), z.string().min(1), z.string().min(1), z.string().min(1)]),
  order: z.int().min(1),
});
export type LifeDomain = z.infer<typeof lifeDomainSchema>;

/** A signal the worker can tick; `crisis` names a crisis type in settings when it can make the case urgent. */
export const signalCatalogueEntrySchema = z.object({
  id: slugSchema,
  title: z.string().min(1),
  description: z.string().min(1),
  domainId: slugSchema,
  crisis: slugSchema.nullable(),
  suggestedHelp: z.array(slugSchema),
});
export type SignalCatalogueEntry = z.infer<typeof signalCatalogueEntrySchema>;

/** A kind of help or arrangement the worker can point to. */
export const helpSchema = z.object({
  id: slugSchema,
  name: z.string().min(1),
  description: z.string().min(1),
});
export type Help = z.infer<typeof helpSchema>;

// ---------- enums ----------

export const incomeSources = [
  'salaris', 'uitkering-participatiewet', 'uwv', 'zzp', 'pensioen', 'toeslag-huur', 'toeslag-zorg',
  'kindgebonden-budget', 'kinderbijslag', 'alimentatie', 'overig',
] as const;
export const incomeSourceSchema = z.enum(incomeSources);
export type IncomeSource = z.infer<typeof incomeSourceSchema>;

export const fixedCostKinds = [
  'huur', 'energie', 'water', 'zorgverzekering', 'gemeentelijke-belastingen', 'telefoon-internet',
  'verzekeringen', 'vervoer', 'kinderopvang', 'overig',
] as const;
export const fixedCostKindSchema = z.enum(fixedCostKinds);
export type FixedCostKind = z.infer<typeof fixedCostKindSchema>;

/** Debt types aligned with DDAS "soort schuld". */
export const debtTypes = [
  'huurschuld', 'energie', 'water', 'zorgverzekering', 'belastingdienst', 'toeslagen', 'cjib', 'gemeente',
  'achteraf-betalen', 'lening', 'telefoon', 'overig',
] as const;
export const debtTypeSchema = z.enum(debtTypes);
export type DebtType = z.infer<typeof debtTypeSchema>;

/** DDAS EnumSchuldensoort per debt type (Nuts: metered utilities; Publiek: public creditors). */
export const ddasSchuldsoort: Readonly<Record<DebtType, 'Nuts' | 'Publiek' | 'Zorg' | 'Overig'>> = {
  huurschuld: 'Overig', energie: 'Nuts', water: 'Nuts', zorgverzekering: 'Zorg', belastingdienst: 'Publiek',
  toeslagen: 'Publiek', cjib: 'Publiek', gemeente: 'Publiek', 'achteraf-betalen': 'Overig', lening: 'Overig',
  telefoon: 'Overig', overig: 'Overig',
};

/** Collection stages in order of escalation. */
export const debtStages = ['herinnering', 'aanmaning', 'incasso', 'deurwaarder', 'beslag'] as const;
export const debtStageSchema = z.enum(debtStages);
export type DebtStage = z.infer<typeof debtStageSchema>;

export const budgetManagementSchema = z.enum(['none', 'budgetbeheer', 'bewind']);
export type BudgetManagement = z.infer<typeof budgetManagementSchema>;

/** Budget management or bewind in the past; 'unknown' until asked (and for intakes from before this field). */
export const pastBudgetManagementSchema = z.object({
  kind: z.enum(['unknown', 'none', 'budgetbeheer', 'bewind']),
  /** How many years it lasted, as the resident tells it; null when not known. */
  years: z.int('Vul een aantal hele jaren in.').min(1, 'Vul minstens 1 jaar in.').max(80, 'Dit zijn te veel jaren.').nullable(),
  /** The year it ended; null when not known. */
  endedIn: z.int('Vul een jaartal in, zoals 2021.').min(1950, 'Vul een jaartal in, zoals 2021.').max(2100, 'Vul een jaartal in, zoals 2021.').nullable(),
});
export type PastBudgetManagement = z.infer<typeof pastBudgetManagementSchema>;
export const emptyPastBudgetManagement = (): PastBudgetManagement => ({ kind: 'unknown', years: null, endedIn: null });

/** What the worker and resident did with a suggested regeling or help. */
export const suggestionStatuses = ['discussed', 'applied', 'declined'] as const;
export const suggestionStatusSchema = z.enum(suggestionStatuses);
export type SuggestionStatus = z.infer<typeof suggestionStatusSchema>;
export const suggestionMarkSchema = z.object({ status: suggestionStatusSchema, on: isoDateSchema });
export type SuggestionMark = z.infer<typeof suggestionMarkSchema>;

/** Household type for the social-minimum norm; the `-pensioen` variants are at state-pension age. */
export const householdTypes = [
  'alleenstaand', 'alleenstaande-ouder', 'gehuwd-samenwonend',
  'alleenstaand-pensioen', 'alleenstaande-ouder-pensioen', 'gehuwd-samenwonend-pensioen',
] as const;
export const householdTypeSchema = z.enum(householdTypes);
export type HouseholdType = z.infer<typeof householdTypeSchema>;

// ---------- per-household entries ----------

/** The most agreed actions one life domain can hold. */
export const MAX_ACTIONS = 50;

/**
 * An agreed action as typed at the table, possibly half-filled: a row is stored while "Wie" is being
 * retyped or the date passes through '' during editing, so no word is ever dropped.
 */
export const actionSchema = z.object({
  id: idSchema,
  who: text(120),
  what: text(500),
  due: z.union([z.literal(''), isoDateSchema]),
});
export type Action = z.infer<typeof actionSchema>;

/** An action with who, what and when filled in: what may be handed over or counted as agreed. */
export const completeActionSchema = actionSchema.extend({
  who: text(120).min(1, 'Vul in wie dit doet.'),
  what: text(500).min(1, 'Vul in wat er gebeurt.'),
  due: isoDateSchema,
});

/** Whether an action is complete; an incomplete one is stored but shown as "nog niet compleet". */
export const isCompleteAction = (a: Action): boolean => completeActionSchema.safeParse(a).success;

/** What was said about one life domain. `score` is null until the resident and worker chose one. */
export const domainEntrySchema = z.object({
  score: z.int().min(1, 'Kies een score van 1 tot 5.').max(5, 'Kies een score van 1 tot 5.').nullable(),
  /** "Hoe ziet u het zelf?" — in the resident's own words. */
  ownView: text(5000),
  goesWell: text(5000),
  wishes: text(5000),
  actions: z.array(actionSchema).max(MAX_ACTIONS, `Er kunnen maximaal ${MAX_ACTIONS} afspraken bij één leefgebied. Verwijder een afspraak die klaar is.`),
  done: z.boolean(),
  /** The domain does not apply to this household (e.g. children and parenting without children); counts as done. Absent on older rows. */
  notApplicable: z.boolean().optional(),
  updatedAt: z.iso.datetime().nullable(),
});
export type DomainEntry = z.infer<typeof domainEntrySchema>;

export const incomeSchema = z.object({ id: idSchema, source: incomeSourceSchema, netMonthlyCents: centsSchema });
export type Income = z.infer<typeof incomeSchema>;

export const fixedCostSchema = z.object({ id: idSchema, kind: fixedCostKindSchema, monthlyCents: centsSchema });
export type FixedCost = z.infer<typeof fixedCostSchema>;

export const paymentArrangementSchema = z.object({
  id: idSchema,
  creditor: text(120).min(1, 'Vul in aan wie de schuld is.'),
  monthlyCents: centsSchema,
});
export type PaymentArrangement = z.infer<typeof paymentArrangementSchema>;

/** Schemas whose dates may not lie after `today` (`YYYY-MM-DD`). */
export function createIntakeSchemas(today: string) {
  const recordedSignalSchema = z
    .object({
      id: idSchema,
      /** null for a signal the worker describes in free text. */
      catalogueId: slugSchema.nullable(),
      freeText: text(500),
      note: text(2000),
      observedOn: pastDateSchema(today),
      recordedAt: z.iso.datetime(),
    })
    .refine((s) => s.catalogueId !== null || s.freeText.length > 0, {
      path: ['freeText'],
      message: 'Beschrijf het signaal.',
    });

  const debtSchema = z.object({
    id: idSchema,
    creditor: text(120).min(1, 'Vul in aan wie de schuld is.'),
    /** null: "bedrag nog onbekend" (counted apart, never as € 0,00); older intakes always have an amount. */
    amountCents: centsSchema.nullable(),
    type: debtTypeSchema,
    stage: debtStageSchema,
    stageDate: pastDateSchema(today),
  });

  const financesSchema = z.object({
    incomes: z.array(incomeSchema).max(30),
    fixedCosts: z.array(fixedCostSchema).max(30),
    debts: z.array(debtSchema).max(200),
    paymentArrangements: z.array(paymentArrangementSchema).max(50),
    budgetManagement: budgetManagementSchema,
    selfEmployed: z.boolean(),
    /** null until the worker chose it; then the social-minimum percentage can be shown. */
    householdType: householdTypeSchema.nullable(),
    /** Since when the income has been this low (for the individuele inkomenstoeslag); null if unknown. */
    lowIncomeSince: pastDateSchema(today).nullable(),
    /** Help ids the household already uses (e.g. voedselbank), so they are not suggested again. */
    usesHelp: z.array(slugSchema).max(30),
    /** Added later, so older intakes read as 'unknown'. */
    pastBudgetManagement: pastBudgetManagementSchema.default(emptyPastBudgetManagement),
    /** Per regeling or help id (resources/regelingen.json): discussed, applied for or not wanted, and when. Added later: {} on older intakes. */
    suggestions: z.record(slugSchema, suggestionMarkSchema).default(() => ({})),
  });

  /** The resident's request for help as said at the table: the heart of a handover. */
  const helpRequestSchema = z.object({
    /** "Waar wilt u hulp bij?" in the resident's own words. */
    ownWords: text(5000),
    /** When the resident asked for help (the Wgs melding); null means the day of the handover. */
    requestDate: pastDateSchema(today).nullable(),
    /** What the resident and others already tried. */
    triedSoFar: text(5000),
  });

  const intakeSchema = z.object({
    householdId: idSchema,
    /** Added for the handover; intakes saved before have none. */
    helpRequest: helpRequestSchema.optional(),
    /** Keyed by life-domain id; a domain without an entry is untouched. */
    domains: z.record(slugSchema, domainEntrySchema),
    signals: z.array(recordedSignalSchema).max(200),
    finances: financesSchema,
    updatedAt: z.iso.datetime(),
  });

  return { recordedSignalSchema, debtSchema, financesSchema, helpRequestSchema, intakeSchema };
}

type IntakeSchemas = ReturnType<typeof createIntakeSchemas>;
export type RecordedSignal = z.infer<IntakeSchemas['recordedSignalSchema']>;
export type Debt = z.infer<IntakeSchemas['debtSchema']>;
export type Finances = z.infer<IntakeSchemas['financesSchema']>;
export type HelpRequest = z.infer<IntakeSchemas['helpRequestSchema']>;
export type Intake = z.infer<IntakeSchemas['intakeSchema']>;

/** The local calendar date of `date` as `YYYY-MM-DD` (use with an injected clock). */
export function isoDateOf(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A domain entry with nothing filled in yet. */
export function emptyDomainEntry(): DomainEntry {
  return { score: null, ownView: '', goesWell: '', wishes: '', actions: [], done: false, updatedAt: null };
}

/** An empty finances snapshot. */
export function emptyFinances(): Finances {
  return {
    incomes: [], fixedCosts: [], debts: [], paymentArrangements: [], budgetManagement: 'none',
    selfEmployed: false, householdType: null, lowIncomeSince: null, usesHelp: [],
    pastBudgetManagement: emptyPastBudgetManagement(), suggestions: {},
  };
}

/** A new intake for a household; `now` is an ISO datetime from the injected clock. */
export function emptyIntake(householdId: string, now: string): Intake {
  return { householdId, domains: {}, signals: [], finances: emptyFinances(), updatedAt: now };
}

/** The entry for a domain, or an empty one when nothing was said about it yet. */
export function domainEntryOf(intake: Intake, domainId: string): DomainEntry {
  return intake.domains[domainId] ?? emptyDomainEntry();
}
