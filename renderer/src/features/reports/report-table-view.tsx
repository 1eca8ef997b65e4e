import { ChartSlot } from './chart-slot';
import type { ReportBlock } from './report-model';
import { formatCell } from './report-table';

/**
 * One block of the dashboard: its title, the chart (for sighted readers) and the table with the same
 * figures (for everyone, screen readers included). A wide table scrolls on its own, reachable by keyboard.
 */
export function ReportBlockView({ block, threshold }: { block: ReportBlock; threshold: number }) {
  const { table, chart } = block;
  const titleId = `report-${table.id}`;
  return (
    // A plain div, not a second landmark: the table's scrolling region below already carries the title as its name.
    <div className="report-block" data-table={table.id}>
      <h3 id={titleId}>{table.title}</h3>
      {table.note ? <p className="muted">{table.note}</p> : null}
      {chart ? <ChartSlot spec={chart} /> : null}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard (WCAG 2.1.1) */}
      <div className="report-table-scroll" role="region" aria-labelledby={titleId} tabIndex={0}>
        <table className="report-table">
          <caption className="visually-hidden">{table.title}</caption>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c.label} scope="col" className={c.kind === 'text' ? undefined : 'report-table__number'}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, r) => (
              // Rows have no id of their own; their place in the table is stable for one answer.
              <tr key={r} className={r >= table.rows.length - (table.totalRows ?? 0) ? 'report-table__total' : undefined}>
                {table.columns.map((c, i) => {
                  const text = formatCell(c.kind, row[i] ?? null, threshold);
                  const cls = c.kind === 'text' ? undefined : 'report-table__number';
                  return i === 0 ? (
                    <th key={c.label} scope="row" className={cls}>
                      {text}
                    </th>
                  ) : (
                    <td key={c.label} className={cls}>
                      {text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
