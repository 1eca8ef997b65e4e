import { z } from 'zod';
import type { Dossier } from '../api/dossier';
import { dossierBytes, dossierSchema, dossierSchemaVersion, maxDossierBytes } from '../api/dossier';
import type { Result } from '../result';
import { fail, ok } from '../result';
import type { Consent, Recipient } from './consent.schema';
import { isConsentValid } from './consent.schema';
import { debtTotalsByStage, monthlyBalanceCents, totalDebtCents, unknownAmountDebts } from './finance';
import type { Household } from './household.schema';
import type { DomainEntry, Finances, Intake, LifeDomain, SignalCatalogueEntry } from './intake.schema';
import { ddasSchuldsoort, debtStages } from './intake.schema';
import type { Settings } from './resources.schema';
import { dutchDateOf, handoverDeadlines } from './urgency';
import type { HolidayCalendar } from './working-days';

/** Builds the handover dossier from the intake, holding only what the consent covers. */

/** The worker the team and the resident can call. */
export const handoverWorkerSchema = z.object({
  name: z.string().trim().min(1).max(120),
  role: z.string().trim().max(120).default('Buurtteammedewerker'),
  organisation: z.string().trim().max(120),
  phone: z.string().trim().max(30),
  email: z.string().trim().max(254),
});
export type HandoverWorker = z.infer<typeof handoverWorkerSchema>;

/** Catalogue data and settings the builder reads; the app passes those from resources/. */
export interface DossierContext {
  lifeDomains: readonly LifeDomain[];
  signalCatalogue: readonly SignalCatalogueEntry[];
  settings: Pick<Settings, 'crisisTypes' | 'wgs'>;
  holidays: HolidayCalendar;
  recipients: readonly Recipient[];
}


const undated = (due: string): string | null => (due === '' ? null : due);

/** Whether a life domain holds anything a dossier would carry: a score, words, or an action. */
export function hasSomethingToShare(entry: DomainEntry | undefined): boolean {
  if (entry === undefined) return false;
  return entry.score !== null || entry.ownView !== '' || entry.goesWell !== '' || entry.wishes !== '' || entry.actions.some((a) => a.what !== '');
}

function buildFinances(f: Finances): NonNullable<Dossier['finances']> {
  const byStage = debtTotalsByStage(f);
  return {
    inkomsten: f.incomes.map((i) => ({ inkomstenbron: i.source, nettoBedragCents: i.netMonthlyCents })),
    fixedCosts: f.fixedCosts.map((c) => ({ kind: c.kind, monthlyCents: c.monthlyCents })),
    schulden: f.debts.map((d) => ({
      schuldeiser: { naam: d.creditor },
      bedragCents: d.amountCents,
      schuldsoort: ddasSchuldsoort[d.type],
      debtType: d.type,
      stage: d.stage,
      stageDate: d.stageDate,
    })),
    debtsByStage: debtStages.map((stage) => ({ stage, count: byStage[stage].count, knownAmountCents: byStage[stage].amountCents, unknownAmountCount: byStage[stage].unknownCount })),
    debtTotals: { count: f.debts.length, knownAmountCents: totalDebtCents(f), unknownAmountCount: unknownAmountDebts(f) },
    betalingsregelingen: f.paymentArrangements.map((a) => ({ schuldeiser: { naam: a.creditor }, monthlyCents: a.monthlyCents })),
    begeleiding:
      f.budgetManagement === 'bewind' ? { soort: 'Beschermingsbewind' } : f.budgetManagement === 'budgetbeheer' ? { soort: 'Budgetbeheer' } : null,
    ondernemer: f.selfEmployed,
    householdType: f.householdType,
    monthlyBalanceCents: monthlyBalanceCents(f),
  };
}

function buildSignals(intake: Intake, consent: Consent, ctx: DossierContext): NonNullable<Dossier['signals']> {
  const byId = new Map(ctx.signalCatalogue.map((s) => [s.id, s]));
  const counting = new Set(ctx.settings.crisisTypes.filter((c) => c.counts).map((c) => c.id));
  const found = new Set<string>();
  const items = intake.signals.map((s) => {
    const entry = s.catalogueId === null ? undefined : byId.get(s.catalogueId);
    const crisis = entry?.crisis ?? null;
    if (crisis !== null && counting.has(crisis)) found.add(crisis);
    return {
      catalogueId: entry ? s.catalogueId : null,
      title: entry?.title ?? (s.freeText || 'Signaal'),
      domainId: entry?.domainId ?? null,
      crisissignaal: crisis !== null && counting.has(crisis),
      ontstaansdatum: s.observedOn,
      recordedOn: dutchDateOf(s.recordedAt),
      ...(consent.scope.notes && s.note !== '' ? { note: s.note } : {}),
    };
  });
  const crisisTypes = ctx.settings.crisisTypes.filter((c) => found.has(c.id)).map((c) => ({ id: c.id, name: c.name, basis: c.basis }));
  return { items, crisisTypes };
}

/**
 * The dossier for `household`, holding only what `consent` covers on `today`. The household, its
 * address and contact preferences, the request for help, what was tried, the Wgs deadline and the
 * worker go with any valid consent; life domains, signals (with notes only if agreed) and finances only
 * when agreed. Fails without valid consent, for another household's consent, for an unknown recipient,
 * and when the body would pass the hub's size limit.
 */
export function buildDossier(
  household: Household,
  intake: Intake,
  consent: Consent,
  worker: HandoverWorker,
  today: string,
  ctx: DossierContext,
): Result<Dossier> {
  if (!isConsentValid(consent, today)) return fail<Dossier>('dossier.consent-not-valid');
  if (consent.householdId !== household.id || intake.householdId !== household.id) return fail<Dossier>('dossier.consent-other-household');
  const recipients = consent.recipients.map((id) => ctx.recipients.find((r) => r.id === id));
  if (recipients.some((r) => r === undefined)) return fail<Dossier>('dossier.unknown-recipient');

  const request = intake.helpRequest ?? { ownWords: '', requestDate: null, triedSoFar: '' };
  const deadlines = handoverDeadlines(
    { intake, handoverDate: today, requestDate: request.requestDate, firstConversationDate: null },
    ctx.settings,
    ctx.signalCatalogue,
    ctx.holidays,
  );
  const shared = new Set(consent.scope.domains);
  const domains = ctx.lifeDomains.flatMap((d) => {
    const entry = intake.domains[d.id];
    if (!shared.has(d.id) || entry === undefined) return [];
    if (!hasSomethingToShare(entry)) return [];
    const actions = entry.actions.filter((a) => a.what !== '').map((a) => ({ who: a.who, what: a.what, due: undated(a.due) }));
    return [{ domainId: d.id, title: d.title, score: entry.score, ownView: entry.ownView, goesWell: entry.goesWell, wishes: entry.wishes, actions }];
  });

  const dossier: Dossier = {
    schemaVersion: dossierSchemaVersion,
    caseId: household.id,
    builtOn: today,
    recipients: recipients.flatMap((r) => (r ? [{ id: r.id, name: r.name }] : [])),
    consent: { consentId: consent.id, scope: consent.scope, method: consent.method, givenOn: consent.givenOn, validUntil: consent.validUntil },
    aanmelding: {
      warmeOverdracht: true,
      startdatum: request.requestDate ?? today,
      crisisinterventie: deadlines.basis === 'crisis',
      deadlines: { basis: deadlines.basis, countedFrom: deadlines.countedFrom, firstConversationBy: deadlines.firstConversationBy, decisionBy: deadlines.decisionBy },
    },
    client: {
      name: household.name,
      street: household.street,
      huisnummer: household.houseNumber,
      postcode: household.postcode,
      town: household.town,
      members: household.members.map((m) => ({ firstName: m.firstName, lastName: m.lastName, role: m.role, age: m.age })),
      contact: { ...household.contact },
    },
    hulpvraag: request.ownWords,
    triedSoFar: request.triedSoFar,
    domains,
    ...(consent.scope.signals ? { signals: buildSignals(intake, consent, ctx) } : {}),
    ...(consent.scope.finances ? { finances: buildFinances(intake.finances) } : {}),
    contactpersoon: { naam: worker.name, functietitel: worker.role, organisation: worker.organisation, telefoonnummer: worker.phone, email: worker.email },
  };
  const parsed = dossierSchema.safeParse(dossier);
  if (!parsed.success) return fail<Dossier>('dossier.invalid');
  if (dossierBytes(parsed.data) > maxDossierBytes) return fail<Dossier>('dossier.too-large');
  return ok(parsed.data);
}
