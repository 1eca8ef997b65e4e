import { parse } from 'csv-parse/sync';
import { suppressedCell } from '../../../../shared/api/reports';
import { describe, expect, it } from 'vitest';
import { csvField, reportCsv } from './report-csv';
import type { DisplayTable } from './report-table';

const table: DisplayTable = {
  id: 'signals',
  title: 'Signalen per soort',
  columns: [
    { label: 'Signaal', kind: 'text' },
    { label: 'Aantal', kind: 'count' },
    { label: 'Binnen termijn (%)', kind: 'percent' },
    { label: 'Mediaan (dagen)', kind: 'days' },
    { label: 'Datum', kind: 'date' },
  ],
  rows: [
    ['Huurachterstand', 1234, 0.875, 3.25, '2026-03-01'],
    ['Energie; gas en licht', suppressedCell, null, 12, '2026-12-31'],
    ['Zorgverzekering "premie"', 5, 1, 0, '2026-01-09'],
  ],
};

const head = { title: 'Rapportage Keukentafel', facts: [['Periode', '01-01-2026 t/m 31-03-2026']] as [string, string][] };

describe('reportCsv', () => {
  const csv = reportCsv(head, [table], 5);

  it('starts with the UTF-8 byte order mark and ends lines with CRLF, so Dutch Excel reads it as UTF-8', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('\r\n');
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('parses back with a semicolon parser to the same figures: decimal comma, no thousands dot, dd-mm-jjjj, "< 5"', () => {
    const rows: string[][] = parse(csv, { delimiter: ';', bom: true, relax_column_count: true, skip_empty_lines: true });
    expect(rows[0]).toEqual(['Rapportage Keukentafel']);
    expect(rows[1]).toEqual(['Periode', '01-01-2026 t/m 31-03-2026']);
    expect(rows[2]).toEqual(['Signalen per soort']);
    expect(rows[3]).toEqual(['Signaal', 'Aantal', 'Binnen termijn (%)', 'Mediaan (dagen)', 'Datum']);
    expect(rows[4]).toEqual(['Huurachterstand', '1234', '87,5', '3,3', '01-03-2026']);
    expect(rows[5]).toEqual(['Energie; gas en licht', '< 5', '', '12', '31-12-2026']);
    expect(rows[6]).toEqual(['Zorgverzekering "premie"', '5', '100', '0', '09-01-2026']);
  });

  it('uses the municipality threshold in the suppressed text', () => {
    expect(reportCsv(head, [table], 10)).toContain(';< 10;');
  });

  it('puts an empty line between tables', () => {
    const two = reportCsv(head, [table, { ...table, id: 'b', title: 'Tweede' }], 5);
    expect(two).toContain('09-01-2026\r\n\r\nTweede\r\n');
  });
});

describe('csvField', () => {
  it('quotes the separator, quotes and line breaks', () => {
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('zei "ja"')).toBe('"zei ""ja"""');
    expect(csvField('twee\nregels')).toBe('"twee\nregels"');
    expect(csvField('gewoon')).toBe('gewoon');
  });

  it('defuses text Excel would run as a formula, but leaves negative numbers alone', () => {
    expect(csvField('=SOM(A1)')).toBe("'=SOM(A1)");
    expect(csvField('@cmd')).toBe("'@cmd");
    expect(csvField('-3,5')).toBe('-3,5');
  });
});
