import { describe, expect, it } from 'vitest';
import { demoHouseholds, helpCatalogue, holidays, lifeDomains, normsFor, recipients, regelingen, settings, signalCatalogue } from '../../../resources/index';
import { rikConsent, rikHousehold, rikIntake, sanne } from '../../../shared/domain/fixtures/rik';
import { residentSummary } from '../features/handover';
import { emptyIntake, type Intake } from '../../../shared/domain/intake.schema';
import { checkRegelingen, type RegelingContext } from '../../../shared/domain/regelingen';
import { errorCodes } from '../../../shared/result';
import { checkB1, catalogueTexts, formatProblems, resourceTexts, sentencesOf, sourceTexts, wordsOf, type TextItem } from './b1-check';
import { b1Rules } from './b1-rules';
import { errorText } from './errors';
import { nl } from './nl';
import { nlHandover } from './nl-handover';
import { nlIntake } from './nl-intake';
import { nlUrgency } from './nl-urgency';
import helpJson from '../../../resources/help.json';
import lifeDomainsJson from '../../../resources/life-domains.json';
import regelingenJson from '../../../resources/regelingen.json';
import settingsJson from '../../../resources/settings.json';
import signalsJson from '../../../resources/signals.json';

/** Keys in resources/*.json that hold Dutch text (ids, slugs and numbers are not read). */
const TEXT_KEYS = new Set(['title', 'name', 'description', 'question', 'levels', 'reason', 'nextStep']);

const today = '2026-11-26';
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A household like the seeds' Jeroen: single, bijstand, rent, health-insurance arrears, debts with collection and bailiff. */
function jeroen(): Intake {
  const intake = emptyIntake(id(100), `${today}T10:00:00.000Z`);
  const signals = ['zorgverzekering-achterstand', 'incassobureau', 'deurwaarder', 'achteraf-betalen-schulden', 'lege-koelkast', 'geldstress', 'ongeopende-post', 'beslag-bankrekening'];
  intake.signals = signals.map((catalogueId, i) => ({ id: id(i + 1), catalogueId, freeText: '', note: '', observedOn: today, recordedAt: `${today}T10:00:00.000Z` }));
  intake.finances = {
    ...intake.finances,
    householdType: 'alleenstaand',
    incomes: [{ id: id(20), source: 'uitkering-participatiewet', netMonthlyCents: 110_000 }],
    fixedCosts: [{ id: id(21), kind: 'huur', monthlyCents: 72_000 }, { id: id(22), kind: 'zorgverzekering', monthlyCents: 14_000 }],
    debts: [{ id: id(23), creditor: 'Zorgverzekeraar', amountCents: 60_000, type: 'zorgverzekering', stage: 'incasso', stageDate: today }],
  };
  return intake;
}

/** What the regelingen check says at the table, for the demo households and Jeroen. */
async function regelingTexts(): Promise<TextItem[]> {
  const ctx: RegelingContext = { regelingen, help: helpCatalogue, catalogue: signalCatalogue, settings, norms: normsFor(2026)!.amounts, today };
  const households = [...(await demoHouseholds(today)).map((d) => ({ intake: d.intake, household: d.household })), { intake: jeroen(), household: { members: [{ id: id(30), firstName: 'Jeroen', lastName: '', role: 'adult' as const, age: 40 }] } }];
  return households.flatMap(({ intake, household }) => checkRegelingen(intake, household, ctx).map((a) => ({ source: `regelingen/${a.id}`, text: a.why })));
}

/** What the resident reads in "Wat we samen hebben besproken", for a Rik-like household with and without consent. */
function summaryTexts(): TextItem[] {
  const ctx = { lifeDomains, signalCatalogue, settings, holidays, recipients };
  const input = { household: rikHousehold, intake: rikIntake, worker: sanne, today, ctx };
  return [rikConsent, null].flatMap((consent) => {
    const s = residentSummary({ ...input, consent });
    const texts = [s.title, ...s.intro, s.footer, ...s.blocks.flatMap((b) => (b.kind === 'actions' ? [] : b.kind === 'bullets' ? b.items : [b.text]))];
    return texts.map((text) => ({ source: 'summary/', text }));
  });
}

function allTexts(): TextItem[] {
  return [
    ...catalogueTexts('nl', nl),
    ...catalogueTexts('nlIntake', nlIntake),
    ...catalogueTexts('nlUrgency', nlUrgency),
    ...catalogueTexts('nlHandover', nlHandover),
    ...errorCodes.map((code) => ({ source: `errors.${code}`, text: errorText({ code, params: { left: 2, waitMs: 5_000, message: '' } }) })),
    ...resourceTexts('help.json', helpJson, TEXT_KEYS),
    ...resourceTexts('life-domains.json', lifeDomainsJson, TEXT_KEYS),
    ...resourceTexts('regelingen.json', regelingenJson, TEXT_KEYS),
    ...resourceTexts('settings.json', settingsJson, TEXT_KEYS),
    ...resourceTexts('signals.json', signalsJson, TEXT_KEYS),
  ];
}

describe('B1 check of every text', () => {
  it('finds the texts: the catalogues, the error codes and the resources', () => {
    const sources = allTexts().map((t) => t.source);
    expect(sources).toContain('nl.signIn.intro');
    expect(sources).toContain('nlIntake.signals.introSpoed()');
    expect(sources).toContain('errors.pin.wrong');
    expect(sources).toContain('resources/signals.json[0].description');
    expect(sources.length).toBeGreaterThan(400);
  });

  it('has short sentences, plain words, and "u" only for the resident', async () => {
    const problems = checkB1([...allTexts(), ...(await regelingTexts()), ...summaryTexts()], b1Rules);
    expect(problems, `Plain Dutch (B1), see renderer/src/i18n/b1-rules.ts:\n${formatProblems(problems)}`).toEqual([]);
  });

  it('gives every exception and every read-aloud source a reason', () => {
    for (const e of b1Rules.exceptions) expect(e.reason.length, e.source).toBeGreaterThan(10);
    for (const r of b1Rules.readAloud) expect(r.reason.length, r.source).toBeGreaterThan(10);
  });
});

describe('the B1 checker itself', () => {
  it('splits sentences but keeps amounts and dates whole', () => {
    expect(sentencesOf('Bedragen per maand. Typ 1.234,56 als dat makkelijker is!')).toEqual(['Bedragen per maand.', 'Typ 1.234,56 als dat makkelijker is!']);
    expect(wordsOf("Inkomen als zzp'er: € 1.234,56 per e-mail")).toEqual(['Inkomen', 'als', "zzp'er", '1.234,56', 'per', 'e-mail']);
  });

  it('fails on a long sentence and says which one and why', () => {
    const long = 'U heeft misschien recht op Schuldhulp van de gemeente omdat er schulden zijn bij een incassobureau of deurwaarder, of er beslag is.';
    const problems = checkB1([{ source: 'regelingen/schuldhulp', text: long }], b1Rules);
    expect(formatProblems(problems)).toBe(`regelingen/schuldhulp: "${long}" — 22 words; at most 20. Split it into shorter sentences.`);
  });

  it('fails on a word to avoid, naming the plain one', () => {
    const problems = checkB1([{ source: 'nl.x', text: 'Indien het niet lukt, bel de gemeente.' }], b1Rules);
    expect(problems.map((p) => p.why)).toEqual(['uses "indien"; write "als".']);
  });

  it('fails on "u" for the worker, but not in a sentence read aloud to the resident', () => {
    expect(checkB1([{ source: 'nl.x', text: 'Vul uw pincode in.' }], b1Rules)).toHaveLength(1);
    expect(checkB1([{ source: 'nl.x', text: 'Vul de pincode in.' }], b1Rules)).toEqual([]);
    expect(checkB1([{ source: 'nlIntake.money.selfEmployed', text: 'Bent u zelfstandig ondernemer?' }], b1Rules)).toEqual([]);
    // "u" inside a word is no "u": "uitkering", "huur".
    expect(checkB1([{ source: 'nl.x', text: 'De uitkering en de huur.' }], b1Rules)).toEqual([]);
  });

  it('lets a listed exception pass, and only for what it allows', () => {
    const rules = { ...b1Rules, exceptions: [{ source: 'nl.x', allows: 'indien', reason: 'Quoted from the law, word for word.' }] };
    expect(checkB1([{ source: 'nl.x', text: 'Indien het niet lukt, bel.' }], rules)).toEqual([]);
    expect(checkB1([{ source: 'nl.x', text: 'Indien het niet lukt, bel uw gemeente.' }], rules)).toHaveLength(1);
  });

  it('finds Dutch sentences written in code, with file and line, and not in comments', () => {
    const code = [
      "// Vul uw naam in.",
      "  name: z.string().min(1, 'Vul uw naam in.'),",
      "  const label = `Wacht ${n} seconden.`;",
      "  id: 'geld',",
    ].join('\n');
    expect(sourceTexts('x.ts', code)).toEqual([
      { source: 'x.ts:2', text: 'Vul uw naam in.' },
      { source: 'x.ts:3', text: 'Wacht X seconden.' },
    ]);
  });

  it('checks each text function with sample arguments', () => {
    const texts = catalogueTexts('t', { wait: (n: number) => `Wacht ${n} ${n === 1 ? 'seconde' : 'seconden'}.` });
    expect(texts.map((t) => t.text).sort()).toEqual(['Wacht 1 seconde.', 'Wacht 2 seconden.', 'Wacht Jansen seconden.']);
  });
});
