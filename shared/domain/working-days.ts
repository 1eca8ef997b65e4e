import type { HolidaysFile, Settings } from './resources.schema';

/** Calendar arithmetic on `YYYY-MM-DD` dates, in UTC so time zones never shift a day. */

/** The public holidays that count as days off, and the years the list covers. */
export interface HolidayCalendar {
  dates: ReadonlySet<string>;
  firstYear: number;
  lastYear: number;
}

/** The days off from the holiday file, with Bevrijdingsdag as the municipality set it. */
export function holidayCalendar(file: HolidaysFile, liberationDayOff: Settings['liberationDayOff']): HolidayCalendar {
  const dates = file.days
    .filter((d) => {
      if (d.kind === 'national') return true;
      if (liberationDayOff === 'every-year') return true;
      return liberationDayOff === 'lustrum-only' && Number(d.date.slice(0, 4)) % 5 === 0;
    })
    .map((d) => d.date);
  return { dates: new Set(dates), firstYear: file.firstYear, lastYear: file.lastYear };
}

const toUtc = (iso: string): Date => {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y ?? NaN, (m ?? NaN) - 1, d ?? NaN));
};
const fromUtc = (date: Date): string => date.toISOString().slice(0, 10);

/** `iso` plus `days` calendar days. */
export function addDays(iso: string, days: number): string {
  const d = toUtc(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export const weekday = (iso: string): number => toUtc(iso).getUTCDay();

function assertCovered(iso: string, calendar: HolidayCalendar): void {
  const year = Number(iso.slice(0, 4));
  if (year < calendar.firstYear || year > calendar.lastYear) {
    throw new RangeError(`No public holidays known for ${year}; extend resources/holidays.json.`);
  }
}

/** Not a Saturday, Sunday or public holiday. Throws when the year is outside the holiday list. */
export function isWorkingDay(iso: string, calendar: HolidayCalendar): boolean {
  assertCovered(iso, calendar);
  const day = weekday(iso);
  return day !== 0 && day !== 6 && !calendar.dates.has(iso);
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
