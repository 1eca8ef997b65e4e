/** Dates and times as a Dutch reader expects them, in the worker's own time zone. */

const dateTime = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const timeOnly = new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit' });

/** "vandaag om 14:05", "gisteren om 09:30" or "3 maart 2026 om 10:00". */
export function formatWhen(at: Date | number | string, now: Date | number = Date.now()): string {
  const date = new Date(at);
  const today = new Date(now);
  const dayDiff = Math.round((startOfDay(today) - startOfDay(date)) / 86_400_000);
  if (dayDiff === 0) return `vandaag om ${timeOnly.format(date)}`;
  if (dayDiff === 1) return `gisteren om ${timeOnly.format(date)}`;
  return dateTime.format(date);
}

function startOfDay(d: Date): number {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

/** Whole seconds left until `until`, never negative. */
export function secondsLeft(until: number, now: number): number {
  return Math.max(0, Math.ceil((until - now) / 1000));
}
