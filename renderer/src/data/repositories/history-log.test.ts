import { describe, expect, it } from 'vitest';
import { emptyDomainEntry, emptyFinances } from '../../../../shared/domain/intake.schema';
import { historyLabel } from '../../i18n/history-labels';
import { fakeClock, freshDb, householdInput, worker } from '../../testing/fakes';
import { createHistoryLog } from './history-log';
import { openHouseholdRepository } from './household-repository';
import { openIntakeRepository } from './intake-repository';
import { createOutbox } from '../../sync/outbox';

const newKey = () => crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
const sanne = { id: worker.id, name: worker.displayName };
const ahmed = { id: crypto.randomUUID(), name: 'Ahmed Bakker' };
const MINUTE = 60_000;

async function setup() {
  const db = freshDb();
  const key = await newKey();
  const clock = fakeClock();
  const openAs = (who: typeof sanne) => {
    const history = createHistoryLog({ db, key, clock, worker: who });
    return { history, intakes: openIntakeRepository({ db, key, clock, worker: who, history }) };
  };
  return { db, key, clock, openAs, ...openAs(sanne) };
}

const at = (ms: number) => new Date(Date.parse('2026-03-02T09:00:00.000Z') + ms).toISOString();

describe('edit history', () => {
  it('keeps typing in one field as one line, and starts a new line after two quiet minutes', async () => {
    const { intakes, clock } = await setup();
    const id = crypto.randomUUID();
    const type = async (ownView: string, after: number) => {
      clock.advance(after);
      await intakes.saveDomain(id, 'geld', { ...emptyDomainEntry(), ownView });
    };
    await type('Ik', 0);
    await type('Ik ben', MINUTE);
    await type('Ik ben zuinig', 2 * MINUTE);
    expect(await intakes.history(id)).toEqual([{ at: at(3 * MINUTE), by: sanne.name, section: 'domain:geld', fields: ['ownView'] }]);
    await type('Ik ben zuinig.', 2 * MINUTE + 1);
    expect((await intakes.history(id)).map((e) => e.at)).toEqual([at(5 * MINUTE + 1), at(3 * MINUTE)]);
  });

  it('starts a new line for another field, another section or another worker', async () => {
    const { intakes, clock, openAs, db } = await setup();
    const id = crypto.randomUUID();
    await intakes.saveDomain(id, 'geld', { ...emptyDomainEntry(), ownView: 'Zuinig' });
    clock.advance(1_000);
    await intakes.saveDomain(id, 'geld', { ...emptyDomainEntry(), ownView: 'Zuinig', goesWell: 'Vaste lasten' });
    clock.advance(1_000);
    await intakes.saveFinances(id, { ...emptyFinances(), debts: [{ id: crypto.randomUUID(), creditor: 'Essent', amountCents: 1, type: 'energie', stage: 'aanmaning', stageDate: '2026-02-01' }] });
    clock.advance(1_000);
    await intakes.saveSignals(id, []);
    clock.advance(1_000);
    await openAs(ahmed).intakes.saveFinances(id, { ...emptyFinances(), selfEmployed: true });
    const lines = (await intakes.history(id)).map((e) => `${e.by}: ${historyLabel(e)}`);
    expect(lines).toEqual([
      'Ahmed Bakker: Financiën — schulden, zelfstandig ondernemer',
      'Sanne de Vries: Financiën — schulden',
      'Sanne de Vries: Geld — Wat gaat goed?',
      'Sanne de Vries: Geld — Hoe ziet u het zelf?',
    ]);
    // Saving signals unchanged (empty) added nothing; a value never shows up in a line.
    expect(lines.join(' ')).not.toContain('Essent');
    expect(await db.history.count()).toBe(4);
  });

  it('records creating and editing a household, newest first, together with intake changes', async () => {
    const { db, key, clock, history, intakes } = await setup();
    const households = await openHouseholdRepository({ db, key, clock, outbox: createOutbox({ key, clock }), worker: sanne, history });
    const h = await households.create(householdInput('Familie Jansen'));
    clock.advance(MINUTE);
    await intakes.saveDomain(h.id, 'wonen', { ...emptyDomainEntry(), score: 4 });
    clock.advance(MINUTE);
    await households.update(h.id, householdInput('Familie Jansen-Smit'));
    expect(await intakes.history(h.id)).toEqual([
      { at: at(2 * MINUTE), by: sanne.name, section: 'household', fields: ['details'] },
      { at: at(MINUTE), by: sanne.name, section: 'domain:wonen', fields: ['score'] },
      { at: at(0), by: sanne.name, section: 'household', fields: ['created'] },
    ]);
    expect((await intakes.history(h.id)).map(historyLabel)).toEqual(['Huishouden — gegevens', 'Wonen — Score', 'Huishouden — aangemaakt']);
  });

  it('writes no history row when the household write fails (one transaction)', async () => {
    const { db, key, clock, history } = await setup();
    const households = await openHouseholdRepository({ db, key, clock, outbox: createOutbox({ key, clock }), worker: sanne, history });
    db.outbox.hook('creating', () => {
      throw new Error('schijf vol');
    });
    await expect(households.create(householdInput())).rejects.toThrow('schijf vol');
    expect(await db.history.count()).toBe(0);
  });
});
