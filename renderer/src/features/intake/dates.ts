import { formatPlainDate } from '../../ui/dutch-date';

/** Calendar dates (`YYYY-MM-DD`) as a Dutch reader says them; UTC so no time zone shifts the day. */

const longDay = new Intl.DateTimeFormat('nl-NL', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });

/** "woensdag 30 december". */
export const formatDayName = (iso: string): string => longDay.format(new Date(`${iso}T00:00:00Z`));

/** "1 januari 2026": the app's one way to write a date in a sentence (ui/dutch-date.ts). */
export const formatDate = formatPlainDate;
