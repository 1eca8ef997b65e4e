import { Component, lazy, Suspense, type ReactNode } from 'react';
import type { ChartSpec } from './report-chart';
import { reportText } from './report-text';

/** recharts arrives in its own chunk the first time a chart is shown; the tables do not wait for it. */
const ReportChart = lazy(() => import('./report-chart'));

/** A chart that fails to load or draw leaves its table standing, with one plain line instead of the chart. */
class ChartBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? <p className="report-chart__fallback">{reportText.chartFailed}</p> : this.props.children;
  }
}

/** The chart is hidden from screen readers: the table beside it says the same. */
export function ChartSlot({ spec }: { spec: ChartSpec }) {
  return (
    <div className="report-chart" aria-hidden="true">
      <ChartBoundary>
        <Suspense fallback={<div className="report-chart__loading" />}>
          <ReportChart spec={spec} />
        </Suspense>
      </ChartBoundary>
    </div>
  );
}
