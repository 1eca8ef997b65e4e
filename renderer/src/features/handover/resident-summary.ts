import type { Consent } from '../../../../shared/domain/consent.schema';
import { isConsentValid } from '../../../../shared/domain/consent.schema';
import type { DossierContext, HandoverWorker } from '../../../../shared/domain/dossier';
import { hasSomethingToShare } from '../../../../shared/domain/dossier';
import type { Household } from '../../../../shared/domain/household.schema';
import type { Intake } from '../../../../shared/domain/intake.schema';
import { handoverDeadlines } from '../../../../shared/domain/urgency';
import { formatDayDate, formatPlainDate } from '../../ui/dutch-date';

/**
 * "Wat we samen hebben besproken": the resident's own summary of the conversation, in B1 Dutch with
 * "u" for the resident. This file decides the words; resident-summary-pdf.ts lays them out.
 */

export interface SummaryInput {
  household: Household;
  intake: Intake;
  /** null when no consent was recorded (then nothing is shared, and the summary says so). */
  consent: Consent | null;
  worker: HandoverWorker;
  today: string;
  ctx: DossierContext;
}

export interface AgreedAction {
  who: string;
  what: string;
  /** "1 december 2026", or "Nog afspreken" without a date. */
  when: string;
}

export type SummaryBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'quote'; text: string }
  | { kind: 'bullets'; items: string[] }
  | { kind: 'actions'; rows: AgreedAction[] };

export interface ResidentSummary {
  title: string;
  /** Who, when and with whom, under the title. */
  intro: string[];
  blocks: SummaryBlock[];
  /** Repeated at the foot of every page, before the page number. */
  footer: string;
}

export const summaryTitle = 'Wat we samen hebben besproken';


/** "Geld", "Geld en Wonen", "Geld, Werk en school en Wonen". */
function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} en ${items[items.length - 1] ?? ''}`;
}

const firstName = (worker: HandoverWorker) => worker.name.split(' ')[0] ?? worker.name;

/** Every action agreed at the table, in date order; those without a date last. */
export function agreedActions(intake: Intake, ctx: Pick<DossierContext, 'lifeDomains'>): AgreedAction[] {
  const rows = ctx.lifeDomains.flatMap((d) => (intake.domains[d.id]?.actions ?? []).filter((a) => a.what !== ''));
  return [...rows]
    .sort((a, b) => (a.due === b.due ? 0 : a.due === '' ? 1 : b.due === '' ? -1 : a.due < b.due ? -1 : 1))
    .map((a) => ({ who: a.who === '' ? 'Nog afspreken' : a.who, what: a.what, when: a.due === '' ? 'Nog afspreken' : formatPlainDate(a.due) }));
}

/** Life domains the resident talked about: a score, words or an action. */
function domainsTalkedAbout(intake: Intake, ctx: Pick<DossierContext, 'lifeDomains'>) {
  return ctx.lifeDomains.filter((d) => hasSomethingToShare(intake.domains[d.id]));
}

function sharingBlocks(input: SummaryInput): SummaryBlock[] {
  const { consent, worker, today, ctx, intake } = input;
  const name = firstName(worker);
  if (consent === null || !isConsentValid(consent, today)) {
    const why =
      consent === null
        ? 'U heeft nog geen toestemming gegeven om iets te delen.'
        : consent.withdrawnOn !== null && consent.withdrawnOn <= today
          ? `U heeft uw toestemming ingetrokken op ${formatPlainDate(consent.withdrawnOn)}.`
          : 'Uw toestemming om te delen geldt nu niet.';
    return [
      { kind: 'heading', text: 'Wat we delen, en met wie' },
      { kind: 'paragraph', text: `${why} Daarom delen we niets met anderen.` },
      { kind: 'paragraph', text: `Wilt u toch hulp van anderen? Bel dan ${name}. Dan vragen we opnieuw om uw toestemming.` },
    ];
  }
  const recipients = consent.recipients.map((id) => ctx.recipients.find((r) => r.id === id)?.name ?? id);
  const talked = domainsTalkedAbout(intake, ctx);
  const sharedDomains = talked.filter((d) => consent.scope.domains.includes(d.id)).map((d) => d.title);
  const notSharedDomains = talked.filter((d) => !consent.scope.domains.includes(d.id)).map((d) => d.title);
  const method = consent.method === 'signed' ? 'met uw handtekening' : 'mondeling';

  const shared = ['Uw naam, uw adres en hoe we u het beste bereiken.', 'Waar u hulp bij wilt, en wat u al heeft geprobeerd.'];
  if (sharedDomains.length > 0) shared.push(`Wat u vertelde over ${list(sharedDomains)}, en de afspraken daarover.`);
  if (consent.scope.finances) shared.push('Uw inkomen, uw vaste lasten en uw schulden.');
  if (consent.scope.signals) shared.push('De zorgen die we samen zagen (signalen).');
  if (consent.scope.signals && consent.scope.notes) shared.push(`Wat ${name} bij die zorgen heeft opgeschreven.`);
  shared.push(`De naam en het telefoonnummer van ${name}.`);

  const f = intake.finances;
  const hasFinances = f.incomes.length + f.fixedCosts.length + f.debts.length + f.paymentArrangements.length > 0;
  const notShared: string[] = [];
  if (notSharedDomains.length > 0) notShared.push(`Wat u vertelde over ${list(notSharedDomains)}.`);
  if (!consent.scope.finances && hasFinances) notShared.push('Uw inkomen, uw vaste lasten en uw schulden.');
  if (!consent.scope.signals && intake.signals.length > 0) notShared.push('De zorgen die we samen zagen (signalen).');
  if (!(consent.scope.signals && consent.scope.notes) && intake.signals.some((s) => s.note !== '')) {
    notShared.push(`Wat ${name} voor zichzelf heeft opgeschreven.`);
  }

  return [
    { kind: 'heading', text: 'Wat we delen, en met wie' },
    { kind: 'paragraph', text: `U gaf ${method} toestemming op ${formatPlainDate(consent.givenOn)}. We delen dit met ${list(recipients)}:` },
    { kind: 'bullets', items: shared },
    ...(notShared.length > 0 ? [{ kind: 'paragraph' as const, text: 'Dit delen we niet:' }, { kind: 'bullets' as const, items: notShared }] : []),
    { kind: 'paragraph', text: `Uw toestemming geldt tot en met ${formatPlainDate(consent.validUntil)}.` },
    { kind: 'paragraph', text: `U mag altijd stoppen met delen. Zeg het tegen ${name}. Dan delen we vanaf die dag niets meer.` },
  ];
}

function nextStepBlocks(input: SummaryInput): SummaryBlock[] {
  const { consent, today, ctx, intake, worker } = input;
  if (consent === null || !isConsentValid(consent, today)) return [];
  const recipients = list(consent.recipients.map((id) => ctx.recipients.find((r) => r.id === id)?.name ?? id));
  const d = handoverDeadlines(
    { intake, handoverDate: today, requestDate: intake.helpRequest?.requestDate ?? null, firstConversationDate: null },
    ctx.settings,
    ctx.signalCatalogue,
    ctx.holidays,
  );
  const urgent = d.basis === 'crisis' ? ' Het is dringend. Daarom moet het snel.' : '';
  return [
    { kind: 'heading', text: 'Wat er nu gebeurt' },
    { kind: 'paragraph', text: `${firstName(worker)} stuurt uw gegevens naar ${recipients}.` },
    { kind: 'paragraph', text: `Zij nemen contact met u op. Het eerste gesprek is uiterlijk ${formatDayDate(d.firstConversationBy)}.${urgent}` },
  ];
}

export function residentSummary(input: SummaryInput): ResidentSummary {
  const { household, intake, worker, today, ctx, consent } = input;
  const ownWords = intake.helpRequest?.ownWords ?? '';
  const actions = agreedActions(intake, ctx);
  const contact = [`${worker.name}, ${worker.organisation}`];
  if (worker.phone !== '') contact.push(`Telefoon: ${worker.phone}`);
  if (worker.email !== '') contact.push(`E-mail: ${worker.email}`);
  const teams = consent !== null && isConsentValid(consent, today) ? consent.recipients.flatMap((id) => ctx.recipients.filter((r) => r.id === id)) : [];
  for (const team of teams) if (team.phone !== '') contact.push(`${team.organisation}: ${team.phone}`);

  return {
    title: summaryTitle,
    intro: [`Voor: ${household.name}`, `Gesprek op ${formatDayDate(today)}`, `Met: ${worker.name}, ${worker.organisation}`],
    blocks: [
      { kind: 'heading', text: 'Waar u hulp bij wilt' },
      ownWords === '' ? { kind: 'paragraph', text: 'Dit hebben we nog niet opgeschreven.' } : { kind: 'quote', text: ownWords },
      { kind: 'heading', text: 'Wat we hebben afgesproken' },
      actions.length === 0 ? { kind: 'paragraph', text: 'We hebben nog niets afgesproken.' } : { kind: 'actions', rows: actions },
      ...nextStepBlocks(input),
      { kind: 'heading', text: 'Wie kunt u bellen?' },
      { kind: 'paragraph', text: `Heeft u een vraag? Of gaat er iets mis? Bel dan ${firstName(worker)}.` },
      { kind: 'bullets', items: contact },
      ...sharingBlocks(input),
      { kind: 'paragraph', text: 'Bewaar dit papier. Dan weet u later nog wat we hebben afgesproken.' },
    ],
    footer: `${summaryTitle} · ${household.name} · ${formatPlainDate(today)}`,
  };
}
