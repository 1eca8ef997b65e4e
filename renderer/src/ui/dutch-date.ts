/**
 * Dates as a Dutch worker types and reads them: dd-mm-jjjj, whatever language the system speaks.
 * Stored values stay ISO (YYYY-MM-DD). Never use <input type="date">: it follows the system's
 * language, so an English laptop reads "03-12-2026" as 12 March.
 */

export type DateProblem = 'format' | 'no-such-date' | 'year';

export type ParsedDate = { kind: 'empty' } | { kind: 'ok'; iso: string } | { kind: 'invalid'; problem: DateProblem };

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

const dayMonthYear = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$/;
const digitsOnly = /^(\d{2})(\d{2})(\d{4})$/;
const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Day first, always: "03-12-2026", "3-12-2026", "03/12/2026", "3.12.2026" and "03122026" are 3 December 2026. */
export function parseDutchDate(text: string): ParsedDate {
  const s = text.trim();
  if (s === '') return { kind: 'empty' };
  const iso = isoDate.exec(s);
  const dmy = iso ? null : (dayMonthYear.exec(s) ?? digitsOnly.exec(s));
  if (!iso && !dmy) return { kind: 'invalid', problem: 'format' };
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]].map(Number) : [dmy?.[3], dmy?.[2], dmy?.[1]].map(Number);
  if (year === undefined || month === undefined || day === undefined) return { kind: 'invalid', problem: 'format' };
  if (year < MIN_YEAR || year > MAX_YEAR) return { kind: 'invalid', problem: 'year' };
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return { kind: 'invalid', problem: 'no-such-date' };
  return { kind: 'ok', iso: `${pad(year, 4)}-${pad(month)}-${pad(day)}` };
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC keeps daylight saving out of it.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * How the app writes a date, one rule for every screen: in running text, status lines and details "3 december
 * 2026" (formatPlainDate; B1: no numbers to decode); in a date field and a table column "03-12-2026"
 * (formatDutchDate), the form a worker types; with a time "3 december 2026 om 09:30" (formatDateTime).
 */
const plainDate = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const dayDate = new Intl.DateTimeFormat('nl-NL', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
// UTC on both sides: an ISO date is a calendar day, and no time zone may move it to the day before.
const utcMidnight = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** "2026-12-03" → "3 december 2026". */
export const formatPlainDate = (iso: string): string => plainDate.format(utcMidnight(iso));

/** "2026-12-03" → "donderdag 3 december 2026". */
export const formatDayDate = (iso: string): string => dayDate.format(utcMidnight(iso));

/** An ISO datetime → "3 december 2026 om 09:30", on this computer's clock (the time the plan form was typed in). */
export function formatDateTime(isoDateTime: string): string {
  const at = new Date(isoDateTime);
  return `${at.toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' })} om ${at.toLocaleTimeString('nl-NL', { hour: '2-digit', minute: '2-digit' })}`;
}

/** "2026-12-03" → "03-12-2026"; anything that is not an ISO date is returned as it is. */
export function formatDutchDate(iso: string): string {
  const m = isoDate.exec(iso);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : iso;
}

/** The ISO date as a local-midnight Date (what a calendar shows), or undefined. */
export function isoToLocalDate(iso: string): Date | undefined {
  const parsed = parseDutchDate(iso);
  if (parsed.kind !== 'ok' || !isoDate.test(iso)) return undefined;
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
}

