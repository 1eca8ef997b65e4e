import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holidays, settings, signalCatalogue } from '../../resources/index';
import type { RecordedSignal } from './intake.schema';
import { assessUrgency, dutchDateOf, dutchDateTime, handoverDeadlines, signalMark, urgentSince, urgentTerm, wgsDecisionDeadline, wgsDeadline } from './urgency';
import { addDays, holidayCalendar, isWorkingDay, weekday } from './working-days';

const signal = (catalogueId: string | null, freeText = ''): RecordedSignal => ({
  id: '00000000-0000-4000-8000-000000000001', catalogueId, freeText, note: '', observedOn: '2026-11-01', recordedAt: '2026-11-01T10:00:00.000Z',
});

describe('urgency', () => {
  it('makes a threatened eviction urgent, with a Dutch reason', () => {
    const u = assessUrgency({ signals: [signal('huurachterstand'), signal('dreigende-huisuitzetting')] }, settings, signalCatalogue);
    expect(u.urgent).toBe(true);
    expect(u.crisisTypes.map((c) => c.id)).toEqual(['huisuitzetting']);
    expect(u.reasons[0]).toMatch(/^Dreigende huisuitzetting\. .*binnen 3 werkdagen/);
  });

  it('names each crisis once, in settings order', () => {
    const u = assessUrgency(
      { signals: [signal('afsluiting-water'), signal('afsluiting-gas-stroom'), signal('afsluiting-stadsverwarming')] },
      settings,
      signalCatalogue,
    );
    expect(u.crisisTypes.map((c) => c.id)).toEqual(['afsluiting-energie', 'afsluiting-water']);
  });

  it('is not urgent for arrears alone, free-text signals, or a municipal crisis the municipality did not switch on', () => {
    const signals = [signal('huurachterstand'), signal(null, 'Dreigt uit huis gezet te worden'), signal('loonbeslag')];
    expect(assessUrgency({ signals }, settings, signalCatalogue).urgent).toBe(false);
  });

  it('knows since when the case is urgent: the earliest crisis signal that counts, not arrears or a switched-off crisis', () => {
    const at = (catalogueId: string, recordedAt: string) => ({ ...signal(catalogueId), recordedAt });
    const signals = [
      at('huurachterstand', '2026-10-01T08:00:00.000Z'),
      at('loonbeslag', '2026-10-02T08:00:00.000Z'),
      at('afsluiting-water', '2026-10-09T08:00:00.000Z'),
      at('dreigende-huisuitzetting', '2026-10-05T08:00:00.000Z'),
    ];
    expect(urgentSince({ signals }, settings, signalCatalogue)).toBe('2026-10-05T08:00:00.000Z');
    expect(urgentSince({ signals: signals.slice(0, 2) }, settings, signalCatalogue)).toBeNull();
  });

  it('counts wage garnishment when the municipality adds it to its crisis list', () => {
    const withGarnishment = { ...settings, crisisTypes: settings.crisisTypes.map((c) => (c.id === 'loonbeslag' ? { ...c, counts: true } : c)) };
    const u = assessUrgency({ signals: [signal('loonbeslag')] }, withGarnishment, signalCatalogue);
    expect(u.urgent).toBe(true);
    expect(u.reasons[0]).toMatch(/De gemeente ziet dit als een crisis/);
  });
});

describe('signal marks', () => {
  const entry = (id: string) => signalCatalogue.find((s) => s.id === id) ?? { crisis: null };
  it('marks Spoed only for a crisis that counts here, a calmer mark for a switched-off one, nothing for arrears', () => {
    expect(signalMark(entry('dreigende-huisuitzetting'), settings)).toBe('spoed');
    expect(signalMark(entry('beslag-bankrekening'), settings)).toBe('serious');
    expect(signalMark(entry('huurachterstand'), settings)).toBeNull();
  });

  it('turns a switched-off crisis into Spoed once the municipality counts it', () => {
    const counting = { crisisTypes: settings.crisisTypes.map((c) => ({ ...c, counts: true })) };
    expect(signalMark(entry('beslag-bankrekening'), counting)).toBe('spoed');
  });
});

describe('urgent term', () => {
  const at = (catalogueId: string, recordedAt: string, observedOn = '2026-01-02') => ({ ...signal(catalogueId), recordedAt, observedOn });
  it('starts on the day the crisis was told, not on the older "Sinds wanneer?" date, and ends 3 working days later', () => {
    const term = urgentTerm({ signals: [at('dreigende-huisuitzetting', '2026-12-24T10:00:00.000Z')] }, settings, signalCatalogue, holidays);
    expect(term).toEqual({ start: '2026-12-24', deadline: '2026-12-30' });
  });

  it('is null without a counting crisis', () => {
    expect(urgentTerm({ signals: [at('beslag-bankrekening', '2026-12-24T10:00:00.000Z')] }, settings, signalCatalogue, holidays)).toBeNull();
  });

  it('starts on the Dutch day it was told: 23:30 UTC on 23 December is 24 December in Heerlen', () => {
    expect(urgentTerm({ signals: [at('afsluiting-water', '2026-12-23T23:30:00.000Z')] }, settings, signalCatalogue, holidays)).toEqual({ start: '2026-12-24', deadline: '2026-12-30' });
  });
});

describe('Wgs deadline for the first conversation', () => {
  it('request on Thursday 24 December 2026, urgent → Wednesday 30 December (Kerst and the weekend skipped)', () => {
    expect(weekday('2026-12-24')).toBe(4);
    expect(wgsDeadline('2026-12-24', true, holidays)).toBe('2026-12-30');
    expect(weekday('2026-12-30')).toBe(3);
  });

  it('urgent request on a Friday → the next Wednesday', () => {
    expect(wgsDeadline('2026-11-20', true, holidays)).toBe('2026-11-25');
  });

  it('skips Easter Monday and Koningsdag', () => {
    expect(wgsDeadline('2026-04-02', true, holidays)).toBe('2026-04-08');
    expect(wgsDeadline('2026-04-24', true, holidays)).toBe('2026-04-30');
  });

  it('not urgent → 4 weeks later, moved past a weekend or holiday', () => {
    expect(wgsDeadline('2026-11-02', false, holidays)).toBe('2026-11-30');
    expect(wgsDeadline('2026-11-28', false, holidays)).toBe('2026-12-28');
    expect(wgsDeadline('2026-11-27', false, holidays)).toBe('2026-12-28');
  });

  it('Bevrijdingsdag counts only when the municipality says so', () => {
    expect(wgsDeadline('2026-05-04', true, holidays)).toBe('2026-05-07');
    const everyYear = holidayCalendar({ liberationDayOff: 'every-year', goodFridayOff: false });
    expect(wgsDeadline('2026-05-04', true, everyYear)).toBe('2026-05-08');
  });

  it('the decision is due 8 weeks after the first conversation', () => {
    expect(wgsDecisionDeadline('2026-11-02', holidays)).toBe('2026-12-28');
  });

  it('is never before the request, and never on a weekend or holiday', () => {
    const dates = fc.integer({ min: 0, max: 5 * 365 - 40 }).map((n) => addDays('2025-01-01', n));
    fc.assert(
      fc.property(dates, fc.boolean(), (request, urgent) => {
        const due = wgsDeadline(request, urgent, holidays);
        expect(due > request).toBe(true);
        expect(isWorkingDay(due, holidays)).toBe(true);
        if (urgent) expect(due <= addDays(request, 3 + 2 + 2 + 2)).toBe(true);
        else expect(due >= addDays(request, 28)).toBe(true);
      }),
    );
  });

  it('gives a crisis on 31 December 2030 a deadline in 2031: Nieuwjaarsdag skipped', () => {
    expect(wgsDeadline('2030-12-31', true, holidays)).toBe('2031-01-06');
    expect(wgsDeadline('2030-12-31', false, holidays)).toBe('2031-01-28');
  });
});

describe('Wgs deadlines of a handover', () => {
  const at = (catalogueId: string, recordedAt: string): RecordedSignal => ({ ...signal(catalogueId), recordedAt });
  const deadlines = (signals: RecordedSignal[], handoverDate: string, requestDate: string | null, firstConversationDate: string | null = null) =>
    handoverDeadlines({ intake: { signals }, handoverDate, requestDate, firstConversationDate }, settings, signalCatalogue, holidays);

  it('counts a crisis from the Dutch day its signal was recorded: 23:30 UTC on 23 December is 24 December in Heerlen', () => {
    expect(dutchDateOf('2026-12-23T23:30:00.000Z')).toBe('2026-12-24');
    expect(dutchDateOf('2026-06-30T22:30:00.000Z')).toBe('2026-07-01');
    const d = deadlines([at('dreigende-huisuitzetting', '2026-12-23T23:30:00.000Z')], '2026-12-28', null);
    expect(d).toMatchObject({ basis: 'crisis', countedFrom: '2026-12-24', firstConversationBy: '2026-12-30' });
  });

  it('without a counting crisis gives 4 weeks from the request, or from the handover day when no request date was recorded', () => {
    expect(deadlines([at('loonbeslag', '2026-11-01T10:00:00.000Z')], '2026-11-10', '2026-11-02')).toMatchObject({
      basis: 'regular', countedFrom: '2026-11-02', firstConversationBy: '2026-11-30',
    });
    expect(deadlines([], '2026-11-10', null)).toMatchObject({ basis: 'regular', countedFrom: '2026-11-10', firstConversationBy: '2026-12-08' });
  });

  it('keeps the earlier term when a crisis comes up only after the 4 weeks from the request have run out', () => {
    const d = deadlines([at('afsluiting-water', '2026-12-14T09:00:00.000Z')], '2026-12-14', '2026-11-02');
    expect(d).toMatchObject({ basis: 'regular', firstConversationBy: '2026-11-30' });
  });

  it('sets the decision 8 weeks after the first conversation, or after its latest date while none is planned', () => {
    expect(deadlines([], '2026-10-05', null, '2026-11-02')).toMatchObject({ decisionBy: '2026-12-28', decisionFrom: 'first-conversation' });
    const crisis = deadlines([at('dreigende-huisuitzetting', '2030-12-31T09:00:00.000Z')], '2030-12-31', null);
    expect(crisis).toMatchObject({ firstConversationBy: '2031-01-06', decisionBy: '2031-03-03', decisionFrom: 'first-conversation-deadline' });
  });

  it('uses the municipal terms from settings', () => {
    const slower = { ...settings, wgs: { urgentWorkingDays: 5, regularWeeks: 6, decisionWeeks: 10 } };
    const d = handoverDeadlines({ intake: { signals: [] }, handoverDate: '2026-11-02', requestDate: null, firstConversationDate: null }, slower, signalCatalogue, holidays);
    expect(d.firstConversationBy).toBe('2026-12-14');
    expect(d.decisionBy).toBe('2027-02-22');
  });
});

describe('dutchDateTime', () => {
  it('writes a Dutch clock time with the offset of that day: +01:00 in winter, +02:00 in summer', () => {
    expect(dutchDateTime('2026-01-15', '10:30')).toBe('2026-01-15T10:30:00+01:00');
    expect(dutchDateTime('2026-07-15', '10:30')).toBe('2026-07-15T10:30:00+02:00');
    // Summer time starts on 29 March 2026 at 02:00 and ends on 25 October at 03:00.
    expect(dutchDateTime('2026-03-29', '01:30')).toBe('2026-03-29T01:30:00+01:00');
    expect(dutchDateTime('2026-03-29', '10:30')).toBe('2026-03-29T10:30:00+02:00');
    expect(dutchDateTime('2026-10-25', '10:30')).toBe('2026-10-25T10:30:00+01:00');
    expect(dutchDateTime('2026-12-31', '23:59')).toBe('2026-12-31T23:59:00+01:00');
  });

  it('is that day and time in the Netherlands, every day of the year', () => {
    for (let day = Date.UTC(2026, 0, 1); day < Date.UTC(2027, 0, 1); day += 86_400_000) {
      const iso = new Date(day).toISOString().slice(0, 10);
      const at = new Date(dutchDateTime(iso, '10:30'));
      expect(dutchDateOf(at.toISOString())).toBe(iso);
      expect(at.toLocaleTimeString('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' })).toBe('10:30');
    }
  });

  it('refuses the half hour the clock skips when summer time starts', () => {
    expect(() => dutchDateTime('2026-03-29', '02:30')).toThrow(/not a time on the Dutch clock/);
  });
});
