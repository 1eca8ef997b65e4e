import type { CountCell, ValueCell } from '../api/reports';
import { minReportThreshold, suppressedCell } from '../api/reports';

/**
 * Small-cell suppression for the team-lead reports. Pure: counts in, cells out.
 *
 * Primary: a count from 1 to threshold − 1 is hidden. 0 stays visible (nobody to recognise).
 *
 * Secondary, so that no hidden count can be worked out from what is shown: every published sum is an
 * equation `total = member + member + …` (a row total, a column total, a domain as the sum of its signals).
 * For each equation we require
 *  1. never exactly one hidden cell (else it is the total minus the rest), and
 *  2. while its total is shown, its hidden members add up to 0 or to at least the threshold (else their sum,
 *     total minus the rest, is itself a small count, and two cells of 1 would be pinned down exactly).
 * Where an equation breaks a rule we hide the next-smallest shown count in it (members before the total,
 * non-zero before zero, lowest index on a tie) and check again, until every equation holds. We chose this
 * over rounding the totals: the shown figures stay exact, and only the few cells around a small one go.
 *
 * What it does not cover: answers to different filters (another period, crisis or not) can still be
 * subtracted from each other. The dashboard offers coarse filters only, and every answer is suppressed on its own.
 */

/** The threshold from the municipal setting: never below 5, whatever is configured. */
export function reportThreshold(setting: number | undefined): number {
  if (setting === undefined || !Number.isFinite(setting)) return minReportThreshold;
  return Math.max(minReportThreshold, Math.ceil(setting));
}

/** A published sum: the cell `total` equals the sum of the cells `members` (indexes into the counts). */
export interface Equation {
  total: number;
  members: readonly number[];
}

/** Which counts to hide, per index. */
export function suppress(values: readonly number[], equations: readonly Equation[], threshold: number): boolean[] {
  if (threshold < minReportThreshold) throw new Error(`threshold ${threshold} is below ${minReportThreshold}`);
  const hidden = values.map((v) => v >= 1 && v < threshold);
  const byCell = values.map((): number[] => []);
  equations.forEach((eq, i) => {
    for (const cell of [eq.total, ...eq.members]) {
      const list = byCell[cell];
      if (!list) throw new Error(`equation ${i} names cell ${cell}, which does not exist`);
      list.push(i);
    }
  });
  const value = (i: number): number => values[i] ?? 0;

  // The cell to hide next in a broken equation: the smallest shown non-zero member, else the total, else a zero member.
  const pick = (eq: Equation): number | undefined => {
    let best: number | undefined;
    for (const m of eq.members) if (!hidden[m] && value(m) > 0 && (best === undefined || value(m) < value(best))) best = m;
    if (best !== undefined) return best;
    if (!hidden[eq.total]) return eq.total;
    return eq.members.find((m) => !hidden[m]);
  };
  const broken = (eq: Equation): boolean => {
    const members = eq.members.filter((m) => hidden[m]);
    const count = members.length + (hidden[eq.total] ? 1 : 0);
    if (count === 1) return true;
    if (hidden[eq.total]) return false;
    const sum = members.reduce((acc, m) => acc + value(m), 0);
    return sum > 0 && sum < threshold;
  };

  // First in, first out, in the order the equations were given: rows before columns, as a reader scans a table.
  const queue = equations.map((_, i) => i);
  const queued = equations.map(() => true);
  for (let head = 0; head < queue.length; head++) {
    const next = queue[head] as number;
    queued[next] = false;
    const eq = equations[next];
    if (!eq) continue;
    while (broken(eq)) {
      const cell = pick(eq);
      if (cell === undefined) break; // everything in it is hidden already
      hidden[cell] = true;
      for (const other of byCell[cell] ?? []) {
        if (!queued[other] && other !== next) {
          queued[other] = true;
          queue.push(other);
        }
      }
    }
  }
  return hidden;
}

/**
 * Collects counts and the sums between them, then hides what must be hidden. `add` gives each count an id;
 * `equation` says a count is the sum of others; `table` adds a grid with its row totals and column totals.
 */
export class SuppressionSet {
  private readonly values: number[] = [];
  private readonly equations: Equation[] = [];

  add(value: number): number {
    if (!Number.isInteger(value) || value < 0) throw new Error(`a count must be a whole number ≥ 0, got ${value}`);
    this.values.push(value);
    return this.values.length - 1;
  }

  /** Adds a count that is the sum of `members`, or states it for an existing `total` id. */
  sum(members: readonly number[], total?: number): number {
    const id = total ?? this.add(members.reduce((acc, m) => acc + (this.values[m] ?? 0), 0));
    const expected = members.reduce((acc, m) => acc + (this.values[m] ?? 0), 0);
    if (this.values[id] !== expected) throw new Error(`cell ${id} holds ${this.values[id]}, not the sum ${expected} of its members`);
    this.equations.push({ total: id, members: [...members] });
    return id;
  }

  /**
   * A grid of rows × columns with its row totals, column totals and grand total. A table that splits the same
   * totals as another passes that one's `totals`, so both are suppressed together. Returns the ids.
   */
  table(rows: readonly (readonly number[])[], columns: number, totals?: { colTotals: readonly number[]; total: number }): TableIds {
    const cells = rows.map((row) => {
      if (row.length !== columns) throw new Error(`a row has ${row.length} cells, not ${columns}`);
      return row.map((v) => this.add(v));
    });
    const rowTotals = cells.map((row) => this.sum(row));
    const colTotals = Array.from({ length: columns }, (_, c) =>
      this.sum(
        cells.map((row) => row[c] as number),
        totals?.colTotals[c],
      ),
    );
    const total = this.sum(colTotals, totals?.total);
    // The grand total is also the sum of the row totals.
    this.sum(rowTotals, total);
    return { cells, rowTotals, colTotals, total };
  }

  /** The counts and sums as collected, for checking what a reader could work out. */
  problem(): { values: readonly number[]; equations: readonly Equation[] } {
    return { values: this.values, equations: this.equations };
  }

  /** Hides what must be hidden; the function turns an id into the cell to publish. */
  suppress(threshold: number): (id: number) => CountCell {
    const hidden = suppress(this.values, this.equations, threshold);
    return (id) => (hidden[id] ? suppressedCell : (this.values[id] ?? 0));
  }
}

export interface TableIds {
  cells: number[][];
  rowTotals: number[];
  colTotals: number[];
  total: number;
}

/** met / (met + late), hidden when either count is (it would give the hidden one back); null with nothing to divide. */
export function shareCell(met: number, late: number, metCell: CountCell, lateCell: CountCell): ValueCell {
  if (typeof metCell !== 'number' || typeof lateCell !== 'number') return suppressedCell;
  const all = met + late;
  return all === 0 ? null : Math.round((met / all) * 10_000) / 10_000;
}

/** A figure (a median, a percentile) over `n` handovers: hidden when fewer than the threshold, null when none. */
export function figureCell(n: number, figure: number | null, threshold: number): ValueCell {
  if (n === 0 || figure === null) return null;
  if (n < threshold) return suppressedCell;
  return Math.round(figure * 10) / 10;
}
