import { describe, expect, it } from 'vitest';
import { isoWeekSchema } from '../api/signal-events';
import { isoWeek } from './iso-week';

describe('isoWeek', () => {
  it.each([
    [2026, 11, 26, '2026-W48'],
    [2026, 1, 1, '2026-W01'],
    // 1 January 2027 is a Friday: it belongs to the last week of 2026.
    [2027, 1, 1, '2026-W53'],
    [2027, 1, 4, '2027-W01'],
    // 29 December 2025 is a Monday whose Thursday is in 2026.
    [2025, 12, 29, '2026-W01'],
    [2021, 1, 3, '2020-W53'],
    [2024, 12, 30, '2025-W01'],
    [2026, 3, 2, '2026-W10'],
  ])('%i-%i-%i is %s', (y, m, d, week) => {
    expect(isoWeek(y, m, d)).toBe(week);
    expect(isoWeekSchema.safeParse(week).success).toBe(true);
  });

  it('gives Monday to Sunday the same week', () => {
    const days = [23, 24, 25, 26, 27, 28, 29].map((d) => isoWeek(2026, 11, d));
    expect(new Set(days)).toEqual(new Set(['2026-W48']));
    expect(isoWeek(2026, 11, 30)).toBe('2026-W49');
  });
});
