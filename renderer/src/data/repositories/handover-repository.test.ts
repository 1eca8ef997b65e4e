import { describe, expect, it } from 'vitest';
import { holidays, lifeDomains, recipients, settings, signalCatalogue } from '../../../../resources/index';
import type { Consent } from '../../../../shared/domain/consent.schema';
import { buildDossier } from '../../../../shared/domain/dossier';
import { rikConsent, rikHousehold, rikIntake, sanne } from '../../../../shared/domain/fixtures/rik';
import { consentWithdrawalKind } from '../../sync/kinds/consent-withdrawal';
import { dossierKind } from '../../sync/kinds/dossier';
import { createOutbox, openMessage } from '../../sync/outbox';
import { fakeClock, freshDb, readableText } from '../../testing/fakes';
import { openHandoverRepository } from './handover-repository';

const today = '2026-11-26';
const ctx = { lifeDomains, signalCatalogue, settings, holidays, recipients };

async function setup() {
  const db = freshDb();
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const clock = fakeClock(Date.parse('2026-11-26T10:00:00.000Z'));
  const handovers = openHandoverRepository({ db, key, clock, outbox: createOutbox({ key, clock }) });
  const start = await handovers.load(rikHousehold.id);
  const consent: Consent = { ...rikConsent, id: start.consentId };
  const built = buildDossier(rikHousehold, rikIntake, consent, sanne, today, ctx);
  if (!built.ok) throw new Error(built.error.code);
  return { db, key, clock, handovers, consent, dossier: built.value };
}

describe('handover repository', () => {
  it('autosaves the consent form sealed: nothing of it is readable in the stored row', async () => {
    const { db, handovers } = await setup();
    await handovers.saveForm(rikHousehold.id, { domains: ['geld'], finances: true, signals: false, notes: false, recipients: ['schuldhulp-heerlen'], method: 'spoken' });
    const rows = await db.handovers.toArray();
    expect(rows).toHaveLength(1);
    expect(readableText(rows).join(' ')).not.toMatch(/geld|schuldhulp|spoken/);
    expect((await handovers.load(rikHousehold.id)).form.domains).toEqual(['geld']);
  });

  it('enqueues each send as a new version of the same dossier, in the transaction of the consent', async () => {
    const { db, key, handovers, consent, dossier } = await setup();
    await handovers.send(rikHousehold.id, consent, dossier);
    await handovers.send(rikHousehold.id, consent, dossier);
    const rows = (await db.outbox.where('kind').equals('dossier').toArray()).sort((a, b) => a.createdAt - b.createdAt || a.entityId.localeCompare(b.entityId));
    const bodies = await Promise.all(rows.map((row) => openMessage(key, dossierKind, row)));
    const messages = bodies.map((b) => dossierKind.body.parse(b));
    expect(messages.map((m) => m.version).sort()).toEqual([1, 2]);
    expect(new Set(messages.map((m) => m.dossierId)).size).toBe(1);
    expect(messages[0]?.dossier).toEqual(dossier);
    // Version 1 waits for its case; version 2 for version 1, so the hub never sees a gap.
    const v1 = messages.find((m) => m.version === 1)!;
    const v2 = messages.find((m) => m.version === 2)!;
    expect(dossierKind.waitsFor?.(v1)).toEqual({ kind: 'new-case', entityId: rikHousehold.id });
    expect(dossierKind.waitsFor?.(v2)).toEqual({ kind: 'dossier', entityId: `${v1.dossierId}:v1` });
    expect(readableText(rows).join(' ')).not.toContain('Vermeulen');
    expect((await handovers.load(rikHousehold.id)).consent?.id).toBe(consent.id);
  });

  it('refuses a dossier built with another consent, and stores nothing', async () => {
    const { db, handovers, consent, dossier } = await setup();
    const other = { ...consent, id: crypto.randomUUID() };
    await expect(handovers.send(rikHousehold.id, other, dossier)).rejects.toThrow();
    expect(await db.outbox.count()).toBe(0);
    expect((await handovers.load(rikHousehold.id)).consent).toBeNull();
  });

  it('withdraws: the waiting dossier never leaves, the withdrawal is enqueued, the next consent starts over', async () => {
    const { db, key, handovers, consent, dossier } = await setup();
    await handovers.send(rikHousehold.id, consent, dossier);
    const after = await handovers.withdraw(rikHousehold.id, today);
    const rows = await db.outbox.toArray();
    expect(rows.map((r) => r.kind)).toEqual(['consent-withdrawal']);
    const body = consentWithdrawalKind.body.parse(await openMessage(key, consentWithdrawalKind, rows[0]!));
    expect(body).toEqual({ caseId: rikHousehold.id, consentId: consent.id, withdrawnOn: today });
    expect(after.consent).toBeNull();
    expect(after.consentId).not.toBe(consent.id);
    expect(after.withdrawn).toEqual([{ consentId: consent.id, withdrawnOn: today, recipients: consent.recipients }]);
    expect(await handovers.delivery(after)).toEqual({ confirmedVersion: null, waiting: 1, withdrawalsConfirmed: [] });
  });
});
