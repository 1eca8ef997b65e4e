import { describe, expect, it } from 'vitest';
import { decisionProblems, planDayProblem, returnProblems } from './handover-checks';

describe('what the counsellor’s forms refuse before sending', () => {
  const term = { firstConversationOn: '2026-11-24' };

  it('refuses a decision on a day that has not come yet, and one before the first conversation, naming that day', () => {
    expect(decisionProblems({ date: '2026-11-27', note: 'Toegelaten.' }, term, '2026-11-26')).toEqual({
      date: 'Het besluit kan niet in de toekomst liggen. Leg het vast als het genomen is.',
    });
    expect(decisionProblems({ date: '2026-11-23', note: 'Toegelaten.' }, term, '2026-11-26')).toEqual({
      date: 'Het besluit kan niet voor het eerste gesprek zijn (24 november 2026).',
    });
    // Today and the day of the conversation itself are fine.
    expect(decisionProblems({ date: '2026-11-26', note: 'Toegelaten.' }, term, '2026-11-26')).toEqual({});
    expect(decisionProblems({ date: '2026-11-24', note: 'Toegelaten.' }, term, '2026-11-26')).toEqual({});
  });

  it('asks for the day and the outcome of a decision; spaces are no outcome', () => {
    expect(decisionProblems({ date: '', note: '  ' }, term, '2026-11-26')).toEqual({
      date: 'Vul de datum van het besluit in, zoals 20-03-2026.',
      note: 'Schrijf kort wat het besluit is.',
    });
  });

  it('refuses a first conversation before the Dutch day the handover arrived, naming that day', () => {
    // 23:30 UTC on 26 November is 00:30 on 27 November in Heerlen.
    const receivedAt = '2026-11-26T23:30:00.000Z';
    expect(planDayProblem('2026-11-26', receivedAt)).toBe('Het eerste gesprek kan niet voor de dag zijn waarop de overdracht binnenkwam (27 november 2026).');
    expect(planDayProblem('2016-12-03', receivedAt)).toMatch(/^Het eerste gesprek kan niet voor de dag/);
    expect(planDayProblem('2026-11-27', receivedAt)).toBeUndefined();
    expect(planDayProblem('', receivedAt)).toBeUndefined();
  });

  it('refuses a first conversation more than a year after the Dutch day the handover arrived, naming the last day', () => {
    // Arrived on 27 November 2026 in Heerlen (23:30 UTC the day before): 27 November 2027 is the last day.
    const receivedAt = '2026-11-26T23:30:00.000Z';
    const tooFar = 'Het eerste gesprek kan niet later zijn dan een jaar na de dag waarop de overdracht binnenkwam (uiterlijk 27 november 2027). Kijk het jaar na.';
    expect(planDayProblem('2027-11-28', receivedAt)).toBe(tooFar);
    expect(planDayProblem('2062-12-03', receivedAt)).toBe(tooFar);
    expect(planDayProblem('2027-11-27', receivedAt)).toBeUndefined();
  });

  it('asks which reason it is when the counsellor returns for “another reason”', () => {
    expect(returnProblems('', '')).toEqual({ reason: 'Kies een reden.' });
    expect(returnProblems('other', ' \n ')).toEqual({ note: 'Schrijf op wat de andere reden is.' });
    expect(returnProblems('other', 'Verhuisd naar Brunssum.')).toEqual({});
    expect(returnProblems('incomplete', '')).toEqual({});
  });
});
