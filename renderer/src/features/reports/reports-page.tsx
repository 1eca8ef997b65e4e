import { useMemo, useState } from 'react';
import { crisisFilterSchema, granularitySchema, type SignalsQuery } from '../../../../shared/api/reports';
import type { OfficeSession } from '../../data/office-session';
import { errorText } from '../../i18n/errors';
import { Alert } from '../../ui/alert';
import { DateField } from '../../ui/date-field';
import { PageTitle } from '../../ui/page-title';
import { SelectField } from '../../ui/select-field';
import { isoDateOf } from '../../../../shared/domain/intake.schema';
import { ReportExports } from './report-exports';
import { dashboard, type Dashboard, type ReportSection } from './report-model';
import { ReportBlockView } from './report-table-view';
import { reportText as t } from './report-text';
import { defaultQuery, useReports, validQuery } from './use-reports';
import './reports.css';

/** The team lead's dashboard: signals, the handover funnel, the Wgs terms and the own team's overdue list. */
export function ReportsPage({ session, onExpired }: { session: OfficeSession; onExpired: () => void }) {
  const today = isoDateOf(new Date());
  const [query, setQuery] = useState<SignalsQuery>(() => defaultQuery(today));
  const reports = useReports(session, query, onExpired);
  const board = useMemo(() => (reports.data ? dashboard(reports.data, today) : null), [reports.data, today]);
  const set = (change: Partial<SignalsQuery>) => setQuery((q) => ({ ...q, ...change }));
  const unset = (key: 'teamId' | 'domainId', value: string) =>
    setQuery((q) => {
      const { [key]: _dropped, ...rest } = q;
      return value === '' ? rest : { ...rest, [key]: value };
    });
  const periodOk = validQuery(query);
  const filters = reports.filters;

  return (
    <>
      <PageTitle title={t.title}>{t.title}</PageTitle>
      <p className="lead">{t.lead}</p>
      <form className="report-filters" onSubmit={(e) => e.preventDefault()} aria-describedby="report-filters-hint">
        <fieldset>
          <legend>{t.filters.legend}</legend>
          <p id="report-filters-hint" className="field__hint">
            {t.filters.scope}
          </p>
          <div className="report-filters__row">
            <DateField label={t.filters.from} value={query.from} onChange={(from) => from && set({ from })} max={today} />
            <DateField label={t.filters.to} value={query.to} onChange={(to) => to && set({ to })} max={today} />
            <SelectField
              label={t.filters.granularity}
              value={query.granularity}
              options={granularitySchema.options.map((g) => ({ value: g, label: t.filters.granularities[g] }))}
              onChange={(e) => set({ granularity: granularitySchema.catch('month').parse(e.target.value) })}
            />
          </div>
          <div className="report-filters__row">
            <SelectField
              label={t.filters.team}
              value={query.teamId ?? ''}
              options={[{ value: '', label: t.filters.allTeams }, ...(filters?.teams.map((x) => ({ value: x.teamId, label: x.name })) ?? [])]}
              onChange={(e) => unset('teamId', e.target.value)}
            />
            <SelectField
              label={t.filters.domain}
              value={query.domainId ?? ''}
              options={[{ value: '', label: t.filters.allDomains }, ...(filters?.domains.map((x) => ({ value: x.id, label: x.name })) ?? [])]}
              onChange={(e) => unset('domainId', e.target.value)}
            />
            <SelectField
              label={t.filters.crisis}
              value={query.crisis}
              options={crisisFilterSchema.options.map((c) => ({ value: c, label: t.filters.crisisOptions[c] }))}
              onChange={(e) => set({ crisis: crisisFilterSchema.catch('all').parse(e.target.value) })}
            />
          </div>
        </fieldset>
      </form>
      {periodOk ? null : <Alert>{t.filters.badPeriod}</Alert>}
      <p role="status" className="report-status">
        {periodOk && reports.loading ? (reports.data ? t.loadingShort : t.loading) : ''}
      </p>
      {reports.error ? (
        <Alert>
          {t.failed} {errorText(reports.error)}{' '}
          <button type="button" className="link-button" onClick={reports.reload}>
            {t.retry}
          </button>
        </Alert>
      ) : null}
      {board === null && reports.loading && periodOk ? (
        <div className="report-skeleton" aria-hidden="true">
          <span className="report-skeleton__bar" />
          <span className="report-skeleton__bar" />
          <span className="report-skeleton__bar" />
        </div>
      ) : null}
      {board ? (
        <div className={reports.loading ? 'report report--stale' : 'report'} aria-busy={reports.loading}>
          <p className="muted">{t.smallCounts(board.threshold)}</p>
          <ReportExports board={board} today={today} disabled={reports.loading} />
          <DashboardView board={board} />
        </div>
      ) : null}
    </>
  );
}

/** The sections of the dashboard, each with its figures in words, tables and charts. */
export function DashboardView({ board }: { board: Dashboard }) {
  return board.sections.map((section) => <SectionView key={section.id} section={section} threshold={board.threshold} />);
}

function SectionView({ section, threshold }: { section: ReportSection; threshold: number }) {
  const id = `report-section-${section.id}`;
  return (
    <section className="report-section" aria-labelledby={id}>
      <h2 id={id}>{section.title}</h2>
      {section.intro.map((line) => (
        <p key={line}>{line}</p>
      ))}
      {section.empty ? <p className="empty">{section.empty}</p> : null}
      {section.blocks.map((block) => (
        <ReportBlockView key={block.table.id} block={block} threshold={threshold} />
      ))}
    </section>
  );
}
