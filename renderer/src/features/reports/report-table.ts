import { suppressedText, type SuppressedCell } from '../../../../shared/api/reports';

/**
 * One model of every figure the team lead sees: the dashboard's tables, the CSV and the PDF are all
 * drawn from the same `DisplayTable`s, so the three always show the same numbers, suppressed or not.
 */

/** A cell the hub withheld (fewer than `threshold` behind it, or hidden so it cannot be worked back). */
export type Suppressed = SuppressedCell;

/** `null`: nothing to show (no handover reached this step yet), written as "–". */
export type CellValue = string | number | Suppressed | null;

/**
 * text: as it is; count: a whole number; percent: a share from 0 to 1; days: a lead time in days;
 * date: an ISO date (YYYY-MM-DD).
 */
export type ColumnKind = 'text' | 'count' | 'percent' | 'days' | 'date';

export interface ReportColumn {
  label: string;
  kind: ColumnKind;
}

export interface DisplayTable {
  /** Stable, for ids and tests. */
  id: string;
  title: string;
  /** One sentence under the title: what the figures mean (B1). */
  note?: string;
  columns: ReportColumn[];
  rows: CellValue[][];
  /** How many of the last rows are totals (shown in bold). */
  totalRows?: number;
}

export const isSuppressed = (value: CellValue): value is Suppressed => typeof value === 'object' && value !== null;

const count = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 1 });
const decimal = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;
const dutchDate = (iso: string): string => {
  const m = isoDate.exec(iso);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : iso;
};

/** A cell as the screen and the PDF show it: Dutch numbers ("1.234", "87,5%", "3,5"), dates dd-mm-jjjj. */
export function formatCell(kind: ColumnKind, value: CellValue, threshold: number): string {
  if (value === null) return '–';
  if (isSuppressed(value)) return suppressedText(threshold);
  if (typeof value === 'string') return kind === 'date' ? dutchDate(value) : value;
  switch (kind) {
    case 'count':
      return count.format(value);
    case 'percent':
      return percent.format(value);
    case 'days':
      return decimal.format(value);
    default:
      return String(value);
  }
}

/**
 * A cell as Dutch Excel reads it: no thousands separator (Excel would take "1.234" for a date or 1,234),
 * a decimal comma, percentages as a number of percent (the column's label says "%"), dates dd-mm-jjjj.
 */
export function csvValue(kind: ColumnKind, value: CellValue, threshold: number): string {
  if (value === null) return '';
  if (isSuppressed(value)) return suppressedText(threshold);
  if (typeof value === 'string') return kind === 'date' ? dutchDate(value) : value;
  const plain = (n: number, digits: number) => String(Math.round(n * 10 ** digits) / 10 ** digits).replace('.', ',');
  switch (kind) {
    case 'count':
      return String(Math.round(value));
    case 'percent':
      return plain(value * 100, 1);
    case 'days':
      return plain(value, 1);
    default:
      return plain(value, 2);
  }
}
