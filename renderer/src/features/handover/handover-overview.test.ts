import { describe, expect, it } from 'vitest';
import { holidays, lifeDomains, recipients, settings, signalCatalogue } from '../../../../resources/index';
import type { Change } from '../../../../shared/api/changes';
import type { Consent } from '../../../../shared/domain/consent.schema';
import { buildDossier } from '../../../../shared/domain/dossier';
import { rikConsent, rikHousehold, rikIntake, sanne } from '../../../../shared/domain/fixtures/rik';
import { openHandoverRepository } from '../../data/repositories/handover-repository';
import { createOutbox } from '../../sync/outbox';
import { fakeClock, freshDb, readableText } from '../../testing/fakes';
import { handoverOverviewOf, statusKey } from './handover-overview';
import { handoverStatusOf } from './handover-status';

const today = '2026-11-26';
const ctx = { lifeDomains, signalCatalogue, settings, holidays, recipients };
const caseId = rikHousehold.id;

async function setup() {
  const db = freshDb();
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const clock = fakeClock(Date.parse('2026-11-26T10:00:00.000Z'));
  const handovers = openHandoverRepository({ db, key, clock, outbox: createOutbox({ key, clock }) });
  let changes: Change[] = [];
  const sync = { statuses: (id: string) => Promise.resolve(changes.filter((c) => c.caseId === id)) };
  const sendRik = async () => {
    const start = await handovers.load(caseId);
    const consent: Consent = { ...rikConsent, id: start.consentId };
    const built = buildDossier(rikHousehold, rikIntake, consent, sanne, today, ctx);
    if (!built.ok) throw new Error(built.error.code);
    await handovers.send(caseId, consent, built.value);
  };
  const hub = (status: Change['status'], extra: Partial<Change> = {}) => {
    changes = [...changes, { seq: changes.length + 1, entity: 'dossier', caseId, status, changedAt: '2026-11-27T10:00:00.000Z', version: 1, ...extra }];
  };
  // What the household page does when it shows the status.
  const openHouseholdPage = async () => {
    const record = await handovers.load(caseId);
    const view = handoverStatusOf(await sync.statuses(caseId), record, await handovers.delivery(record));
    await handovers.markSeen(caseId, statusKey(view));
  };
  return { db, handovers, sync, sendRik, hub, openHouseholdPage };
}

describe('handover in the household list', () => {
  it('shows nothing for a household without a handover, and looking writes no row', async () => {
    const { db, handovers, sync } = await setup();
    expect(await handoverOverviewOf(handovers, sync, caseId)).toBeNull();
    expect(await db.handovers.count()).toBe(0);
  });

  it('marks a status from the hub as new until the household page was opened, and again when the hub changes it', async () => {
    const { db, handovers, sync, sendRik, hub, openHouseholdPage } = await setup();
    await sendRik();
    hub('accepted');
    expect(await handoverOverviewOf(handovers, sync, caseId)).toEqual({ text: 'Ontvangen door schuldhulp. Er is een vaste contactpersoon.', changed: true });

    await openHouseholdPage();
    expect(await handoverOverviewOf(handovers, sync, caseId)).toEqual({ text: 'Ontvangen door schuldhulp. Er is een vaste contactpersoon.', changed: false });
    // "Seen" lives in the sealed handover row: nothing of the status is readable on disk.
    expect(readableText(await db.handovers.toArray()).join(' ')).not.toMatch(/accepted|dossier/);

    hub('returned', { reason: 'incomplete' });
    const after = await handoverOverviewOf(handovers, sync, caseId);
    expect(after?.changed).toBe(true);
    expect(after?.text).toMatch(/^Teruggestuurd: /);
  });
});

describe('unsent handovers for the header', () => {
  it('counts a started consent form until it is sent, and not after a withdrawal starts over', async () => {
    const { handovers, sendRik } = await setup();
    const other = crypto.randomUUID();
    await handovers.load(caseId);
    expect(await handovers.countUnsent([caseId, other])).toBe(0);

    await handovers.saveForm(caseId, { domains: ['geld'], finances: true, signals: false, notes: false, recipients: [], method: null });
    expect(await handovers.countUnsent([caseId, other])).toBe(1);
    // Only the households asked about count, whatever rows the table holds.
    expect(await handovers.countUnsent([other])).toBe(0);

    await sendRik();
    expect(await handovers.countUnsent([caseId, other])).toBe(0);

    await handovers.withdraw(caseId, today);
    expect(await handovers.countUnsent([caseId, other])).toBe(0);
  });

  it('tells its listeners when a form is saved, so the header reads again', async () => {
    const { handovers } = await setup();
    let calls = 0;
    const stop = handovers.subscribe(() => calls++);
    await handovers.saveForm(caseId, { domains: [], finances: false, signals: false, notes: false, recipients: ['schuldhulp-heerlen'], method: null });
    stop();
    await handovers.saveForm(caseId, { domains: [], finances: false, signals: false, notes: false, recipients: [], method: null });
    expect(calls).toBe(1);
  });
});
