/**
 * Where the trend chart's words go, worked out in pixels so nothing is drawn on top of anything else: which
 * periods the time axis names (and in how many letters), and on which side of its marker each figure sits.
 * Pure functions, so the chart (report-chart.tsx) only draws what these decide.
 */

/** About how wide a text is: the dashboard's sans-serif runs close to 0.6 em a letter, digits a little wider. */
export function textWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.64;
}

const monthNames = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
/** The abbreviations on Dutch calendars. */
const monthShort = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

/** A period key as the hub sends it: '2026-09' (month) or '2026-W37' (ISO week). */
type PeriodKey = { kind: 'month'; year: string; month: number } | { kind: 'week'; year: string; week: number } | { kind: 'other'; label: string };

function parseKey(key: string, label: string): PeriodKey {
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (month) return { kind: 'month', year: month[1] ?? '', month: Number(month[2]) - 1 };
  const week = /^(\d{4})-W(\d{2})$/.exec(key);
  if (week) return { kind: 'week', year: week[1] ?? '', week: Number(week[2]) };
  return { kind: 'other', label };
}

export interface AxisTick {
  /** The period's place along the axis. */
  index: number;
  /** One or two lines: the month or week, and under it the year where a new year starts. */
  lines: string[];
}

/** Month steps that divide a year, so named months fall on quarters or half years; week steps roughly a month, a quarter, half a year. */
const monthSteps = [1, 2, 3, 6, 12];
const weekSteps = [1, 2, 4, 8, 13, 26, 52];

/**
 * The periods the time axis names, given the room between two neighbouring periods (`slot`, px). Every name
 * gets its width plus a gap; if full month names do not fit, the calendar's abbreviations do; if those do not
 * fit either, only every 2nd, 3rd, 6th … period is named. The year stands under the first named period and
 * under each one that starts a new year, so "jan" is never without its year.
 */
export function axisTicks(periods: { key: string; label: string }[], slot: number, fontSize: number): AxisTick[] {
  const keys = periods.map((p) => parseKey(p.key, p.label));
  const gap = fontSize;
  const fits = (names: string[], step: number) => names.every((n) => textWidth(n, fontSize) + gap <= slot * step) && textWidth('2026', fontSize) + gap <= slot * step;
  const name = (k: PeriodKey, short: boolean): string =>
    k.kind === 'month' ? ((short ? monthShort : monthNames)[k.month] ?? '') : k.kind === 'week' ? `week ${k.week}` : k.label;
  const allDated = keys.every((k) => k.kind !== 'other');
  if (!allDated) {
    // Not a month or week: the hub's own labels, thinned by the same rule.
    const names = keys.map((k) => name(k, false));
    const step = [1, 2, 3, 4, 5, 10, 20, 50].find((s) => fits(names, s)) ?? Math.max(1, periods.length);
    return names.flatMap((n, index) => (index % step === 0 ? [{ index, lines: [n] }] : []));
  }
  const byWeek = keys.some((k) => k.kind === 'week');
  const full = keys.map((k) => name(k, false));
  const short = keys.map((k) => name(k, true));
  let choice: { names: string[]; step: number };
  if (fits(full, 1)) choice = { names: full, step: 1 };
  else {
    const steps = byWeek ? weekSteps : monthSteps;
    const step = steps.find((s) => fits(short, s)) ?? steps.at(-1) ?? 1;
    choice = { names: short, step };
  }
  const { names, step } = choice;
  // Months on the calendar's own quarters and halves; weeks counted from the first one shown.
  const shown = (k: PeriodKey, index: number) => (step === 1 ? true : k.kind === 'month' ? k.month % step === 0 : index % step === 0);
  const ticks: AxisTick[] = [];
  let lastYear = '';
  keys.forEach((k, index) => {
    if (!shown(k, index) || !('year' in k)) return;
    const lines = [names[index] ?? ''];
    if (k.year !== lastYear) lines.push(k.year);
    lastYear = k.year;
    ticks.push({ index, lines });
  });
  return ticks;
}

export interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface PlotPoint {
  series: number;
  index: number;
  x: number;
  y: number;
  text: string;
}

export interface PlacedLabel {
  series: number;
  index: number;
  text: string;
  /** The label's box; its text is centred in it. */
  box: Box;
}

type Side = 'above' | 'below' | 'right' | 'left';

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const inside = (a: Box, bounds: Box) => a.left >= bounds.left && a.right <= bounds.right && a.top >= bounds.top && a.bottom <= bounds.bottom;

/** Whether the segment from p to q crosses the box (Liang–Barsky clipping). */
export function crosses(p: { x: number; y: number }, q: { x: number; y: number }, b: Box): boolean {
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, p.x - b.left],
    [dx, b.right - p.x],
    [-dy, p.y - b.top],
    [dy, b.bottom - p.y],
  ];
  for (const [pp, qq] of edges) {
    if (pp === 0) {
      if (qq < 0) return false;
    } else {
      const t = qq / pp;
      if (pp < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 > t1) return false;
    }
  }
  return true;
}

/**
 * A side of its marker for every figure, chosen so that figures never cover each other, a marker, or run off
 * the plot, and cross as few lines as possible. At each period the highest point's figure prefers to sit above
 * it and the others below theirs, so two equal values get one figure above and one below instead of a pile.
 */
export function placeLabels(
  points: PlotPoint[],
  lines: [{ x: number; y: number }, { x: number; y: number }][],
  bounds: Box,
  { fontSize, markerRadius }: { fontSize: number; markerRadius: number },
): PlacedLabel[] {
  const height = fontSize;
  const gap = markerRadius + 3;
  const markers: Box[] = points.map((p) => ({ left: p.x - markerRadius, right: p.x + markerRadius, top: p.y - markerRadius, bottom: p.y + markerRadius }));
  const boxAt = (p: PlotPoint, side: Side): Box => {
    const w = textWidth(p.text, fontSize) + 2;
    switch (side) {
      case 'above':
        return { left: p.x - w / 2, right: p.x + w / 2, top: p.y - gap - height, bottom: p.y - gap };
      case 'below':
        return { left: p.x - w / 2, right: p.x + w / 2, top: p.y + gap, bottom: p.y + gap + height };
      case 'right':
        return { left: p.x + gap, right: p.x + gap + w, top: p.y - height / 2, bottom: p.y + height / 2 };
      case 'left':
        return { left: p.x - gap - w, right: p.x - gap, top: p.y - height / 2, bottom: p.y + height / 2 };
    }
  };
  const placed: PlacedLabel[] = [];
  const byIndex = new Map<number, PlotPoint[]>();
  for (const p of points) byIndex.set(p.index, [...(byIndex.get(p.index) ?? []), p]);
  for (const index of [...byIndex.keys()].sort((a, b) => a - b)) {
    const here = [...(byIndex.get(index) ?? [])].sort((a, b) => a.y - b.y || a.series - b.series);
    here.forEach((p, rank) => {
      const sides: Side[] = rank === 0 ? ['above', 'below', 'right', 'left'] : ['below', 'above', 'right', 'left'];
      const cost = (box: Box, preference: number) =>
        preference +
        (inside(box, bounds) ? 0 : 1e6) +
        (placed.some((l) => overlaps(l.box, box)) ? 1e4 : 0) +
        (markers.some((m) => overlaps(m, box)) ? 1e3 : 0) +
        100 * lines.filter(([a, b]) => crosses(a, b, box)).length;
      const [best] = sides.map((side, preference) => ({ box: boxAt(p, side), preference })).sort((a, b) => cost(a.box, a.preference) - cost(b.box, b.preference));
      if (best) placed.push({ series: p.series, index: p.index, text: p.text, box: best.box });
    });
  }
  return placed;
}
