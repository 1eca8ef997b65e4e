import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { centsSchema, createIntakeSchemas, domainEntryOf, domainEntrySchema, emptyDomainEntry, emptyIntake, isCompleteAction, isoDateOf } from './intake.schema';

const today = '2026-11-23';
const { intakeSchema, debtSchema, recordedSignalSchema } = createIntakeSchemas(today);
const uuid = '00000000-0000-4000-8000-000000000001';
const firstMessage = (r: { success: boolean; error?: z.ZodError }) => r.error?.issues[0]?.message;

describe('intake schemas', () => {
  it('accepts a new empty intake', () => {
    expect(intakeSchema.safeParse(emptyIntake(uuid, '2026-11-23T10:00:00.000Z')).success).toBe(true);
  });

  it('says in Dutch that an amount cannot be negative', () => {
    expect(firstMessage(centsSchema.safeParse(-1))).toBe('Een bedrag kan niet negatief zijn.');
    expect(centsSchema.safeParse(12.5).success).toBe(false);
  });

  it('refuses dates after the injected today, accepts today itself', () => {
    const debt = { id: uuid, creditor: 'Woonstichting', amountCents: 120000, type: 'huurschuld', stage: 'aanmaning', stageDate: '2026-11-24' };
    expect(firstMessage(debtSchema.safeParse(debt))).toBe('Deze datum ligt in de toekomst.');
    expect(debtSchema.safeParse({ ...debt, stageDate: today }).success).toBe(true);
    const later = createIntakeSchemas('2026-12-01').debtSchema;
    expect(later.safeParse(debt).success).toBe(true);
  });

  it('needs a description for a signal that is not in the catalogue', () => {
    const s = { id: uuid, catalogueId: null, freeText: '', note: '', observedOn: today, recordedAt: '2026-11-23T10:00:00.000Z' };
    expect(firstMessage(recordedSignalSchema.safeParse(s))).toBe('Beschrijf het signaal.');
    expect(recordedSignalSchema.safeParse({ ...s, freeText: 'Kinderen eten niet op school' }).success).toBe(true);
  });

  it('holds the request for help in the resident\'s words; intakes saved before it still read, a request date in the future does not', () => {
    const intake = emptyIntake(uuid, '2026-11-23T10:00:00.000Z');
    expect(intakeSchema.parse(intake).helpRequest).toBeUndefined();
    const helpRequest = { ownWords: 'Ik wil weten hoeveel schuld ik heb.', requestDate: '2026-11-20', triedSoFar: '' };
    expect(intakeSchema.parse({ ...intake, helpRequest }).helpRequest).toEqual(helpRequest);
    expect(firstMessage(intakeSchema.safeParse({ ...intake, helpRequest: { ...helpRequest, requestDate: '2026-11-24' } }))).toBe('Deze datum ligt in de toekomst.');
  });

  it('keeps scores between 1 and 5', () => {
    const intake = emptyIntake(uuid, '2026-11-23T10:00:00.000Z');
    const entry = { ...domainEntryOf(intake, 'geld'), score: 6 };
    expect(intakeSchema.safeParse({ ...intake, domains: { geld: entry } }).success).toBe(false);
  });

  it('has no field for a BSN', () => {
    expect(JSON.stringify(z.toJSONSchema(intakeSchema, { unrepresentable: 'any' }))).not.toMatch(/bsn|burgerservice/i);
  });

  it('turns an injected clock into a local calendar date', () => {
    expect(isoDateOf(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });

  it('stores an action as typed, half-filled too, and tells whether it is complete', () => {
    const half = { id: uuid, who: 'Bart', what: 'Brieven meenemen', due: '' };
    const whoCleared = { id: uuid, who: '', what: 'Brieven meenemen', due: '2026-12-30' };
    const entry = { ...emptyDomainEntry(), actions: [half, whoCleared] };
    expect(domainEntrySchema.parse(entry).actions).toEqual([half, whoCleared]);
    expect(isCompleteAction(half)).toBe(false);
    expect(isCompleteAction(whoCleared)).toBe(false);
    expect(isCompleteAction({ ...half, due: '2026-12-30' })).toBe(true);
    expect(domainEntrySchema.safeParse({ ...entry, actions: [{ ...half, due: '30-12-2026' }] }).success).toBe(false);
  });

  it('still reads entries stored before drafts were kept (complete actions only)', () => {
    const old = { ...emptyDomainEntry(), score: 2, actions: [{ id: uuid, who: 'Buurtteam', what: 'Schulden op een rij', due: '2026-04-01' }] };
    expect(domainEntrySchema.parse(old)).toEqual(old);
  });

  it('says what to change when a domain has more than 50 actions', () => {
    const actions = Array.from({ length: 51 }, () => ({ id: uuid, who: 'Bart', what: 'Bellen', due: '' }));
    expect(firstMessage(domainEntrySchema.safeParse({ ...emptyDomainEntry(), actions }))).toMatch(/maximaal 50 afspraken.*Verwijder/);
  });
});
