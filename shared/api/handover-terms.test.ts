import { describe, expect, it } from 'vitest';
import type { HandoverSummary } from './handover';
import { decisionTerm } from './handover-terms';

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
