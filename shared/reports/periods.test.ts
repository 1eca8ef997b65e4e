import { describe, expect, it } from 'vitest';
import { monthsOf, signalColumns, weeksOf } from './periods';

describe('report periods', () => {
  it('takes a week into the period, and into a month, by its Thursday', () => {
    // 1 January 2026 is a Thursday: week 1 of 2026 runs 29 December 2025 – 4 January 2026.
    expect(weeksOf('2025-12-29', '2026-01-10')).toEqual([
      { week: '2026-W01', thursday: '2026-01-01' },
      { week: '2026-W02', thursday: '2026-01-08' },
    ]);
    // 2026 has 53 ISO weeks; week 53 has its Thursday on 31 December 2026, so it is December's.
    const columns = signalColumns('2026-12-01', '2027-01-31', 'month');
    expect(columns.periods.map((p) => p.key)).toEqual(['2026-12', '2027-01']);
    expect(columns.weeks.at(4)).toBe('2026-W53');
    expect(columns.column.at(4)).toBe(0);
    expect(columns.weeks.at(5)).toBe('2027-W01');
    expect(columns.column.at(5)).toBe(1);
  });

  it('clips the first and last month to the period and names months in Dutch', () => {
    expect(monthsOf('2026-02-15', '2026-03-10')).toEqual([
      { key: '2026-02', label: 'februari 2026', from: '2026-02-15', to: '2026-02-28' },
      { key: '2026-03', label: 'maart 2026', from: '2026-03-01', to: '2026-03-10' },
    ]);
  });

  it('gives week columns Monday to Sunday', () => {
    const { periods } = signalColumns('2026-11-23', '2026-11-29', 'week');
    expect(periods).toEqual([{ key: '2026-W48', label: 'week 48 2026', from: '2026-11-23', to: '2026-11-29' }]);
  });
});
