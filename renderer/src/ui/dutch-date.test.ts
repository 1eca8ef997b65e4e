import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDateOf } from '../../../shared/domain/intake.schema';
import { formatDateTime, formatDayDate, formatDutchDate, formatPlainDate, isoToLocalDate, parseDutchDate } from './dutch-date';

describe('parseDutchDate', () => {
  it('reads the day first, however the worker writes it', () => {
    for (const typed of ['03-12-2026', '3-12-2026', '03/12/2026', '3.12.2026', '03 12 2026', '03122026', ' 03-12-2026 ', '2026-12-03']) {
      expect(parseDutchDate(typed), typed).toEqual({ kind: 'ok', iso: '2026-12-03' });
    }
  });

  it('says which part is wrong', () => {
    expect(parseDutchDate('')).toEqual({ kind: 'empty' });
    expect(parseDutchDate('   ')).toEqual({ kind: 'empty' });
    for (const typed of ['0312202', '03-12-26', '12/03', 'morgen', '03-12-2026x', '2026-12-3']) {
      expect(parseDutchDate(typed), typed).toEqual({ kind: 'invalid', problem: 'format' });
    }
    for (const typed of ['31-02-2026', '29-02-2026', '00-12-2026', '03-13-2026', '31-04-2026']) {
      expect(parseDutchDate(typed), typed).toEqual({ kind: 'invalid', problem: 'no-such-date' });
    }
    expect(parseDutchDate('29-02-2028')).toEqual({ kind: 'ok', iso: '2028-02-29' });
    expect(parseDutchDate('03-12-0202')).toEqual({ kind: 'invalid', problem: 'year' });
    expect(parseDutchDate('03-12-2202')).toEqual({ kind: 'invalid', problem: 'year' });
  });

  it('reads back every date it shows, as the same day', () => {
    const day = fc.date({ min: new Date(1900, 0, 1), max: new Date(2100, 11, 31), noInvalidDate: true });
    fc.assert(
      fc.property(day, (d) => {
        const iso = isoDateOf(d);
        expect(parseDutchDate(formatDutchDate(iso))).toEqual({ kind: 'ok', iso });
        expect(isoDateOf(isoToLocalDate(iso) ?? new Date(NaN))).toBe(iso);
      }),
    );
  });
});

describe('formatDutchDate', () => {
  it('shows an ISO date as dd-mm-jjjj and leaves anything else alone', () => {
    expect(formatDutchDate('2026-12-03')).toBe('03-12-2026');
    expect(formatDutchDate('')).toBe('');
    expect(formatDutchDate('03-12-2026')).toBe('03-12-2026');
  });
});

describe('dates in sentences', () => {
  it('writes the month as a word, on the calendar day given, whatever the time zone', () => {
    expect(formatPlainDate('2026-11-26')).toBe('26 november 2026');
    expect(formatPlainDate('2027-01-01')).toBe('1 januari 2027');
    expect(formatDayDate('2026-12-18')).toBe('vrijdag 18 december 2026');
  });

  it('puts the time after “om”, on this computer’s clock', () => {
    const at = new Date(2026, 11, 3, 9, 30);
    expect(formatDateTime(at.toISOString())).toBe('3 december 2026 om 09:30');
  });
});
