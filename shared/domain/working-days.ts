/**
 * Calendar arithmetic on `YYYY-MM-DD` dates, in UTC so time zones never shift a day, and the Dutch
 * public holidays computed for any year, so no deadline ever runs off the end of a data file.
 *
 * The days follow the Algemene termijnenwet art. 3: Nieuwjaarsdag, Tweede Paasdag, Koningsdag,
 * 5 mei, Hemelvaartsdag, Tweede Pinksterdag and both Kerstdagen, with Goede Vrijdag made equal to them
 * (lid 2). Whether the municipality's office is closed on Goede Vrijdag and on Bevrijdingsdag differs
 * per employer, so those two are municipal settings (`goodFridayOff`, `liberationDayOff`).
 * resources/holidays.json lists the days for a few years as a cross-check of this computation.
 */

export type HolidayKind = 'national' | 'bevrijdingsdag' | 'goede-vrijdag';

export interface PublicHoliday {
  date: string;
  name: string;
  kind: HolidayKind;
}

/** Which of the optional days the municipality treats as days off. */
export interface HolidayRules {
  /** Bevrijdingsdag (5 May): every year, only in lustrum years (2025, 2030, …), or never. */
  liberationDayOff: 'every-year' | 'lustrum-only' | 'never';
  goodFridayOff: boolean;
}

/** The days off of one municipality, for any year. */
export interface HolidayCalendar {
  isHoliday(iso: string): boolean;
  /** The days off in `year`, in date order. */
  daysOff(year: number): readonly PublicHoliday[];
}

const toUtc = (iso: string): Date => {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, keeps years 0–99 as they are.
  date.setUTCFullYear(y ?? NaN, (m ?? NaN) - 1, d ?? NaN);
  return date;
};
const fromUtc = (date: Date): string => date.toISOString().slice(0, 10);
const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (year: number, month: number, day: number) => `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;

/** `iso` plus `days` calendar days. */
export function addDays(iso: string, days: number): string {
  const d = toUtc(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export const weekday = (iso: string): number => toUtc(iso).getUTCDay();

/** Easter Sunday in the Gregorian calendar (anonymous algorithm of Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return ymd(year, month, day);
}

/** Koningsdag (since 2014: 27 April) or Koninginnedag (before: 30 April); a day earlier when that is a Sunday. */
export function kingsDay(year: number): { date: string; name: string } {
  const name = year >= 2014 ? 'Koningsdag' : 'Koninginnedag';
  const date = ymd(year, 4, year >= 2014 ? 27 : 30);
  return { date: weekday(date) === 0 ? addDays(date, -1) : date, name };
}

/** Every Dutch public holiday of `year`, including the Sundays (Eerste Paasdag, Eerste Pinksterdag), in date order. */
export function dutchPublicHolidays(year: number): PublicHoliday[] {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) throw new RangeError(`Not a Gregorian calendar year: ${year}.`);
  const easter = easterSunday(year);
  const national = (date: string, name: string): PublicHoliday => ({ date, name, kind: 'national' });
  const king = kingsDay(year);
  const days: PublicHoliday[] = [
    national(ymd(year, 1, 1), 'Nieuwjaarsdag'),
    { date: addDays(easter, -2), name: 'Goede Vrijdag', kind: 'goede-vrijdag' },
    national(easter, 'Eerste Paasdag'),
    national(addDays(easter, 1), 'Tweede Paasdag'),
    national(king.date, king.name),
    { date: ymd(year, 5, 5), name: 'Bevrijdingsdag', kind: 'bevrijdingsdag' },
    national(addDays(easter, 39), 'Hemelvaartsdag'),
    national(addDays(easter, 49), 'Eerste Pinksterdag'),
    national(addDays(easter, 50), 'Tweede Pinksterdag'),
    national(ymd(year, 12, 25), 'Eerste Kerstdag'),
    national(ymd(year, 12, 26), 'Tweede Kerstdag'),
  ];
  return days.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

/** Whether the municipality's rules make `holiday` a day off. */
export function isDayOff(holiday: PublicHoliday, rules: HolidayRules): boolean {
  if (holiday.kind === 'national') return true;
  if (holiday.kind === 'goede-vrijdag') return rules.goodFridayOff;
  if (rules.liberationDayOff === 'every-year') return true;
  return rules.liberationDayOff === 'lustrum-only' && Number(holiday.date.slice(0, 4)) % 5 === 0;
}

/** The municipality's days off for any year, computed on first use of each year. */
export function holidayCalendar(rules: HolidayRules): HolidayCalendar {
  const byYear = new Map<number, { days: readonly PublicHoliday[]; dates: ReadonlySet<string> }>();
  const year = (y: number) => {
    let entry = byYear.get(y);
    if (!entry) {
      const days = Object.freeze(dutchPublicHolidays(y).filter((h) => isDayOff(h, rules)));
      entry = { days, dates: new Set(days.map((d) => d.date)) };
      byYear.set(y, entry);
    }
    return entry;
  };
  return {
    isHoliday: (iso) => year(Number(iso.slice(0, 4))).dates.has(iso),
    daysOff: (y) => year(y).days,
  };
}

/** Not a Saturday, Sunday or day off. */
export function isWorkingDay(iso: string, calendar: HolidayCalendar): boolean {
  const day = weekday(iso);
  return day !== 0 && day !== 6 && !calendar.isHoliday(iso);
}

/** The date itself when it is a working day, else the next working day. */
export function onOrNextWorkingDay(iso: string, calendar: HolidayCalendar): string {
  let d = iso;
  while (!isWorkingDay(d, calendar)) d = addDays(d, 1);
  return d;
}

/** The `n`th working day after `iso` (the start day itself is not counted). */
export function addWorkingDays(iso: string, n: number, calendar: HolidayCalendar): string {
  let d = iso;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (isWorkingDay(d, calendar)) left -= 1;
  }
  return d;
}
