import { describe, expect, it } from 'vitest';
import { axisTicks, crosses, placeLabels, textWidth, type Box, type PlotPoint } from './trend-layout';

const fontSize = 13;
const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Periods as the hub names them. */
const months = (year: number, first: number, n: number) =>
  Array.from({ length: n }, (_, i) => {
    const m = first - 1 + i;
    const y = year + Math.floor(m / 12);
    return { key: `${y}-${String((m % 12) + 1).padStart(2, '0')}`, label: `maand ${(m % 12) + 1} ${y}` };
  });
const weeks = (year: number, first: number, n: number) =>
  Array.from({ length: n }, (_, i) => {
    const w = ((first - 1 + i) % 52) + 1;
    const y = year + Math.floor((first - 1 + i) / 52);
    return { key: `${y}-W${String(w).padStart(2, '0')}`, label: `week ${w} ${y}` };
  });

/** The boxes the axis names take when period i stands at i × slot. */
function nameBoxes(ticks: ReturnType<typeof axisTicks>, slot: number): Box[] {
  return ticks.map(({ index, lines }) => {
    const w = Math.max(...lines.map((l) => textWidth(l, fontSize)));
    return { left: index * slot - w / 2, right: index * slot + w / 2, top: 0, bottom: 1 };
  });
}

describe('the time axis of the trend chart', () => {
  it('names September to November in full, with the year once, when there is room', () => {
    expect(axisTicks(months(2026, 9, 3), 340, fontSize)).toEqual([
      { index: 0, lines: ['september', '2026'] },
      { index: 1, lines: ['oktober'] },
      { index: 2, lines: ['november'] },
    ]);
  });

  it('shortens month names to the calendar abbreviations before it leaves any month out', () => {
    const ticks = axisTicks(months(2026, 1, 12), 50, fontSize);
    expect(ticks.map((t) => t.lines[0])).toEqual(['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec']);
  });

  it('over three years by week on a narrow screen names a few weeks that do not touch, and every year under the first week named in it', () => {
    for (const slot of [3, 5, 9, 20]) {
      const ticks = axisTicks(weeks(2024, 1, 156), slot, fontSize);
      const boxes = nameBoxes(ticks, slot);
      boxes.forEach((b, i) => {
        const next = boxes[i + 1];
        if (next) expect(b.right + 4).toBeLessThanOrEqual(next.left);
      });
      expect(ticks.flatMap((t) => t.lines.slice(1))).toEqual(['2024', '2025', '2026']);
    }
  });

  it('writes the year under the first week named in a new year, also when week 1 itself is not named', () => {
    const ticks = axisTicks(weeks(2026, 44, 20), 40, fontSize);
    expect(ticks.map((t) => t.lines.join(' '))).toEqual(['week 44 2026', 'week 46', 'week 48', 'week 50', 'week 52', 'week 2 2027', 'week 4', 'week 6', 'week 8', 'week 10']);
  });
});

describe('the figures at the points of the trend chart', () => {
  // The dashboard's own figures from September to November (all signals 6, 5, 7; families 6, 0, 7) as drawn
  // at 880 px: both series meet at 6 in September and at 7 in November.
  const x = [100, 450, 800];
  const y = (v: number) => 276 - v * 28.25;
  const series = [
    [6, 5, 7],
    [6, 0, 7],
  ];
  const points: PlotPoint[] = series.flatMap((values, s) => values.map((v, i) => ({ series: s, index: i, x: x[i] ?? 0, y: y(v), text: String(v) })));
  const lines = series.flatMap((values) =>
    values.slice(1).map((v, i) => [
      { x: x[i] ?? 0, y: y(values[i] ?? 0) },
      { x: x[i + 1] ?? 0, y: y(v) },
    ]),
  ) as [{ x: number; y: number }, { x: number; y: number }][];
  const bounds = { left: 70, right: 856, top: 28, bottom: 276 };
  const placed = placeLabels(points, lines, bounds, { fontSize, markerRadius: 5 });

  it('writes every figure once, inside the chart', () => {
    expect(placed.map((l) => `${l.series}:${l.index}:${l.text}`).sort()).toEqual(points.map((p) => `${p.series}:${p.index}:${p.text}`).sort());
    for (const l of placed) expect(l.box.left >= bounds.left && l.box.right <= bounds.right && l.box.top >= bounds.top && l.box.bottom <= bounds.bottom).toBe(true);
  });

  it('puts no figure on another figure, on a marker or on a line', () => {
    for (const l of placed) {
      for (const other of placed) if (other !== l) expect(overlaps(l.box, other.box)).toBe(false);
      for (const p of points) expect(overlaps(l.box, { left: p.x - 5, right: p.x + 5, top: p.y - 5, bottom: p.y + 5 })).toBe(false);
      for (const [a, b] of lines) expect(crosses(a, b, l.box)).toBe(false);
    }
  });

  it('writes two equal figures one above and one below their markers', () => {
    const september = placed.filter((l) => l.index === 0).sort((a, b) => a.box.top - b.box.top);
    expect(september.map((l) => l.series)).toEqual([0, 1]);
    expect(september[0]?.box.bottom).toBeLessThan(y(6));
    expect(september[1]?.box.top).toBeGreaterThan(y(6));
  });
});
