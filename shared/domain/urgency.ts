import type { Intake, SignalCatalogueEntry } from './intake.schema';
import type { CrisisType, Settings } from './resources.schema';
import type { HolidayCalendar } from './working-days';
import { addDays, addWorkingDays, onOrNextWorkingDay } from './working-days';

/** Wgs urgency: which recorded signals make a case a crisis, and the legal deadlines that follow. */

export interface UrgencyAssessment {
  urgent: boolean;
  /** Crisis types that count in this municipality, in settings order. */
  crisisTypes: CrisisType[];
  /** Dutch B1 sentences the worker can read aloud. */
  reasons: string[];
}

/** Urgent when a recorded signal's crisis type is on the municipality's list of crises that count. */
export function assessUrgency(
  intake: Pick<Intake, 'signals'>,
  settings: Pick<Settings, 'crisisTypes' | 'wgs'>,
  catalogue: readonly SignalCatalogueEntry[],
): UrgencyAssessment {
  const byId = new Map(catalogue.map((s) => [s.id, s]));
  const found = new Set<string>();
  for (const signal of intake.signals) {
    const crisis = signal.catalogueId === null ? null : byId.get(signal.catalogueId)?.crisis;
    if (crisis) found.add(crisis);
  }
  const crisisTypes = settings.crisisTypes.filter((c) => c.counts && found.has(c.id));
  const days = settings.wgs.urgentWorkingDays;
  const reasons = crisisTypes.map((c) =>
    c.basis === 'wgs'
      ? `${c.name}. Volgens de wet is dit een crisis: het eerste gesprek moet binnen ${days} werkdagen zijn.`
      : `${c.name}. De gemeente ziet dit als een crisis: het eerste gesprek moet binnen ${days} werkdagen zijn.`,
  );
  return { urgent: crisisTypes.length > 0, crisisTypes, reasons };
}

/**
 * When the crisis became known: the earliest `recordedAt` among signals whose crisis counts, or null.
 * The Wgs term runs from that moment, so the deadline stays put instead of moving with today.
 */
export function urgentSince(
  intake: Pick<Intake, 'signals'>,
  settings: Pick<Settings, 'crisisTypes'>,
  catalogue: readonly SignalCatalogueEntry[],
): string | null {
  const counting = new Set(settings.crisisTypes.filter((c) => c.counts).map((c) => c.id));
  const byId = new Map(catalogue.map((s) => [s.id, s]));
  const times = intake.signals
    .filter((s) => {
      const crisis = s.catalogueId === null ? null : byId.get(s.catalogueId)?.crisis;
      return crisis != null && counting.has(crisis);
    })
    .map((s) => s.recordedAt)
    .sort((a, b) => Date.parse(a) - Date.parse(b));
  return times[0] ?? null;
}

/**
 * How a catalogue signal is marked on screen. A badge means one thing: 'spoed' only when its crisis
 * type counts in this municipality (banner and 3-working-day deadline follow); 'serious' for a crisis
 * type the municipality did not switch on (e.g. bank garnishment); null for the rest.
 */
export type SignalMark = 'spoed' | 'serious' | null;

export function signalMark(entry: Pick<SignalCatalogueEntry, 'crisis'>, settings: Pick<Settings, 'crisisTypes'>): SignalMark {
  if (entry.crisis === null) return null;
  return settings.crisisTypes.some((c) => c.id === entry.crisis && c.counts) ? 'spoed' : 'serious';
}

/**
 * The day the Wgs term starts: the day the resident told the worker about the crisis (the request,
 * "melding"), i.e. the Dutch calendar day the earliest counting crisis signal was recorded. Not the
 * signal's "Sinds wanneer?" date: a letter may be weeks old before anyone asks for help.
 */
export function urgentStartDay(
  intake: Pick<Intake, 'signals'>,
  settings: Pick<Settings, 'crisisTypes'>,
  catalogue: readonly SignalCatalogueEntry[],
): string | null {
  const since = urgentSince(intake, settings, catalogue);
  return since === null ? null : dutchDateOf(since);
}

export interface UrgentTerm {
  /** The day the 3 working days count from (`YYYY-MM-DD`). */
  start: string;
  /** The last day for the first conversation, or null when the holiday list does not reach that far. */
  deadline: string | null;
}

/** Start and end of the urgent Wgs term for an intake, or null when it is no crisis here. */
export function urgentTerm(
  intake: Pick<Intake, 'signals'>,
  settings: Pick<Settings, 'crisisTypes' | 'wgs'>,
  catalogue: readonly SignalCatalogueEntry[],
  holidays: HolidayCalendar,
): UrgentTerm | null {
  const start = urgentStartDay(intake, settings, catalogue);
  if (start === null) return null;
  try {
    return { start, deadline: wgsDeadline(start, true, holidays, { urgentWorkingDays: settings.wgs.urgentWorkingDays, regularWeeks: settings.wgs.regularWeeks }) };
  } catch {
    return { start, deadline: null };
  }
}

export interface WgsTerms {
  urgentWorkingDays: number;
  regularWeeks: number;
}
const defaultTerms: WgsTerms = { urgentWorkingDays: 3, regularWeeks: 4 };

/**
 * Latest date for the first conversation after a request (`YYYY-MM-DD`): within 3 working days when
 * urgent, else within 4 weeks; a 4-week term that ends on a weekend or holiday moves to the next
 * working day (Algemene termijnenwet). Throws when the dates fall outside the holiday list.
 */
export function wgsDeadline(requestDate: string, urgent: boolean, holidays: HolidayCalendar, terms: WgsTerms = defaultTerms): string {
  if (urgent) return addWorkingDays(requestDate, terms.urgentWorkingDays, holidays);
  return onOrNextWorkingDay(addDays(requestDate, terms.regularWeeks * 7), holidays);
}

/** Latest date for the decision with a plan: `weeks` (8) after the first conversation, on a working day. */
export function wgsDecisionDeadline(firstConversationDate: string, holidays: HolidayCalendar, weeks = 8): string {
  return onOrNextWorkingDay(addDays(firstConversationDate, weeks * 7), holidays);
}

const amsterdamDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Dutch calendar day (`YYYY-MM-DD`, Europe/Amsterdam) of an ISO datetime: the day a legal term counts from. */
export function dutchDateOf(isoDateTime: string): string {
  return amsterdamDay.format(new Date(isoDateTime));
}

const amsterdamOffset = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Amsterdam', timeZoneName: 'longOffset' });
/** Minutes Amsterdam is ahead of UTC at an instant ('GMT+02:00' → 120; plain 'GMT' → 0). */
function amsterdamOffsetMinutes(ms: number): number {
  const name = amsterdamOffset.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /([+-])(\d{2}):(\d{2})$/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/**
 * A clock time on a Dutch day (`YYYY-MM-DD`, `HH:MM`) as an ISO datetime with the Amsterdam offset of that moment:
 * +01:00 in winter, +02:00 in summer. Throws for a time the clock skips when summer time starts.
 */
export function dutchDateTime(day: string, time: string): string {
  const asUtc = Date.parse(`${day}T${time}:00Z`);
  // The offset at the UTC reading is right except within hours of a switch; a second look settles it.
  let offset = amsterdamOffsetMinutes(asUtc);
  offset = amsterdamOffsetMinutes(asUtc - offset * 60_000);
  const at = new Date(asUtc - offset * 60_000);
  const abs = Math.abs(offset);
  const iso = `${day}T${time}:00${offset < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  if (Number.isNaN(asUtc) || dutchDateOf(at.toISOString()) !== day || amsterdamOffsetMinutes(at.getTime()) !== offset) throw new Error(`${day} ${time} is not a time on the Dutch clock`);
  return iso;
}

/** What a handover needs to know to set its Wgs deadlines. */
export interface HandoverDeadlineInput {
  intake: Pick<Intake, 'signals'>;
  /** The day of the handover (`YYYY-MM-DD`). */
  handoverDate: string;
  /** When the resident asked for help (the melding); null means the day of the handover. */
  requestDate: string | null;
  /** The first conversation as planned or held, once the counsellor set it; null before. */
  firstConversationDate: string | null;
}

export interface HandoverDeadlines {
  /** 'crisis': 3 working days from the crisis signal; 'regular': 4 weeks from the request. */
  basis: 'crisis' | 'regular';
  /** The day the term counts from (`YYYY-MM-DD`). */
  countedFrom: string;
  /** Latest date for the first conversation. */
  firstConversationBy: string;
  /** Latest date for the decision with the plan: 8 weeks after the first conversation. */
  decisionBy: string;
  /** Whether `decisionBy` counts from the actual first conversation or, not known yet, from its latest date. */
  decisionFrom: 'first-conversation' | 'first-conversation-deadline';
}

/**
 * The Wgs deadlines of one handover. A counting crisis gives 3 working days from the day its earliest
 * crisis signal was recorded; otherwise the first conversation is due 4 weeks after the request. When
 * the crisis came up only weeks after the request, the earlier of the two terms applies.
 */
export function handoverDeadlines(
  input: HandoverDeadlineInput,
  settings: Pick<Settings, 'crisisTypes' | 'wgs'>,
  catalogue: readonly SignalCatalogueEntry[],
  holidays: HolidayCalendar,
): HandoverDeadlines {
  const terms: WgsTerms = { urgentWorkingDays: settings.wgs.urgentWorkingDays, regularWeeks: settings.wgs.regularWeeks };
  const requestDate = input.requestDate ?? input.handoverDate;
  const regular = { basis: 'regular' as const, countedFrom: requestDate, by: wgsDeadline(requestDate, false, holidays, terms) };
  const since = urgentSince(input.intake, settings, catalogue);
  const crisisFrom = since === null ? null : dutchDateOf(since);
  const crisis = crisisFrom === null ? null : { basis: 'crisis' as const, countedFrom: crisisFrom, by: wgsDeadline(crisisFrom, true, holidays, terms) };
  const term = crisis !== null && crisis.by <= regular.by ? crisis : regular;
  const decisionStart = input.firstConversationDate ?? term.by;
  return {
    basis: term.basis,
    countedFrom: term.countedFrom,
    firstConversationBy: term.by,
    decisionBy: wgsDecisionDeadline(decisionStart, holidays, settings.wgs.decisionWeeks),
    decisionFrom: input.firstConversationDate === null ? 'first-conversation-deadline' : 'first-conversation',
  };
}
