import { describe, expect, it } from 'vitest';
import type { Change } from '../../../../shared/api/changes';
import type { HandoverDelivery, HandoverRecord } from '../../data/repositories/handover-repository';
import { handoverNoteText, handoverStatusOf, handoverStatusText } from './handover-status';

const caseId = '6f1c2a0e-3b1d-4c55-9a57-1f2e3d4c5b6a';
const dossierId = '11111111-1111-4111-8111-111111111111';
const consentId = '22222222-2222-4222-8222-222222222222';
let seq = 0;
const change = (entity: 'case' | 'dossier', status: Change['status'], extra: Partial<Change> = {}): Change => ({
  seq: ++seq,
  entity,
  caseId,
  status,
  changedAt: '2026-11-26T10:00:00.000Z',
  ...(entity === 'dossier' ? { version: 1 } : {}),
  ...extra,
});
const consent = {
  id: consentId,
  householdId: caseId,
  scope: { domains: ['geld'], finances: false, signals: false, notes: false },
  recipients: ['schuldhulp-heerlen'],
  method: 'spoken' as const,
  givenOn: '2026-11-26',
  validUntil: '2027-11-25',
  withdrawnOn: null,
  recordedAt: '2026-11-26T10:00:00.000Z',
};
const form = { domains: [], finances: false, signals: false, notes: false, recipients: [], method: null };
const v1 = { recipientId: 'schuldhulp-heerlen', dossierId, version: 1, sentAt: '2026-11-26T10:00:00.000Z' };
const sent: HandoverRecord = { householdId: caseId, form, consentId, dossierIds: { 'schuldhulp-heerlen': dossierId }, consent, sent: [v1], withdrawn: [] };
const notSent: HandoverRecord = { ...sent, dossierIds: {}, consent: null, sent: [] };
const onDevice: HandoverDelivery = { confirmedVersion: null, waiting: 1, withdrawalsConfirmed: [] };
const arrived: HandoverDelivery = { confirmedVersion: v1, waiting: 0, withdrawalsConfirmed: [] };
const text = (changes: Change[], record: HandoverRecord, delivery: HandoverDelivery) => handoverStatusText(handoverStatusOf(changes, record, delivery));

describe('handover status in words', () => {
  it('never says the municipality received anything when only the case record arrived', () => {
    expect(text([change('case', 'received')], notSent, onDevice)).toBe('Aangemeld bij de gemeente, zonder gegevens. Er is nog geen dossier verstuurd.');
    expect(text([change('case', 'received')], sent, onDevice)).toMatch(/^Verstuurd vanaf dit apparaat, wacht op de gemeente\./);
    expect(text([], notSent, onDevice)).toBe('Nog niet overgedragen.');
  });

  it('says "Ontvangen door de gemeente" once the hub confirmed the dossier, even before the feed reports it', () => {
    expect(text([change('case', 'received')], sent, arrived)).toMatch(/^Ontvangen door de gemeente\./);
    expect(text([change('case', 'received'), change('dossier', 'received')], sent, arrived)).toMatch(/^Ontvangen door de gemeente\./);
  });

  it('follows the counsellor: accepted, returned with its reason, the first conversation with its date and time', () => {
    expect(text([change('dossier', 'received'), change('dossier', 'accepted')], sent, arrived)).toMatch(/^Ontvangen door schuldhulp\./);
    expect(text([change('dossier', 'returned', { reason: 'other-municipality' })], sent, arrived)).toBe('Teruggestuurd: de bewoner woont in een andere gemeente.');
    expect(text([change('dossier', 'first-conversation-planned', { plannedAt: '2026-12-01T09:30:00.000Z' })], sent, arrived)).toBe(
      'Eerste gesprek gepland op 1 december 2026 om 10:30.',
    );
  });

  it('says on which day the decision was taken, also once the handover is closed after it', () => {
    const planned = change('dossier', 'first-conversation-planned', { plannedAt: '2026-12-01T09:30:00.000Z' });
    const decided = change('dossier', 'decided', { decidedOn: '2027-01-15' });
    expect(text([planned, decided], sent, arrived)).toBe('Besluit genomen op 15 januari 2027.');
    expect(text([planned, decided, change('dossier', 'closed')], sent, arrived)).toBe('Afgesloten door schuldhulp. Besluit genomen op 15 januari 2027.');
    // A change from a hub before decisions carried their day.
    expect(text([planned, change('dossier', 'decided')], sent, arrived)).toBe('Schuldhulp heeft een besluit genomen.');
    expect(text([planned, change('dossier', 'closed')], sent, arrived)).toBe('Afgesloten door schuldhulp.');
  });

  it('gives the counsellor’s explanation of a return, and none once a newer status came', () => {
    const returned = change('dossier', 'returned', { reason: 'incomplete', note: 'Graag de schulden op een rij.' });
    expect(handoverNoteText(handoverStatusOf([returned], sent, arrived))).toBe('Uitleg van schuldhulp: Graag de schulden op een rij.');
    expect(handoverNoteText(handoverStatusOf([change('dossier', 'returned', { reason: 'incomplete' })], sent, arrived))).toBeNull();
    expect(handoverNoteText(handoverStatusOf([returned, change('dossier', 'received', { version: 2 })], sent, arrived))).toBeNull();
  });

  it('reads a newer version the hub confirmed after a return as received again', () => {
    const v2 = { ...v1, version: 2 };
    const record = { ...sent, sent: [v1, v2] };
    expect(text([change('dossier', 'returned', { reason: 'incomplete' })], record, { confirmedVersion: v2, waiting: 0, withdrawalsConfirmed: [] })).toMatch(
      /^Ontvangen door de gemeente\./,
    );
  });

  it('says "Ingetrokken" only when the hub confirmed the withdrawal', () => {
    const withdrawn: HandoverRecord = { ...sent, consent: null, consentId: crypto.randomUUID(), dossierIds: {}, withdrawn: [{ consentId, withdrawnOn: '2026-11-27', recipients: ['schuldhulp-heerlen'] }] };
    expect(text([change('dossier', 'received')], withdrawn, arrived)).toMatch(/^Toestemming ingetrokken\. De intrekking gaat/);
    expect(text([change('dossier', 'received')], withdrawn, { ...arrived, withdrawalsConfirmed: [consentId] })).toBe('Ingetrokken. De gemeente heeft het dossier verwijderd.');
    expect(text([change('dossier', 'withdrawn')], withdrawn, arrived)).toBe('Ingetrokken. De gemeente heeft het dossier verwijderd.');
  });
});
