import { describe, expect, it } from 'vitest';
import { summary } from './testing-summary';
import { appendPage, areaLabel, changeText, daysUntil, deadlineText, isFiltered, listQuery, noFilters, officeToday, shownText, timeLeftText } from './inbox-model';

describe('time left to the Wgs deadline', () => {
  it('counts calendar days and says late ones as late', () => {
    expect(daysUntil('2026-11-26', '2026-11-29')).toBe(3);
    expect(daysUntil('2026-03-28', '2026-03-30')).toBe(2); // across the summer-time change
    expect(timeLeftText(3)).toBe('Nog 3 dagen');
    expect(timeLeftText(1)).toBe('Nog 1 dag');
    expect(timeLeftText(0)).toBe('Vandaag');
    expect(timeLeftText(-1)).toBe('1 dag te laat');
    expect(timeLeftText(-4)).toBe('4 dagen te laat');
  });

  it('names the deadline that matters: the first conversation, then the decision, then none', () => {
    expect(deadlineText(summary(), '2026-12-15')).toBe('Eerste gesprek: nog 3 dagen');
    expect(deadlineText(summary({ status: 'first-conversation-planned' }), '2027-02-14')).toBe('Besluit: 2 dagen te laat');
    expect(deadlineText(summary({ status: 'decided' }), '2027-02-14')).toBe('Geen termijn meer');
  });

  it('takes today from the Dutch calendar, as the hub does, whatever this computer’s time zone', () => {
    // 23:30 UTC on 5 January is 00:30 on 6 January in Heerlen; in summer the day turns at 22:00 UTC.
    expect(officeToday(Date.parse('2026-01-05T22:59:00Z'))).toBe('2026-01-05');
    expect(officeToday(Date.parse('2026-01-05T23:30:00Z'))).toBe('2026-01-06');
    expect(officeToday(Date.parse('2026-07-05T22:30:00Z'))).toBe('2026-07-06');
  });
});

describe('the filters as the hub’s query', () => {
  it('asks for the open work list when nothing is chosen', () => {
    expect(listQuery(noFilters)).toEqual({ view: 'open' });
    expect(isFiltered(noFilters)).toBe(false);
  });

  it('turns each choice into its parameter: one status, urgent, neighbourhood, worker and the trimmed search', () => {
    const f = { status: 'returned', urgent: true, area: '6411', worker: 'c0ffee00-0000-4000-8000-000000000000', query: '  José ' } as const;
    expect(listQuery(f)).toEqual({ view: 'all', status: 'returned', urgent: 'true', area: '6411', worker: 'c0ffee00-0000-4000-8000-000000000000', q: 'José' });
    expect(listQuery({ ...noFilters, status: 'all' })).toEqual({ view: 'all' });
    expect(isFiltered({ ...noFilters, query: '   ' })).toBe(false);
    expect(isFiltered({ ...noFilters, urgent: true })).toBe(true);
  });
});

describe('the inbox’s words and pages', () => {
  it('adds a page without showing a handover twice', () => {
    const [a, b, c] = [summary(), summary(), summary()];
    expect(appendPage([a, b], [b, c]).map((h) => h.dossierId)).toEqual([a.dossierId, b.dossierId, c.dossierId]);
  });

  it('says what arrived and what went, in numbers a reader can follow', () => {
    expect(changeText(0, 0)).toBe('');
    expect(changeText(1, 0)).toBe('1 nieuwe overdracht');
    expect(changeText(1200, 0)).toBe('1.200 nieuwe overdrachten');
    expect(changeText(0, 1)).toBe('1 overdracht is weggehaald, omdat de toestemming is ingetrokken');
    expect(changeText(2, 2)).toBe('2 nieuwe overdrachten. 2 overdrachten zijn weggehaald, omdat de toestemming is ingetrokken');
    expect(changeText(0, 0, 1)).toBe('1 overdracht is weggehaald, omdat de toestemming is afgelopen');
    expect(changeText(1, 1, 3)).toBe('1 nieuwe overdracht. 1 overdracht is weggehaald, omdat de toestemming is ingetrokken. 3 overdrachten zijn weggehaald, omdat de toestemming is afgelopen');
    expect(shownText(50, 5000)).toBe('50 van de 5.000 overdrachten');
    expect(shownText(1, 1)).toBe('1 overdracht');
  });

  it('names a neighbourhood when its name is known, and always shows the postcode', () => {
    const areas = [{ postcodeArea: '6411', name: 'Heerlen-Centrum' }];
    expect(areaLabel('6411', areas)).toBe('6411 Heerlen-Centrum');
    expect(areaLabel('6499', areas)).toBe('Postcodegebied 6499');
  });
});
