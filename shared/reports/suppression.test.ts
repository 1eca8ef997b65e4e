import { describe, expect, it } from 'vitest';
import type { Equation } from './suppression';
import { figureCell, reportThreshold, shareCell, suppress, SuppressionSet } from './suppression';

/**
 * What a reader can learn: every assignment of whole numbers 0…max to the hidden cells that fits every published
 * sum. A hidden cell is safe when more than one value fits it.
 */
function possibleValues(values: readonly number[], hidden: readonly boolean[], equations: readonly Equation[], max = 40): Map<number, Set<number>> {
  const unknown = values.map((_, i) => i).filter((i) => hidden[i]);
  const found = new Map(unknown.map((i) => [i, new Set<number>()]));
  const guess = [...values];
  const fits = () => equations.every((eq) => guess[eq.total] === eq.members.reduce((acc, m) => acc + (guess[m] ?? 0), 0));
  const walk = (k: number): void => {
    if (k === unknown.length) {
      if (fits()) unknown.forEach((i) => found.get(i)?.add(guess[i] ?? -1));
      return;
    }
    for (let v = 0; v <= max; v++) {
      guess[unknown[k] as number] = v;
      walk(k + 1);
    }
  };
  walk(0);
  return found;
}

/** Row totals, column totals and the grand total of a grid, as equations over a flat list of counts. */
function grid(rows: number[][]): { values: number[]; equations: Equation[] } {
  const set = new SuppressionSet();
  set.table(rows, rows[0]?.length ?? 0);
  const { values, equations } = set.problem();
  return { values: [...values], equations: [...equations] };
}

const cellsOf = (hidden: boolean[]) => hidden.flatMap((h, i) => (h ? [i] : []));

describe('reportThreshold', () => {
  it('never goes below 5, whatever the municipality sets', () => {
    expect(reportThreshold(undefined)).toBe(5);
    expect(reportThreshold(3)).toBe(5);
    expect(reportThreshold(0)).toBe(5);
    expect(reportThreshold(-10)).toBe(5);
    expect(reportThreshold(Number.NaN)).toBe(5);
    expect(reportThreshold(5)).toBe(5);
    expect(reportThreshold(10)).toBe(10);
  });

  it('refuses to suppress with a threshold under 5', () => {
    expect(() => suppress([1], [], 4)).toThrow(/below 5/);
  });
});

describe('primary suppression', () => {
  it('hides 1 to 4 and shows 0 and 5 (the boundary)', () => {
    expect(suppress([0, 1, 4, 5, 6], [], 5)).toEqual([false, true, true, false, false]);
  });

  it('follows a higher municipal threshold', () => {
    expect(suppress([4, 5, 9, 10], [], 10)).toEqual([true, true, true, false]);
  });
});

describe('secondary suppression', () => {
  // Row A: 3 12 20 | 35;  row B: 8 9 15 | 32;  row C: 10 11 30 | 51;  columns 21 32 65 | 118.
  const rows = [
    [3, 12, 20],
    [8, 9, 15],
    [10, 11, 30],
  ];

  it('would leak with primary suppression alone: 35 − 12 − 20 gives the hidden 3 back', () => {
    const { values, equations } = grid(rows);
    const naive = values.map((v) => v >= 1 && v < 5);
    expect(cellsOf(naive)).toEqual([0]);
    expect([...(possibleValues(values, naive, equations).get(0) ?? [])]).toEqual([3]);
  });

  it('hides the next-smallest count in the row and column (computed by hand: 3, 12, 8, 9), and then nothing hidden can be recovered', () => {
    const { values, equations } = grid(rows);
    const hidden = suppress(values, equations, 5);
    // Ids: the 9 inner cells row by row (0–8), then row totals (9–11), column totals (12–14), grand total (15).
    expect(cellsOf(hidden)).toEqual([0, 1, 3, 4]);
    const possible = possibleValues(values, hidden, equations);
    for (const [cell, options] of possible) expect(options.size, `cell ${cell}`).toBeGreaterThan(1);
    // By hand: A1 = x, A2 = 15 − x, B1 = 11 − x, B2 = 6 + x; all ≥ 0, so the hidden 3 could be anything from 0 to 11.
    expect([...(possible.get(0) ?? [])].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('hides more when the hidden counts of a shown total add up to less than 5: two 1s would be exact', () => {
    const set = new SuppressionSet();
    const a = set.add(1);
    const b = set.add(1);
    const c = set.add(20);
    const total = set.sum([a, b, c]);
    const cell = set.suppress(5);
    expect([a, b, c, total].map(cell)).toEqual([{ suppressed: true }, { suppressed: true }, { suppressed: true }, 22]);
  });

  it('keeps a domain and its signals consistent: the domain minus a shown signal must not give a hidden one', () => {
    // Wonen = huurachterstand + dreigende huisuitzetting, in one month: 14 = 11 + 3; Geld = energieachterstand 13.
    const set = new SuppressionSet();
    const signals = set.table([[11], [3], [13]], 1);
    const domains = set.table([[14], [13]], 1, { colTotals: signals.colTotals, total: signals.total });
    set.sum([signals.cells[0]?.[0] as number, signals.cells[1]?.[0] as number], domains.cells[0]?.[0]);
    const cell = set.suppress(5);
    expect(cell(signals.cells[1]?.[0] as number)).toEqual({ suppressed: true });
    expect(cell(signals.cells[0]?.[0] as number)).toEqual({ suppressed: true });
    // The domain and total stay visible: they reveal only 11 + 3 together.
    expect(cell(domains.cells[0]?.[0] as number)).toBe(14);
    expect(cell(signals.total)).toBe(27);
  });

  it('hides the total when every other count in the sum is 0', () => {
    const hidden = suppress([3, 0, 0, 3], [{ total: 3, members: [0, 1, 2] }], 5);
    expect(hidden).toEqual([true, false, false, true]);
  });

  it('refuses a sum that does not add up, so a wrong table cannot be published', () => {
    const set = new SuppressionSet();
    const a = set.add(2);
    const t = set.add(9);
    expect(() => set.sum([a], t)).toThrow(/not the sum/);
  });
});

describe('derived figures', () => {
  it('hides a share when met or late is hidden, and has none for nothing', () => {
    expect(shareCell(13, 5, 13, 5)).toBe(0.7222);
    expect(shareCell(13, 3, 13, { suppressed: true })).toEqual({ suppressed: true });
    expect(shareCell(0, 0, 0, 0)).toBeNull();
  });

  it('hides a median over fewer than the threshold', () => {
    expect(figureCell(4, 2.25, 5)).toEqual({ suppressed: true });
    expect(figureCell(5, 2.25, 5)).toBe(2.3);
    expect(figureCell(0, null, 5)).toBeNull();
  });
});
