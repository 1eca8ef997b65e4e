import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import holidaysJson from '../../resources/holidays.json';
import { holidaysFileSchema } from './resources.schema';
import {
  addDays, addWorkingDays, dutchPublicHolidays, easterSunday, holidayCalendar, isWorkingDay, kingsDay, onOrNextWorkingDay, weekday,
} from './working-days';

const file = holidaysFileSchema.parse(holidaysJson);
const heerlen = holidayCalendar({ liberationDayOff: 'lustrum-only', goodFridayOff: false });

describe('computed Dutch public holidays', () => {
  it('match every day in resources/holidays.json, name and kind included, for each year the file lists', () => {
    for (let y = file.firstYear; y <= file.lastYear; y++) {
      const listed = file.days.filter((d) => d.date.startsWith(`${y}-`)).map((d) => ({ date: d.date, name: d.name, kind: d.kind }));
      expect(dutchPublicHolidays(y)).toEqual(listed);
    }
  });

  it('put Easter on the published dates, also far from the years in the data file', () => {
    const published: Record<number, string> = {
      1961: '1961-04-02', 2000: '2000-04-23', 2024: '2024-03-31', 2031: '2031-04-13', 2032: '2032-03-28', 2033: '2033-04-17',
      2035: '2035-03-25', 2038: '2038-04-25', 2285: '2285-03-22',
    };
    for (const [year, date] of Object.entries(published)) expect(easterSunday(Number(year))).toBe(date);
  });

  it('move Koningsdag to Saturday 26 April when 27 April is a Sunday (2025, 2031, 2036)', () => {
    expect(kingsDay(2025).date).toBe('2025-04-26');
    expect(kingsDay(2031).date).toBe('2031-04-26');
    expect(kingsDay(2036).date).toBe('2036-04-26');
    expect(kingsDay(2032).date).toBe('2032-04-27');
    expect(kingsDay(2013)).toEqual({ date: '2013-04-30', name: 'Koninginnedag' });
  });

  it('hold for any year: eleven days, Easter a Sunday from 22 March to 25 April, Hemelvaart a Thursday, no Koningsdag on Sunday', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 4000 }), (year) => {
        const days = dutchPublicHolidays(year);
        const by = new Map(days.map((d) => [d.name, d.date]));
        expect(days).toHaveLength(11);
        const easter = by.get('Eerste Paasdag') ?? '';
        expect(weekday(easter)).toBe(0);
        expect(easter >= `${year}-03-22` && easter <= `${year}-04-25`).toBe(true);
        expect(weekday(by.get('Goede Vrijdag') ?? '')).toBe(5);
        expect(weekday(by.get('Hemelvaartsdag') ?? '')).toBe(4);
        expect(weekday(by.get('Tweede Pinksterdag') ?? '')).toBe(1);
        expect(weekday(kingsDay(year).date)).not.toBe(0);
        expect(days.every((d) => d.date.startsWith(`${year}-`))).toBe(true);
      }),
    );
  });

  it('give Goede Vrijdag and Bevrijdingsdag off only as the municipality chooses', () => {
    const everything = holidayCalendar({ liberationDayOff: 'every-year', goodFridayOff: true });
    const nothingExtra = holidayCalendar({ liberationDayOff: 'never', goodFridayOff: false });
    expect(everything.isHoliday('2026-05-05')).toBe(true);
    expect(everything.isHoliday('2026-04-03')).toBe(true);
    expect(heerlen.isHoliday('2026-05-05')).toBe(false);
    expect(heerlen.isHoliday('2030-05-05')).toBe(true);
    expect(heerlen.isHoliday('2035-05-05')).toBe(true);
    expect(heerlen.isHoliday('2026-04-03')).toBe(false);
    expect(nothingExtra.isHoliday('2030-05-05')).toBe(false);
    expect(heerlen.daysOff(2031).map((d) => d.name)).toEqual([
      'Nieuwjaarsdag', 'Eerste Paasdag', 'Tweede Paasdag', 'Koningsdag', 'Hemelvaartsdag', 'Eerste Pinksterdag', 'Tweede Pinksterdag',
      'Eerste Kerstdag', 'Tweede Kerstdag',
    ]);
  });

  it('refuse a year outside the Gregorian calendar instead of guessing', () => {
    expect(() => dutchPublicHolidays(1500)).toThrow(RangeError);
  });
});

describe('working days', () => {
  it('counts from the day after, skipping weekends', () => {
    expect(addWorkingDays('2026-11-23', 1, heerlen)).toBe('2026-11-24');
    expect(addWorkingDays('2026-11-27', 1, heerlen)).toBe('2026-11-30');
    expect(onOrNextWorkingDay('2026-11-28', heerlen)).toBe('2026-11-30');
    expect(onOrNextWorkingDay('2026-11-27', heerlen)).toBe('2026-11-27');
  });

  it('crosses month and year ends in UTC without shifting a day', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addWorkingDays('2026-12-31', 1, heerlen)).toBe('2027-01-04');
  });

  it('skips Easter Monday, and Goede Vrijdag only where it is a day off (2031: Easter 13 April)', () => {
    expect(addWorkingDays('2031-04-10', 3, heerlen)).toBe('2031-04-16');
    const withGoodFriday = holidayCalendar({ liberationDayOff: 'lustrum-only', goodFridayOff: true });
    expect(addWorkingDays('2031-04-10', 3, withGoodFriday)).toBe('2031-04-17');
  });

  it('skips Koningsdag on a Monday and Christmas around a weekend', () => {
    expect(weekday('2026-04-27')).toBe(1);
    expect(isWorkingDay('2026-04-27', heerlen)).toBe(false);
    expect(addWorkingDays('2026-04-24', 1, heerlen)).toBe('2026-04-28');
    expect(weekday('2032-12-24')).toBe(5);
    expect(addWorkingDays('2032-12-24', 1, heerlen)).toBe('2032-12-27');
    expect(weekday('2033-12-23')).toBe(5);
    expect(addWorkingDays('2033-12-23', 1, heerlen)).toBe('2033-12-27');
  });

  it('goes on past 2030: three working days from Tuesday 31 December 2030 is Monday 6 January 2031', () => {
    expect(weekday('2030-12-31')).toBe(2);
    expect(addWorkingDays('2030-12-31', 3, heerlen)).toBe('2031-01-06');
    expect(addWorkingDays('2099-12-31', 1, heerlen)).toBe('2100-01-04');
  });

  it('never lands on a weekend or day off, and skips exactly the days off in between', () => {
    const dates = fc.integer({ min: 0, max: 40 * 365 }).map((n) => addDays('2025-01-01', n));
    fc.assert(
      fc.property(dates, fc.integer({ min: 1, max: 30 }), (start, n) => {
        const end = addWorkingDays(start, n, heerlen);
        expect(isWorkingDay(end, heerlen)).toBe(true);
        let counted = 0;
        for (let d = addDays(start, 1); d <= end; d = addDays(d, 1)) if (isWorkingDay(d, heerlen)) counted += 1;
        expect(counted).toBe(n);
      }),
    );
  });
});
