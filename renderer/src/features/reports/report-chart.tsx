import { Bar, BarChart, CartesianGrid, LabelList, Legend, Line, LineChart, XAxis, YAxis } from 'recharts';

/**
 * The dashboard's charts, drawn as SVG by recharts. This module is only ever imported lazily (see
 * chart-slot.tsx), so recharts stays out of the app's first load. Greys, dash patterns and marker shapes
 * tell series apart (readable on a black-and-white print); bars carry their value as a direct label.
 * The chart is decoration for sighted readers: the table under it holds the same figures for everyone.
 */

export interface LineSpec {
  kind: 'line';
  /** The labels along the bottom: weeks or months. */
  x: string[];
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

/** More points than this and the labels would crowd: the table has the figures. */
const maxLabelledPoints = 14;

function TrendChart({ spec }: { spec: LineSpec }) {
  const format = (v: unknown) => (typeof v !== 'number' ? '' : spec.valueKind === 'percent' ? percent.format(v) : count.format(v));
  const data = spec.x.map((label, i) => {
    const point: Record<string, string | number | null> = { x: label };
    spec.series.forEach((s, j) => (point[`s${j}`] = s.values[i] ?? null));
    return point;
  });
  const tick = { fill: ink, fontSize: 13 };
  return (
    <LineChart data={data} responsive width="100%" height={300} accessibilityLayer={false} margin={{ top: 24, right: 24, bottom: 4, left: 4 }}>
      <CartesianGrid stroke="#d9d9d9" vertical={false} />
      <XAxis dataKey="x" tick={tick} stroke="#6b6b6b" interval="preserveStartEnd" padding={{ left: 36, right: 36 }} />
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
          dot={{ symbol: symbols[j % symbols.length], r: 5, fill: strokes[j % strokes.length] }}
          legendType={symbols[j % symbols.length]}
          isAnimationActive={false}
          connectNulls={false}
        >
          {/* Direct labels: the first series above its points, the second to their right, so equal values do not overlap. */}
          {spec.x.length <= maxLabelledPoints ? (
            <LabelList dataKey={`s${j}`} position={j % 2 === 0 ? 'top' : 'right'} offset={10} fill={ink} fontSize={13} formatter={format} />
          ) : null}
        </Line>
      ))}
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
