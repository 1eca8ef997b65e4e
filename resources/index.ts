import { z } from 'zod';
import { householdInputSchema } from '../shared/domain/household.schema';
import type { HouseholdInput } from '../shared/domain/household.schema';
import { createIntakeSchemas, helpSchema, lifeDomainSchema, signalCatalogueEntrySchema } from '../shared/domain/intake.schema';
import type { Help, Intake, LifeDomain, SignalCatalogueEntry } from '../shared/domain/intake.schema';
import { recipientSchema } from '../shared/domain/consent.schema';
import type { Recipient } from '../shared/domain/consent.schema';
import { regelingenFileSchema } from '../shared/domain/regelingen.schema';
import type { Condition, Regeling } from '../shared/domain/regelingen.schema';
import { normsFileSchema, settingsSchema } from '../shared/domain/resources.schema';
import type { NormPeriod, NormsFile, Settings } from '../shared/domain/resources.schema';
import { holidayCalendar } from '../shared/domain/working-days';
import type { HolidayCalendar } from '../shared/domain/working-days';
import helpJson from './help.json';
import lifeDomainsJson from './life-domains.json';
import norms2025Json from './norms/2025.json';
import norms2026Json from './norms/2026.json';
import recipientsJson from './recipients.json';
import regelingenJson from './regelingen.json';
import settingsJson from './settings.json';
import neighbourhoodsJson from './neighbourhoods.json';
import { neighbourhoodsFileSchema } from '../shared/reports/neighbourhoods';
import type { Neighbourhood } from '../shared/reports/neighbourhoods';
import signalsJson from './signals.json';

/** The intake's data, parsed with zod at load; a bad file stops the app with the file and path named. */

/** Parses one resource file; throws "resources/<file> is invalid: <path>: <message>; …". */
export function parseResource<T extends z.ZodType>(file: string, schema: T, data: unknown): z.output<T> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const details = result.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`).join('; ');
  throw new Error(`resources/${file} is invalid: ${details}`);
}

/** Freezes a value and everything inside it, so no screen can change shared catalogue data. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

const uniqueIds = (file: string) => (items: readonly { id: string }[], ctx: z.RefinementCtx) => {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `Duplicate id "${item.id}" in ${file}.` });
    seen.add(item.id);
  });
};

export interface Catalogues {
  lifeDomains: readonly LifeDomain[];
  signalCatalogue: readonly SignalCatalogueEntry[];
  helpCatalogue: readonly Help[];
  settings: Settings;
  regelingen: readonly Regeling[];
}

function conditionRefs(c: Condition): { signals: string[]; help: string[] } {
  if ('all' in c || 'any' in c) {
    const parts = ('all' in c ? c.all : c.any).map(conditionRefs);
    return { signals: parts.flatMap((p) => p.signals), help: parts.flatMap((p) => p.help) };
  }
  if ('not' in c) return conditionRefs(c.not);
  if (c.fact === 'hasSignal') return { signals: c.anyOf, help: [] };
  if (c.fact === 'alreadyUses') return { signals: [], help: [c.helpId] };
  return { signals: [], help: [] };
}

/** Problems between files (unknown domain, help or crisis ids); empty when all references resolve. */
export function crossCheck(c: Catalogues): string[] {
  const domains = new Set(c.lifeDomains.map((d) => d.id));
  const help = new Set(c.helpCatalogue.map((h) => h.id));
  const crises = new Set(c.settings.crisisTypes.map((t) => t.id));
  const signals = new Set(c.signalCatalogue.map((s) => s.id));
  const problems: string[] = [];
  for (const s of c.signalCatalogue) {
    if (!domains.has(s.domainId)) problems.push(`signals.json: "${s.id}" has unknown domainId "${s.domainId}".`);
    if (s.crisis !== null && !crises.has(s.crisis)) problems.push(`signals.json: "${s.id}" has crisis "${s.crisis}" that is not in settings.json.`);
    for (const h of s.suggestedHelp) if (!help.has(h)) problems.push(`signals.json: "${s.id}" suggests unknown help "${h}".`);
  }
  for (const r of c.regelingen) {
    if (!help.has(r.id)) problems.push(`regelingen.json: "${r.id}" is not in help.json.`);
    const refs = conditionRefs(r.rule);
    for (const s of refs.signals) if (!signals.has(s)) problems.push(`regelingen.json: "${r.id}" refers to unknown signal "${s}".`);
    for (const h of refs.help) if (!help.has(h)) problems.push(`regelingen.json: "${r.id}" refers to unknown help "${h}".`);
  }
  return problems;
}

const lifeDomainsParsed = parseResource('life-domains.json', z.array(lifeDomainSchema).length(14).superRefine(uniqueIds('life-domains.json')), lifeDomainsJson);
const catalogues: Catalogues = {
  lifeDomains: [...lifeDomainsParsed].sort((a, b) => a.order - b.order),
  signalCatalogue: parseResource('signals.json', z.array(signalCatalogueEntrySchema).min(24).superRefine(uniqueIds('signals.json')), signalsJson),
  helpCatalogue: parseResource('help.json', z.array(helpSchema).min(1).superRefine(uniqueIds('help.json')), helpJson),
  settings: parseResource('settings.json', settingsSchema, settingsJson),
  regelingen: parseResource('regelingen.json', regelingenFileSchema.superRefine(uniqueIds('regelingen.json')), regelingenJson),
};
const problems = crossCheck(catalogues);
if (problems.length > 0) throw new Error(`resources/ do not fit together: ${problems.join(' ')}`);
deepFreeze(catalogues);

const normFiles: readonly NormsFile[] = deepFreeze([
  parseResource('norms/2025.json', normsFileSchema, norms2025Json),
  parseResource('norms/2026.json', normsFileSchema, norms2026Json),
]);

/** The 14 life domains in conversation order. */
export const lifeDomains = catalogues.lifeDomains;
/** Signals the worker can record, each with its domain, crisis type and suggested help. */
export const signalCatalogue = catalogues.signalCatalogue;
/** Help and arrangements the worker can point to. */
export const helpCatalogue = catalogues.helpCatalogue;
/** Municipal settings: crisis types, minima percentage, retention, norms year, Goede Vrijdag and Bevrijdingsdag. */
export const settings = catalogues.settings;
/** Arrangements with their rules as data, for `checkRegelingen`. */
export const regelingen = catalogues.regelingen;
/** Public holidays for any year (Goede Vrijdag and Bevrijdingsdag as set in settings), for `wgsDeadline`. */
export const holidays: HolidayCalendar = holidayCalendar(settings);
/** Teams a dossier can go to, for the consent's "with whom". */
export const recipients: readonly Recipient[] = deepFreeze(
  parseResource('recipients.json', z.array(recipientSchema).min(1).superRefine(uniqueIds('recipients.json')), recipientsJson),
);
/** Years for which social-minimum norms are known. */
/** The names of the 4-digit postcode areas, for the team-lead reports. */
export const neighbourhoods: readonly Neighbourhood[] = deepFreeze(parseResource('neighbourhoods.json', neighbourhoodsFileSchema, neighbourhoodsJson).areas);

export const normYears: readonly number[] = normFiles.map((f) => f.year);

export type Norms = NormPeriod & { year: number; yearNote: string };

/** Norms in force on `date` (`YYYY-MM-DD`, default: the last period of `year`); null when the year is unknown. */
export function normsFor(year: number, date?: string): Norms | null {
  const file = normFiles.find((f) => f.year === year);
  if (!file) return null;
  const periods = date === undefined ? file.periods : file.periods.filter((p) => p.effectiveFrom <= date);
  const period = periods[periods.length - 1] ?? file.periods[0];
  return period ? { ...period, year: file.year, yearNote: file.note } : null;
}

export interface DemoHousehold {
  id: string;
  household: HouseholdInput;
  intake: Intake;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const isoDateTime = /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/;
const DAY_MS = 86_400_000;

/**
 * The demo stories are written on fixed dates; a demo shown later should look like recent work, not
 * like deadlines missed weeks ago. Moves every date and datetime by the same number of days so the
 * newest thing that happened falls on `today`, keeping the gaps. Planned dates (`due`) move along
 * but do not count as something that happened.
 */
export function shiftDatesToToday<T>(value: T, today: string): T {
  const dates: string[] = [];
  const collect = (v: unknown): void => {
    if (typeof v === 'string' && (isoDate.test(v) || isoDateTime.test(v))) dates.push(v.slice(0, 10));
    else if (Array.isArray(v)) v.forEach(collect);
    else if (v !== null && typeof v === 'object') Object.entries(v).forEach(([k, x]) => k !== 'due' && collect(x));
  };
  collect(value);
  const newest = dates.sort().at(-1);
  if (newest === undefined) return value;
  const shiftMs = Date.parse(`${today}T00:00:00Z`) - Date.parse(`${newest}T00:00:00Z`);
  const shift = (v: unknown): unknown => {
    if (typeof v === 'string' && isoDate.test(v)) return new Date(Date.parse(`${v}T00:00:00Z`) + shiftMs).toISOString().slice(0, 10);
    if (typeof v === 'string' && isoDateTime.test(v)) return new Date(Date.parse(v) + shiftMs).toISOString();
    if (Array.isArray(v)) return v.map(shift);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shift(x)]));
    return v;
  };
  return (shiftMs % DAY_MS === 0 ? shift(value) : value) as T;
}

/**
 * Three made-up households with filled intakes; only for demo mode (loaded lazily, its own chunk).
 * With `{ recent: true }` their dates are moved so the newest is `today` (see shiftDatesToToday).
 */
export async function demoHouseholds(today: string, options: { recent?: boolean } = {}): Promise<DemoHousehold[]> {
  const raw = (await import('./demo/households.json')).default;
  const demoJson: unknown = options.recent ? shiftDatesToToday(raw, today) : raw;
  const { intakeSchema } = createIntakeSchemas(today);
  const schema = z.array(z.object({ id: z.uuid(), household: householdInputSchema, intake: intakeSchema }));
  const demo = parseResource('demo/households.json', schema, demoJson);
  const domains = new Set(lifeDomains.map((d) => d.id));
  const signals = new Set(signalCatalogue.map((s) => s.id));
  for (const d of demo) {
    const bad = [
      ...Object.keys(d.intake.domains).filter((k) => !domains.has(k)),
      ...d.intake.signals.flatMap((s) => (s.catalogueId !== null && !signals.has(s.catalogueId) ? [s.catalogueId] : [])),
    ];
    if (d.intake.householdId !== d.id || bad.length > 0) {
      throw new Error(`resources/demo/households.json is invalid: household ${d.id} has unknown ids ${bad.join(', ')} or a wrong householdId.`);
    }
  }
  return demo;
}
