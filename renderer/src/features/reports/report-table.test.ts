import { suppressedCell } from '../../../../shared/api/reports';
import { describe, expect, it } from 'vitest';
import { csvValue, formatCell } from './report-table';

describe('formatCell (screen and PDF)', () => {
  it('writes Dutch numbers', () => {
    expect(formatCell('count', 1234567, 5)).toBe('1.234.567');
    expect(formatCell('percent', 0.875, 5)).toBe('87,5%');
    expect(formatCell('percent', 1, 5)).toBe('100%');
    expect(formatCell('days', 3.25, 5)).toBe('3,3');
    expect(formatCell('date', '2026-03-01', 5)).toBe('01-03-2026');
  });

  it('shows a suppressed cell as "< 5" (the threshold) and a missing one as a dash', () => {
    expect(formatCell('count', suppressedCell, 5)).toBe('< 5');
    expect(formatCell('percent', suppressedCell, 7)).toBe('< 7');
    expect(formatCell('days', null, 5)).toBe('–');
  });
});

describe('csvValue (Excel)', () => {
  it('leaves out the thousands separator and keeps the decimal comma', () => {
    expect(csvValue('count', 1234567, 5)).toBe('1234567');
    expect(csvValue('percent', 0.8754, 5)).toBe('87,5');
    expect(csvValue('days', 12, 5)).toBe('12');
    expect(csvValue('count', suppressedCell, 5)).toBe('< 5');
    expect(csvValue('count', null, 5)).toBe('');
  });
});
