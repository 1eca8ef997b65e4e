import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { emptySignalsReportFixture } from '../../../../shared/api/reports.fixture';
import { dashboard } from './report-model';
import { reportData } from './testing/report-data';
import { DashboardView } from './reports-page';

const data = reportData;
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&lt;/g, '<').replace(/\s+/g, ' ');

describe('DashboardView', () => {
  const html = renderToStaticMarkup(<DashboardView board={dashboard(data, '2026-11-26')} />);

  it('has one h2 per section and an h3 per table, in order', () => {
    const headings = [...html.matchAll(/<h([23])[^>]*>([^<]+)<\/h\1>/g)].map((m) => `${m[1]}:${m[2]}`);
    expect(headings.filter((h) => h.startsWith('2:'))).toEqual(['2:Signalen', '2:Overdrachten', '2:Termijnen van de Wgs', '2:Te laat in het eigen team']);
    expect(headings).toContain('3:Per wijk');
    expect(headings).toContain('3:Per soort signaal, alleen gezinnen met minderjarige kinderen');
  });

  it('gives each table row and column headers, totals in bold rows, and hidden cells as "< 5"', () => {
    expect(html).toMatch(/<th scope="col"[^>]*>september 2026<\/th>/);
    expect(html).toMatch(/<tr class="report-table__total"><th scope="row">Totaal<\/th>/);
    expect(text(html)).toContain('Welten-Benzenrade < 5 < 5 < 5 49');
    expect(text(html)).toContain('Besluit 19 Eerste gesprek 38 52,6');
  });

  it('hides each chart from screen readers and puts a keyboard-reachable table region under it', () => {
    expect(html).toMatch(/<div class="report-chart" aria-hidden="true">/);
    expect(html).toMatch(/<div class="report-table-scroll" role="region" aria-labelledby="report-signals-trend" tabindex="0">/);
  });

  it('says plainly when there were no signals in the period', () => {
    const empty = renderToStaticMarkup(<DashboardView board={dashboard({ ...data, signals: emptySignalsReportFixture }, '2026-11-26')} />);
    expect(text(empty)).toContain('In deze periode zijn geen signalen geteld.');
    expect(empty).not.toContain('report-signals-trend');
  });
});
