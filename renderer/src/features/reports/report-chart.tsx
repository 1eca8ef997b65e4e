import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, usePlotArea, useXAxisScale, useYAxisScale, XAxis, YAxis } from 'recharts';
import { axisTicks, placeLabels, textWidth, type PlotPoint } from './trend-layout';

/**
 * The dashboard's charts, drawn as SVG by recharts. This module is only ever imported lazily (see
 * chart-slot.tsx), so recharts stays out of the app's first load. Greys, dash patterns and marker shapes
 * tell series apart (readable on a black-and-white print); bars carry their value as a direct label.
 * The chart is decoration for sighted readers: the table under it holds the same figures for everyone.
 */

export interface LineSpec {
  kind: 'line';
  /** The periods' full names (weeks or months), as the table under the chart has them. */
  x: string[];
  /** The periods' keys ('2026-09', '2026-W37'), from which the axis writes its shorter names. */
  keys: string[];
  series: { name: string; values: (number | null)[] }[];
  valueKind: 'count' | 'percent';
}

export interface BarSpec {
  kind: 'bar';
  /** `value` null: withheld (< 5) or none; `text` is the figure written beside the bar ("< 5" included). */
  bars: { label: string; value: number | null; text: string }[];
  /** 'percent': values are shares from 0 to 1. */
  valueKind?: 'count' | 'percent';
}

export type ChartSpec = LineSpec | BarSpec;

const ink = '#1f1f1f';
const strokes = ['#1f1f1f', '#5c5c5c', '#7d7d7d', '#3d3d3d'];
const dashes = ['0', '8 4', '2 3', '12 3 2 3'];
const symbols = ['circle', 'square', 'triangle', 'diamond'] as const;

const count = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 0 });

const fontSize = 13;
const markerRadius = 5;

/** Pixels between two neighbouring periods on the time axis (the whole plot for a single period). */
function useSlot(x: string[]): { slot: number; at: (label: string) => number | undefined } | null {
  const xScale = useXAxisScale();
  const plot = usePlotArea();
  if (!xScale || !plot) return null;
  const at = (label: string) => xScale(label);
  const first = at(x[0] ?? '');
  const last = at(x.at(-1) ?? '');
  const slot = x.length > 1 && first !== undefined && last !== undefined ? (last - first) / (x.length - 1) : plot.width;
  return { slot, at };
}

/**
 * The time axis's names, drawn by us instead of by recharts so that they never run into each other: short
 * month names or every n-th period when room is short, and the year once under the first period of each year.
 */
function TimeAxis({ spec }: { spec: LineSpec }) {
  const plot = usePlotArea();
  const room = useSlot(spec.x);
  if (!plot || !room) return null;
  const bottom = plot.y + plot.height;
  const ticks = axisTicks(
    spec.x.map((label, i) => ({ key: spec.keys[i] ?? label, label })),
    room.slot,
    fontSize,
  );
  return (
    <g className="report-chart__time-axis">
      {ticks.map(({ index, lines }) => {
        const x = room.at(spec.x[index] ?? '');
        if (x === undefined) return null;
        return (
          <g key={index}>
            <line x1={x} x2={x} y1={bottom} y2={bottom + 5} stroke="#6b6b6b" />
            <text x={x} y={bottom + 8} textAnchor="middle" fill={ink} fontSize={fontSize}>
              {lines.map((line, i) => (
                <tspan key={i} x={x} dy={i === 0 ? '0.9em' : '1.2em'}>
                  {line}
                </tspan>
              ))}
            </text>
          </g>
        );
      })}
    </g>
  );
}

/**
 * The figure at every point, each on the side of its marker where it covers no other figure, marker or line
 * (see placeLabels). When the periods stand too close for their figures, none are written: the table has them.
 */
function ValueLabels({ spec, format }: { spec: LineSpec; format: (v: unknown) => string }) {
  const plot = usePlotArea();
  const room = useSlot(spec.x);
  const yScale = useYAxisScale();
  if (!plot || !room || !yScale) return null;
  const points: PlotPoint[] = [];
  const lines: [{ x: number; y: number }, { x: number; y: number }][] = [];
  spec.series.forEach((s, series) => {
    let previous: { x: number; y: number } | null = null;
    spec.x.forEach((label, index) => {
      const value = s.values[index] ?? null;
      const x = room.at(label);
      const y = value === null ? undefined : yScale(value);
      if (value === null || x === undefined || y === undefined) {
        previous = null;
        return;
      }
      points.push({ series, index, x, y, text: format(value) });
      if (previous) lines.push([previous, { x, y }]);
      previous = { x, y };
    });
  });
  const widest = Math.max(0, ...points.map((p) => textWidth(p.text, fontSize)));
  if (room.slot < widest + 2 * markerRadius + 6) return null;
  const bounds = { left: plot.x + 2, right: plot.x + plot.width + 22, top: plot.y - 22, bottom: plot.y + plot.height - 1 };
  return (
    <g className="report-chart__values">
      {placeLabels(points, lines, bounds, { fontSize, markerRadius }).map((l) => (
        <text
          key={`${l.series}-${l.index}`}
          x={(l.box.left + l.box.right) / 2}
          y={(l.box.top + l.box.bottom) / 2}
          textAnchor="middle"
          dominantBaseline="central"
          fontSize={fontSize}
          fill={ink}
          stroke="#ffffff"
          strokeWidth={3}
          strokeLinejoin="round"
          paintOrder="stroke"
        >
          {l.text}
        </text>
      ))}
    </g>
  );
}

function TrendChart({ spec }: { spec: LineSpec }) {
  const format = (v: unknown) => (typeof v !== 'number' ? '' : spec.valueKind === 'percent' ? percent.format(v) : count.format(v));
  const data = spec.x.map((label, i) => {
    const point: Record<string, string | number | null> = { x: label };
    spec.series.forEach((s, j) => (point[`s${j}`] = s.values[i] ?? null));
    return point;
  });
  const tick = { fill: ink, fontSize };
  return (
    <LineChart data={data} responsive width="100%" height={310} accessibilityLayer={false} margin={{ top: 24, right: 24, bottom: 4, left: 4 }}>
      <CartesianGrid stroke="#d9d9d9" vertical={false} />
      {/* The names along the bottom are TimeAxis's; recharts draws only the line and keeps the room for them. */}
      <XAxis dataKey="x" tick={false} tickLine={false} height={40} stroke="#6b6b6b" padding={{ left: 36, right: 36 }} />
      <YAxis
        tick={tick}
        stroke="#6b6b6b"
        allowDecimals={false}
        width={56}
        domain={spec.valueKind === 'percent' ? [0, 1] : [0, 'auto']}
        tickFormatter={format}
      />
      <Legend wrapperStyle={{ color: ink, fontSize: 14 }} />
      {spec.series.map((s, j) => (
        <Line
          key={s.name}
          dataKey={`s${j}`}
          name={s.name}
          stroke={strokes[j % strokes.length]}
          strokeWidth={2.5}
          strokeDasharray={dashes[j % dashes.length]}
          dot={{ symbol: symbols[j % symbols.length], r: markerRadius, fill: strokes[j % strokes.length] }}
          legendType={symbols[j % symbols.length]}
          isAnimationActive={false}
          connectNulls={false}
        />
      ))}
      <TimeAxis spec={spec} />
      <ValueLabels spec={spec} format={format} />
    </LineChart>
  );
}

function BarsChart({ spec }: { spec: BarSpec }) {
  const data = spec.bars.map((b) => ({ label: b.label, value: b.value ?? 0, text: b.text }));
  const tick = { fill: ink, fontSize: 13 };
  const percentScale = spec.valueKind === 'percent';
  return (
    <BarChart
      data={data}
      layout="vertical"
      responsive
      width="100%"
      height={Math.max(120, 34 * data.length + 30)}
      accessibilityLayer={false}
      margin={{ top: 4, right: 8, bottom: 4, left: 4 }}
    >
      <CartesianGrid stroke="#d9d9d9" horizontal={false} />
      <XAxis
        type="number"
        tick={tick}
        stroke="#6b6b6b"
        allowDecimals={percentScale}
        domain={percentScale ? [0, 1] : [0, 'auto']}
        tickFormatter={(v: number) => (percentScale ? percent.format(v) : count.format(v))}
      />
      <YAxis yAxisId="label" type="category" dataKey="label" tick={tick} stroke="#6b6b6b" width={270} interval={0} />
      {/* The figure of every bar in a column at the right, also where there is no bar to label ("< 5", 0). */}
      <YAxis yAxisId="figure" orientation="right" type="category" dataKey="text" tick={{ ...tick, fontWeight: 700 }} stroke="#6b6b6b" width={56} interval={0} />
      <Bar yAxisId="label" dataKey="value" fill="#4d4d4d" barSize={20} isAnimationActive={false} />
    </BarChart>
  );
}

export default function ReportChart({ spec }: { spec: ChartSpec }) {
  return spec.kind === 'line' ? <TrendChart spec={spec} /> : <BarsChart spec={spec} />;
}
