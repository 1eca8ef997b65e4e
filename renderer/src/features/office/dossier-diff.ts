import type { Dossier } from '../../../../shared/api/dossier';
import { formatEuro } from '../../../../shared/domain/finance';
import { nl } from '../../i18n/nl';
import { nlIntake } from '../../i18n/nl-intake';
import { formatPlainDate } from '../../ui/dutch-date';

/**
 * What changed between two versions of one dossier, in sentences a counsellor reads ("Schuld bij Essent:
 * bedrag gewijzigd van € 120,00 naar € 340,00"). Pure. Lists are matched by what identifies an item to a
 * person (a creditor, a life domain, a signal), not by position, so a debt added at the top does not read
 * as every debt changed. Totals the dossier derives (debts by stage, the sum) are left out: their parts say it.
 * A generic JSON diff (microdiff, jsondiffpatch) would still need this matching and these words, so none is used.
 */

export type DiffSection = 'request' | 'household' | 'handover' | 'consent' | 'domains' | 'signals' | 'finances' | 'debts' | 'worker';

export interface DossierChange {
  section: DiffSection;
  /** One sentence: what changed. */
  text: string;
  /** For a changed text in someone's words: the old and the new text, shown in full. */
  before?: string;
  after?: string;
}

export const diffSectionTitles: Record<DiffSection, string> = {
  handover: 'Overdracht',
  consent: 'Toestemming',
  household: 'Huishouden',
  request: 'Hulpvraag',
  domains: 'Leefgebieden',
  signals: 'Signalen',
  finances: 'Geld',
  debts: 'Schulden',
  worker: 'Contactpersoon bij het buurtteam',
};

const none = 'niets';
const show = (v: string) => (v.trim() === '' ? none : v);
const amount = (cents: number | null) => (cents === null ? 'bedrag nog onbekend' : formatEuro(cents));
const yesNo = (b: boolean) => (b ? 'ja' : 'nee');

type Push = (section: DiffSection, text: string, words?: { before: string; after: string }) => void;

/** A short value: "Label gewijzigd van A naar B". */
function value<T>(push: Push, section: DiffSection, label: string, before: T, after: T, format: (v: T) => string = (v) => show(String(v))): void {
  const a = format(before);
  const b = format(after);
  if (a !== b) push(section, `${label} gewijzigd van ${a} naar ${b}`);
}

/** A text in someone's own words: the sentence, and both texts in full. */
function words(push: Push, section: DiffSection, label: string, before: string, after: string): void {
  if (before.trim() === after.trim()) return;
  const what = before.trim() === '' ? 'is ingevuld' : after.trim() === '' ? 'is leeggemaakt' : 'is gewijzigd';
  push(section, `${label} ${what}`, { before: show(before), after: show(after) });
}

/**
 * Pairs the items of two lists by `key`; items with the same key pair in order. Returns the pairs,
 * and what only the old or only the new list has.
 */
function match<T>(before: readonly T[], after: readonly T[], key: (item: T) => string): { pairs: [T, T][]; removed: T[]; added: T[] } {
  const waiting = new Map<string, T[]>();
  for (const item of before) waiting.set(key(item), [...(waiting.get(key(item)) ?? []), item]);
  const pairs: [T, T][] = [];
  const added: T[] = [];
  for (const item of after) {
    const old = waiting.get(key(item))?.shift();
    if (old === undefined) added.push(item);
    else pairs.push([old, item]);
  }
  return { pairs, removed: [...waiting.values()].flat(), added };
}

type Debt = NonNullable<Dossier['finances']>['schulden'][number];
const debtName = (d: Debt) => `Schuld bij ${d.schuldeiser.naam}`;
const debtLine = (d: Debt) => `${amount(d.bedragCents)}, ${nlIntake.debtStages[d.stage].toLowerCase()}`;

function debts(push: Push, before: readonly Debt[], after: readonly Debt[]): void {
  const { pairs, removed, added } = match(before, after, (d) => `${d.schuldeiser.naam.trim().toLowerCase()}|${d.debtType}`);
  for (const d of added) push('debts', `${debtName(d)} toegevoegd: ${debtLine(d)}`);
  for (const d of removed) push('debts', `${debtName(d)} staat er niet meer in (was ${debtLine(d)})`);
  for (const [a, b] of pairs) {
    value(push, 'debts', `${debtName(b)}: bedrag`, a.bedragCents, b.bedragCents, amount);
    value(push, 'debts', `${debtName(b)}: stap`, a.stage, b.stage, (s) => nlIntake.debtStages[s].toLowerCase());
    value(push, 'debts', `${debtName(b)}: datum van de stap`, a.stageDate, b.stageDate, formatPlainDate);
  }
}

function finances(push: Push, before: Dossier['finances'], after: Dossier['finances']): void {
  if (!before && !after) return;
  if (!before || !after) {
    push('finances', after ? 'Het geld (inkomen, vaste lasten en schulden) wordt nu gedeeld' : 'Het geld (inkomen, vaste lasten en schulden) wordt niet meer gedeeld');
    if (!after) return;
  }
  const a = before ?? { inkomsten: [], fixedCosts: [], schulden: [], betalingsregelingen: [], begeleiding: null, ondernemer: false, householdType: null, monthlyBalanceCents: 0 };
  const b = after;
  const perMonth = (c: number) => `${formatEuro(c)} per maand`;

  const income = match(a.inkomsten, b.inkomsten, (i) => i.inkomstenbron);
  for (const i of income.added) push('finances', `Inkomen toegevoegd: ${nlIntake.incomeSources[i.inkomstenbron]}, ${perMonth(i.nettoBedragCents)}`);
  for (const i of income.removed) push('finances', `Inkomen staat er niet meer in: ${nlIntake.incomeSources[i.inkomstenbron]}, ${perMonth(i.nettoBedragCents)}`);
  for (const [x, y] of income.pairs) value(push, 'finances', `Inkomen ${nlIntake.incomeSources[y.inkomstenbron]}`, x.nettoBedragCents, y.nettoBedragCents, perMonth);

  const costs = match(a.fixedCosts, b.fixedCosts, (c) => c.kind);
  for (const c of costs.added) push('finances', `Vaste last toegevoegd: ${nlIntake.fixedCostKinds[c.kind]}, ${perMonth(c.monthlyCents)}`);
  for (const c of costs.removed) push('finances', `Vaste last staat er niet meer in: ${nlIntake.fixedCostKinds[c.kind]}, ${perMonth(c.monthlyCents)}`);
  for (const [x, y] of costs.pairs) value(push, 'finances', `Vaste last ${nlIntake.fixedCostKinds[y.kind]}`, x.monthlyCents, y.monthlyCents, perMonth);

  const arrangements = match(a.betalingsregelingen, b.betalingsregelingen, (r) => r.schuldeiser.naam.trim().toLowerCase());
  for (const r of arrangements.added) push('finances', `Betalingsregeling toegevoegd: ${r.schuldeiser.naam}, ${perMonth(r.monthlyCents)}`);
  for (const r of arrangements.removed) push('finances', `Betalingsregeling staat er niet meer in: ${r.schuldeiser.naam}`);
  for (const [x, y] of arrangements.pairs) value(push, 'finances', `Betalingsregeling ${y.schuldeiser.naam}`, x.monthlyCents, y.monthlyCents, perMonth);

  value(push, 'finances', 'Over of tekort per maand', a.monthlyBalanceCents, b.monthlyBalanceCents, formatEuro);
  value(push, 'finances', 'Begeleiding', a.begeleiding?.soort ?? 'geen', b.begeleiding?.soort ?? 'geen');
  value(push, 'finances', 'Zelfstandig ondernemer', a.ondernemer, b.ondernemer, yesNo);
  value(push, 'finances', 'Soort huishouden', a.householdType, b.householdType, (t) => (t === null ? none : nlIntake.householdTypes[t]));
  debts(push, a.schulden, b.schulden);
}

type Domain = Dossier['domains'][number];

function domains(push: Push, before: readonly Domain[], after: readonly Domain[]): void {
  const { pairs, removed, added } = match(before, after, (d) => d.domainId);
  for (const d of added) push('domains', `Leefgebied ${d.title} toegevoegd`);
  for (const d of removed) push('domains', `Leefgebied ${d.title} staat er niet meer in`);
  for (const [a, b] of pairs) {
    const name = `Leefgebied ${b.title}`;
    value(push, 'domains', `${name}: score`, a.score, b.score, (s) => (s === null ? 'geen' : `${s} van 5`));
    words(push, 'domains', `${name}: de eigen kijk van de bewoner`, a.ownView, b.ownView);
    words(push, 'domains', `${name}: wat goed gaat`, a.goesWell, b.goesWell);
    words(push, 'domains', `${name}: de wensen`, a.wishes, b.wishes);
    const actionText = (x: Domain['actions'][number]) => [x.who, x.what, x.due === null ? 'nog geen datum' : formatPlainDate(x.due)].filter((s) => s !== '').join(', ');
    const actions = match(a.actions, b.actions, actionText);
    for (const x of actions.added) push('domains', `${name}: afspraak toegevoegd: ${actionText(x)}`);
    for (const x of actions.removed) push('domains', `${name}: afspraak staat er niet meer in: ${actionText(x)}`);
  }
}

type Signals = NonNullable<Dossier['signals']>;

function signals(push: Push, before: Signals | undefined, after: Signals | undefined): void {
  if (!before && !after) return;
  if (!before || !after) push('signals', after ? 'De signalen worden nu gedeeld' : 'De signalen worden niet meer gedeeld');
  const a = before?.items ?? [];
  const b = after?.items ?? [];
  if (!after) return;
  const { pairs, removed, added } = match(a, b, (s) => s.catalogueId ?? s.title.trim().toLowerCase());
  const crisis = (s: Signals['items'][number]) => (s.crisissignaal ? ' (crisis)' : '');
  for (const s of added) push('signals', `Signaal toegevoegd: ${s.title}${crisis(s)}, sinds ${formatPlainDate(s.ontstaansdatum)}`);
  for (const s of removed) push('signals', `Signaal staat er niet meer in: ${s.title}`);
  for (const [x, y] of pairs) {
    value(push, 'signals', `Signaal ${y.title}: crisis`, x.crisissignaal, y.crisissignaal, yesNo);
    value(push, 'signals', `Signaal ${y.title}: sinds`, x.ontstaansdatum, y.ontstaansdatum, formatPlainDate);
    words(push, 'signals', `Signaal ${y.title}: de aantekening`, x.note ?? '', y.note ?? '');
  }
}

function consent(push: Push, a: Dossier['consent'], b: Dossier['consent'], titles: ReadonlyMap<string, string>): void {
  if (a.consentId !== b.consentId) push('consent', 'De bewoner gaf opnieuw toestemming');
  value(push, 'consent', 'Toestemming gegeven op', a.givenOn, b.givenOn, formatPlainDate);
  value(push, 'consent', 'Toestemming geldig tot en met', a.validUntil, b.validUntil, formatPlainDate);
  value(push, 'consent', 'Manier van toestemming', a.method, b.method, (m) => (m === 'signed' ? 'met een handtekening' : 'mondeling'));
  const title = (id: string) => titles.get(id) ?? id;
  for (const id of b.scope.domains.filter((d) => !a.scope.domains.includes(d))) push('consent', `Toestemming om leefgebied ${title(id)} te delen: nu wel`);
  for (const id of a.scope.domains.filter((d) => !b.scope.domains.includes(d))) push('consent', `Toestemming om leefgebied ${title(id)} te delen: niet meer`);
  value(push, 'consent', 'Toestemming om het geld te delen', a.scope.finances, b.scope.finances, yesNo);
  value(push, 'consent', 'Toestemming om de signalen te delen', a.scope.signals, b.scope.signals, yesNo);
  value(push, 'consent', 'Toestemming om aantekeningen te delen', a.scope.notes, b.scope.notes, yesNo);
}

function household(push: Push, a: Dossier['client'], b: Dossier['client']): void {
  value(push, 'household', 'Naam', a.name, b.name);
  const address = (c: Dossier['client']) => [`${c.street} ${c.huisnummer}`.trim(), `${c.postcode} ${c.town}`.trim()].filter((s) => s !== '').join(', ');
  value(push, 'household', 'Adres', address(a), address(b));
  type Member = Dossier['client']['members'][number];
  const memberText = (m: Member) => [`${m.firstName} ${m.lastName}`.trim(), m.role === 'adult' ? 'volwassene' : 'kind', m.age === null ? '' : `${m.age} jaar`].filter((s) => s !== '').join(', ');
  const members = match(a.members, b.members, (m) => `${m.firstName} ${m.lastName}`.trim().toLowerCase());
  for (const m of members.added) push('household', `Gezinslid toegevoegd: ${memberText(m)}`);
  for (const m of members.removed) push('household', `Gezinslid staat er niet meer in: ${memberText(m)}`);
  for (const [x, y] of members.pairs) value(push, 'household', `Gezinslid ${y.firstName}`, memberText(x), memberText(y));
  value(push, 'household', 'Liefst contact via', a.contact.channel, b.contact.channel, (c) => nl.form.channels[c].toLowerCase());
  value(push, 'household', 'Telefoon', a.contact.phone, b.contact.phone);
  value(push, 'household', 'E-mail', a.contact.email, b.contact.email);
  value(push, 'household', 'Beste moment', a.contact.bestTime, b.contact.bestTime);
  words(push, 'household', 'De opmerking over contact', a.contact.note, b.contact.note);
}

/** Every change from `before` to `after`, grouped by section in the order a counsellor reads the dossier. */
export function diffDossiers(before: Dossier, after: Dossier, domainTitles: ReadonlyMap<string, string> = new Map()): DossierChange[] {
  const changes: DossierChange[] = [];
  const push: Push = (section, text, w) => changes.push({ section, text, ...(w ? { before: w.before, after: w.after } : {}) });
  const titles = new Map([...domainTitles, ...[...before.domains, ...after.domains].map((d) => [d.domainId, d.title] as const)]);

  const x = before.aanmelding;
  const y = after.aanmelding;
  value(push, 'handover', 'Naar', before.recipients.map((r) => r.name).join(', '), after.recipients.map((r) => r.name).join(', '));
  value(push, 'handover', 'Datum van de hulpvraag', x.startdatum, y.startdatum, formatPlainDate);
  value(push, 'handover', 'Spoed (crisis)', x.crisisinterventie, y.crisisinterventie, yesNo);
  value(push, 'handover', 'Eerste gesprek uiterlijk', x.deadlines.firstConversationBy, y.deadlines.firstConversationBy, formatPlainDate);
  consent(push, before.consent, after.consent, titles);
  household(push, before.client, after.client);
  words(push, 'request', 'De hulpvraag in eigen woorden', before.hulpvraag, after.hulpvraag);
  words(push, 'request', 'Wat al is geprobeerd', before.triedSoFar, after.triedSoFar);
  domains(push, before.domains, after.domains);
  signals(push, before.signals, after.signals);
  finances(push, before.finances, after.finances);
  const p = before.contactpersoon;
  const q = after.contactpersoon;
  value(push, 'worker', 'Naam', p.naam, q.naam);
  value(push, 'worker', 'Telefoon', p.telefoonnummer, q.telefoonnummer);
  value(push, 'worker', 'E-mail', p.email, q.email);

  const order = Object.keys(diffSectionTitles) as DiffSection[];
  return changes.sort((m, n) => order.indexOf(m.section) - order.indexOf(n.section));
}
