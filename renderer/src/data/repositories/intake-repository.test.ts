import { describe, expect, it } from 'vitest';
import type { DomainEntry, Finances, RecordedSignal } from '../../../../shared/domain/intake.schema';
import { emptyDomainEntry, emptyFinances } from '../../../../shared/domain/intake.schema';
import type { KeukentafelDb } from '../db';
import { dumpIndexedDb, fakeClock, freshDb, readableText, worker } from '../../testing/fakes';
import { createTagger } from '../crypto/tags';
import { IntakeValidationError, intakeRowId, openIntakeRepository, sealSection } from './intake-repository';

const newKey = () => crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
const me = { id: worker.id, name: worker.displayName };
const SENTENCE = 'De deurwaarder van Incassobureau Zuid stond gisteren voor de deur van Bram.';

async function setup() {
  const db = freshDb();
  const key = await newKey();
  const clock = fakeClock();
  const open = (over: { db?: KeukentafelDb; clock?: typeof clock } = {}) =>
    openIntakeRepository({ db: over.db ?? db, key, clock: over.clock ?? clock, worker: me });
  return { db, key, clock, open, repo: open(), householdId: crypto.randomUUID() };
}

const entry = (over: Partial<DomainEntry> = {}): DomainEntry => ({ ...emptyDomainEntry(), ...over });

function signal(observedOn = '2026-02-20'): RecordedSignal {
  return { id: crypto.randomUUID(), catalogueId: null, freeText: 'Post ligt ongeopend op tafel', note: SENTENCE, observedOn, recordedAt: '2026-03-02T09:00:00.000Z' };
}

function finances(): Finances {
  return {
    ...emptyFinances(),
    incomes: [{ id: crypto.randomUUID(), source: 'uwv', netMonthlyCents: 145_000 }],
    debts: [{ id: crypto.randomUUID(), creditor: 'Incassobureau Zuid', amountCents: 82_050, type: 'energie', stage: 'deurwaarder', stageDate: '2026-01-15' }],
    budgetManagement: 'bewind',
    householdType: 'alleenstaande-ouder',
  };
}

describe('intake repository', () => {
  it('loads an empty intake for a household with nothing recorded', async () => {
    const { repo, householdId } = await setup();
    const intake = await repo.load(householdId);
    expect(intake).toMatchObject({ householdId, domains: {}, signals: [], finances: emptyFinances() });
    expect(await repo.cursor(householdId)).toBeNull();
    expect(await repo.history(householdId)).toEqual([]);
  });

  it('gives every section back after a restart (a new repository on the same store)', async () => {
    const { repo, open, householdId } = await setup();
    const geld = entry({ score: 2, ownView: SENTENCE, goesWell: 'De vaste lasten worden betaald.', actions: [{ id: crypto.randomUUID(), who: 'Buurtteam', what: 'Schulden op een rij zetten.', due: '2026-04-01' }] });
    const signals = [signal()];
    const money = finances();
    await repo.saveDomain(householdId, 'geld', geld);
    await repo.saveDomain(householdId, 'wonen', entry({ score: 4, done: true }));
    await repo.saveSignals(householdId, signals);
    await repo.saveFinances(householdId, money);
    await repo.saveCursor(householdId, `/huishoudens/${householdId}/intake/wonen`);

    const restarted = open();
    const intake = await restarted.load(householdId);
    expect(intake.domains).toEqual({ geld, wonen: entry({ score: 4, done: true }) });
    expect(intake.signals).toEqual(signals);
    expect(intake.finances).toEqual(money);
    expect(await restarted.cursor(householdId)).toBe(`/huishoudens/${householdId}/intake/wonen`);
    // Another household sees none of it.
    expect((await restarted.load(crypto.randomUUID())).domains).toEqual({});
  });

  it('keeps a debt whose amount is not known yet as unknown after a restart, never as € 0,00', async () => {
    const { repo, open, householdId } = await setup();
    const money = finances();
    const unknown = { id: crypto.randomUUID(), creditor: 'Achterafbetaaldienst', amountCents: null, type: 'achteraf-betalen' as const, stage: 'incasso' as const, stageDate: '2026-02-01' };
    const marked = { ...money, debts: [...money.debts, unknown], pastBudgetManagement: { kind: 'bewind' as const, years: 13, endedIn: 2024 }, suggestions: { zorgtoeslag: { status: 'applied' as const, on: '2026-03-02' } } };
    await repo.saveFinances(householdId, marked);
    const back = (await open().load(householdId)).finances;
    expect(back.debts[1]?.amountCents).toBeNull();
    expect(back).toEqual(marked);
  });

  it('still opens finances stored before unknown amounts, past bewind and suggestion marks existed', async () => {
    const { db, key, repo, open, householdId } = await setup();
    const { pastBudgetManagement: _p, suggestions: _s, ...old } = finances();
    // Save once so the row exists where the repository keeps it, then put the old shape inside.
    await repo.saveFinances(householdId, finances());
    const id = await intakeRowId(createTagger(key), householdId, 'finances');
    expect(await db.intakes.get(id)).toBeDefined();
    await db.intakes.put(await sealSection(key, id, householdId, 'finances', old, 1));
    const back = (await open().load(householdId)).finances;
    expect(back.debts[0]?.amountCents).toBe(82_050);
    expect(back.pastBudgetManagement).toEqual({ kind: 'unknown', years: null, endedIn: null });
    expect(back.suggestions).toEqual({});
  });

  it('keeps a half-typed action after a restart: who cleared to retype, a date not yet chosen', async () => {
    const { repo, open, householdId } = await setup();
    const actions = [
      { id: crypto.randomUUID(), who: '', what: 'Brieven van de Belastingdienst meenemen', due: '2026-12-30' },
      { id: crypto.randomUUID(), who: 'Bart', what: 'Bewindvoerder bellen', due: '' },
    ];
    await repo.saveDomain(householdId, 'geld', entry({ actions }));
    expect((await open().load(householdId)).domains.geld?.actions).toEqual(actions);
  });

  it('lands saves in call order when fired without waiting: the last keystroke wins', async () => {
    const { repo, open, householdId } = await setup();
    const text = 'Ik ben heel zuinig maar de schulden blijven komen';
    const saves = Array.from({ length: 50 }, (_, i) => repo.saveDomain(householdId, 'geld', entry({ ownView: text.slice(0, i + 1) })));
    // Resolving means committed: awaiting only the last save is enough for a fresh reader.
    await saves[49];
    expect((await open().load(householdId)).domains.geld?.ownView).toBe(text.slice(0, 50));
    await Promise.all(saves);
    // Each save saw the one before it: one paragraph typed is one history line.
    expect(await repo.history(householdId)).toMatchObject([{ section: 'domain:geld', fields: ['ownView'] }]);
  });

  it('keeps nothing readable in raw IndexedDB', async () => {
    const { db, repo, householdId } = await setup();
    await repo.saveDomain(householdId, 'geld', entry({ ownView: SENTENCE }));
    await repo.saveSignals(householdId, [signal()]);
    await repo.saveFinances(householdId, finances());
    await repo.saveCursor(householdId, '/intake/geld');
    const raw = readableText(await dumpIndexedDb(db.name)).join('\n');
    // Four sections and the sealed time of the last change.
    expect(await db.intakes.count()).toBe(5);
    expect(raw).not.toContain('deurwaarder');
    expect(raw).not.toContain('Incassobureau Zuid');
    expect(raw).not.toContain('Hoe ziet u het zelf');
    expect(raw).not.toContain('/intake/geld');
  });

  it('refuses invalid input with Dutch issues and writes nothing', async () => {
    const { db, repo, householdId } = await setup();
    const refusal = async (p: Promise<void>) => {
      const error = await p.then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(IntakeValidationError);
      return (error as IntakeValidationError).issues.map((i) => i.message);
    };
    expect(await refusal(repo.saveDomain(householdId, 'geld', entry({ score: 7 })))).toEqual(['Kies een score van 1 tot 5.']);
    expect(await refusal(repo.saveDomain(householdId, 'toveren', entry()))).toEqual(['Dit leefgebied bestaat niet.']);
    expect(await refusal(repo.saveSignals(householdId, [signal('2026-03-03')]))).toEqual(['Deze datum ligt in de toekomst.']);
    expect(await refusal(repo.saveFinances(householdId, { ...finances(), incomes: [{ id: crypto.randomUUID(), source: 'uwv', netMonthlyCents: -1 }] }))).toEqual([
      'Een bedrag kan niet negatief zijn.',
    ]);
    expect(await refusal(repo.saveCursor(householdId, ''))).toEqual(['Er is geen plek in het bezoek om te bewaren.']);
    expect(await refusal(repo.load('niet-een-id').then(() => undefined))).toEqual(['Dit huishouden bestaat niet.']);
    expect(await db.intakes.count()).toBe(0);
    expect(await db.history.count()).toBe(0);
    // A refused save does not block the next one.
    await repo.saveDomain(householdId, 'geld', entry({ score: 3 }));
    expect((await repo.load(householdId)).domains.geld?.score).toBe(3);
  });

  it('still opens stored data whose dates now look like the future (the device clock moved back)', async () => {
    const { repo, open, householdId, db } = await setup();
    await repo.saveSignals(householdId, [signal('2026-03-02')]);
    const earlier = fakeClock(Date.parse('2026-01-01T09:00:00.000Z'));
    const intake = await open({ db, clock: earlier }).load(householdId);
    expect(intake.signals.map((s) => s.observedOn)).toEqual(['2026-03-02']);
  });

  it('resumes the visit where it was, without a history entry for moving around', async () => {
    const { repo, open, householdId } = await setup();
    await repo.saveCursor(householdId, '/intake/geld');
    await repo.saveCursor(householdId, '/intake/signalen');
    expect(await repo.cursor(householdId)).toBe('/intake/signalen');
    expect(await open().cursor(householdId)).toBe('/intake/signalen');
    expect(await repo.history(householdId)).toEqual([]);
  });
});
