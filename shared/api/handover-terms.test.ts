import { describe, expect, it } from 'vitest';
import type { HandoverSummary } from './handover';
import { decisionTerm, lastFirstConversationDay } from './handover-terms';

const base: Pick<HandoverSummary, 'firstConversation' | 'deadlines' | 'decision'> = {
  firstConversation: null,
  deadlines: { basis: 'regular', countedFrom: '2026-03-02', firstConversationBy: '2026-03-30', decisionBy: '2026-05-25' },
  decision: null,
};
const planned = (plannedAt: string) => ({ plannedAt, how: 'video' as const, place: '', phone: '' });

describe('decisionTerm', () => {
  it('is not there before the first conversation is planned', () => {
    expect(decisionTerm(base)).toBeNull();
  });

  it('counts from the first conversation’s day in Dutch time, also just after midnight there', () => {
    const late = { ...base, firstConversation: planned('2026-03-04T23:30:00.000Z'), deadlines: { ...base.deadlines, decisionBy: '2026-04-30' } };
    expect(decisionTerm(late)).toEqual({ firstConversationOn: '2026-03-05', decisionBy: '2026-04-30', decided: null });
    // Summer time: 22:30 UTC on 1 July is 00:30 on 2 July in Heerlen.
    expect(decisionTerm({ ...late, firstConversation: planned('2026-07-01T22:30:00.000Z') })?.firstConversationOn).toBe('2026-07-02');
  });

  it('says how late a decision was, and 0 for one in time', () => {
    const p = { ...base, firstConversation: planned('2026-03-04T09:00:00.000Z'), deadlines: { ...base.deadlines, decisionBy: '2026-04-29' } };
    expect(decisionTerm({ ...p, decision: { decidedOn: '2026-04-29', note: '' } })?.decided).toEqual({ on: '2026-04-29', daysLate: 0 });
    expect(decisionTerm({ ...p, decision: { decidedOn: '2026-05-02', note: '' } })?.decided).toEqual({ on: '2026-05-02', daysLate: 3 });
    expect(decisionTerm({ ...p, decision: { decidedOn: '2026-03-20', note: '' } })?.decided).toEqual({ on: '2026-03-20', daysLate: 0 });
  });
});

describe('lastFirstConversationDay', () => {
  it('is a year after the Dutch day the handover arrived', () => {
    expect(lastFirstConversationDay('2026-03-02T09:00:00.000Z')).toBe('2027-03-02');
    // 22:30 UTC on 30 June is 00:30 on 1 July in Heerlen (summer time); 23:30 UTC on 31 December is New Year's Day.
    expect(lastFirstConversationDay('2026-06-30T22:30:00.000Z')).toBe('2027-07-01');
    expect(lastFirstConversationDay('2026-12-31T23:30:00.000Z')).toBe('2028-01-01');
  });

  it('gives 28 February for a handover that arrived on 29 February', () => {
    expect(lastFirstConversationDay('2028-02-29T10:00:00.000Z')).toBe('2029-02-28');
  });
});
