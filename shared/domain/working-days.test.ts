import { describe, expect, it } from 'vitest';
import holidaysJson from '../../resources/holidays.json';
import { holidaysFileSchema } from './resources.schema';
import { addDays, addWorkingDays, holidayCalendar, onOrNextWorkingDay } from './working-days';

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher), to check the data file. */
function easter(y: number): string {
  const a = y % 19, b = Math.floor(y / 100), c = y % 100, d = Math.floor(b / 4), e = b % 4, f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30, i = Math.floor(c / 4), k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31), day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const file = holidaysFileSchema.parse(holidaysJson);

describe('public holidays in resources/holidays.json', () => {
  it('match Easter, Ascension and Whitsun computed from the Easter date, for every year 2025–2030', () => {
    for (let y = 2025; y <= 2030; y++) {
      const names = new Map(file.days.filter((d) => d.date.startsWith(`${y}-`)).map((d) => [d.name, d.date]));
      const e = easter(y);
      expect(names.get('Eerste Paasdag')).toBe(e);
      expect(names.get('Tweede Paasdag')).toBe(addDays(e, 1));
      expect(names.get('Hemelvaartsdag')).toBe(addDays(e, 39));
      expect(names.get('Tweede Pinksterdag')).toBe(addDays(e, 50));
      expect(names.get('Nieuwjaarsdag')).toBe(`${y}-01-01`);
      expect(names.get('Tweede Kerstdag')).toBe(`${y}-12-26`);
    }
    expect(easter(2026)).toBe('2026-04-05');
  });

  it('move Koningsdag to 26 April when 27 April is a Sunday (2025)', () => {
    expect(file.days.find((d) => d.name === 'Koningsdag' && d.date.startsWith('2025'))?.date).toBe('2025-04-26');
    expect(file.days.find((d) => d.name === 'Koningsdag' && d.date.startsWith('2026'))?.date).toBe('2026-04-27');
  });

  it('give Bevrijdingsdag off every year, in lustrum years only, or never, as the municipality chooses', () => {
    expect(holidayCalendar(file, 'every-year').dates.has('2026-05-05')).toBe(true);
    expect(holidayCalendar(file, 'lustrum-only').dates.has('2026-05-05')).toBe(false);
    expect(holidayCalendar(file, 'lustrum-only').dates.has('2025-05-05')).toBe(true);
    expect(holidayCalendar(file, 'never').dates.has('2025-05-05')).toBe(false);
  });
});

describe('working days', () => {
  const cal = holidayCalendar(file, 'lustrum-only');
  it('counts from the day after, skipping weekends', () => {
    expect(addWorkingDays('2026-11-23', 1, cal)).toBe('2026-11-24');
    expect(addWorkingDays('2026-11-27', 1, cal)).toBe('2026-11-30');
    expect(onOrNextWorkingDay('2026-11-28', cal)).toBe('2026-11-30');
    expect(onOrNextWorkingDay('2026-11-27', cal)).toBe('2026-11-27');
  });
  it('crosses month and year ends in UTC without shifting a day', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addWorkingDays('2026-12-31', 1, cal)).toBe('2027-01-04');
  });
});
