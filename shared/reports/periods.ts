import type { Granularity, ReportPeriod } from '../api/reports';
import { isoWeek } from '../domain/iso-week';
import { addDays } from '../domain/working-days';

/**
 * The columns of a report. Signal events carry only their ISO week: a week belongs to the period, and to a
 * month, by its Thursday (the day that also decides its ISO year), so every week is counted exactly once.
 */

const monthNames = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

const weekdayOf = (date: string): number => {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
};
const ymd = (date: string): [number, number, number] => date.split('-').map(Number) as [number, number, number];
const lastDayOfMonth = (year: number, month: number): string => new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);

/** The weeks whose Thursday falls from `from` to `to`, with that Thursday. */
export function weeksOf(from: string, to: string): { week: string; thursday: string }[] {
  // The first Thursday on or after `from`.
  let thursday = addDays(from, (4 - weekdayOf(from) + 7) % 7);
  const weeks: { week: string; thursday: string }[] = [];
  while (thursday <= to) {
    weeks.push({ week: isoWeek(...ymd(thursday)), thursday });
    thursday = addDays(thursday, 7);
  }
  return weeks;
}

/** The months from the month of `from` to the month of `to`, each clipped to the period. */
export function monthsOf(from: string, to: string): ReportPeriod[] {
  const months: ReportPeriod[] = [];
  let [year, month] = ymd(from);
  const [lastYear, lastMonth] = ymd(to);
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    const first = `${key}-01`;
    const last = lastDayOfMonth(year, month);
    months.push({ key, label: `${monthNames[month - 1]} ${year}`, from: first < from ? from : first, to: last > to ? to : last });
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/**
 * The columns of a signals report, and per ISO week in the period the index of its column. A week column runs
 * Monday to Sunday; a month column holds the weeks whose Thursday is in it.
 */
export function signalColumns(from: string, to: string, granularity: Granularity): { periods: ReportPeriod[]; weeks: string[]; column: number[] } {
  const weeks = weeksOf(from, to);
  if (granularity === 'week') {
    const periods = weeks.map(({ week, thursday }) => ({
      key: week,
      label: `week ${Number(week.slice(6))} ${week.slice(0, 4)}`,
      from: addDays(thursday, -3),
      to: addDays(thursday, 3),
    }));
    return { periods, weeks: weeks.map((w) => w.week), column: weeks.map((_, i) => i) };
  }
  const periods = monthsOf(from, to);
  const index = new Map(periods.map((p, i) => [p.key, i]));
  return { periods, weeks: weeks.map((w) => w.week), column: weeks.map((w) => index.get(w.thursday.slice(0, 7)) ?? 0) };
}
