import { csvValue, type DisplayTable } from './report-table';

/**
 * The dashboard as a CSV that Dutch Excel opens by double-click: UTF-8 with a byte order mark (or Excel
 * guesses Windows-1252 and breaks "ë"), a semicolon between fields (the comma is the decimal sign),
 * CRLF line ends. Each table is a block: its title, its header row, its rows, then an empty line.
 * A hand-written builder, not a library: the values are our own and quoting is the only rule needed.
 */

const BOM = '\uFEFF';

/** Quotes a field when it holds the separator, a quote or a line break; a leading =, +, -, @ is defused so Excel never runs it as a formula. */
export function csvField(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d+(,\d+)?$/.test(text) ? `'${text}` : text;
  return /[;"\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const line = (fields: string[]): string => fields.map(csvField).join(';');

export interface CsvHead {
  title: string;
  /** Lines of "label;value" above the tables: period, team, filters, date made. */
  facts: [label: string, value: string][];
}

export function reportCsv(head: CsvHead, tables: DisplayTable[], threshold: number): string {
  const lines: string[] = [line([head.title]), ...head.facts.map(([label, value]) => line([label, value])), ''];
  for (const table of tables) {
    lines.push(line([table.title]));
    lines.push(line(table.columns.map((c) => c.label)));
    for (const row of table.rows) lines.push(line(table.columns.map((c, i) => csvValue(c.kind, row[i] ?? null, threshold))));
    lines.push('');
  }
  return BOM + lines.join('\r\n');
}
