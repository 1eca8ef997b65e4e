import { useState } from 'react';
import { saveFile } from '../../ui/save-file';
import { reportCsv } from './report-csv';
import type { Dashboard } from './report-model';
import { reportPdf } from './report-pdf';
import { reportText as t } from './report-text';

type State = 'idle' | 'busy' | 'done' | 'failed';

/** The dashboard as it stands, saved as a CSV for Excel or a PDF for the council; the same figures as on screen. */
export function ReportExports({ board, today, disabled }: { board: Dashboard; today: string; disabled: boolean }) {
  const [state, setState] = useState<State>('idle');
  const tables = board.sections.flatMap((s) => s.blocks.map((b) => b.table));

  const saveCsv = () => {
    const csv = reportCsv({ title: t.pdf.title, facts: board.facts }, tables, board.threshold);
    saveFile(new TextEncoder().encode(csv), t.export.csvName(today), 'text/csv;charset=utf-8');
    setState('done');
  };

  const savePdf = async () => {
    setState('busy');
    try {
      saveFile(await reportPdf(board, today), t.export.pdfName(today), 'application/pdf');
      setState('done');
    } catch {
      setState('failed');
    }
  };

  const message = { idle: '', busy: t.export.busy, done: t.export.done, failed: t.export.failed }[state];
  return (
    <section className="panel report-exports" aria-labelledby="report-exports-title">
      <h2 id="report-exports-title">{t.export.title}</h2>
      <p>{t.export.explain}</p>
      <div className="report-exports__buttons">
        <button type="button" className="button button--secondary" onClick={saveCsv} disabled={disabled}>
          {t.export.csv}
        </button>
        <button type="button" className="button button--secondary" onClick={() => void savePdf()} disabled={disabled || state === 'busy'}>
          {t.export.pdf}
        </button>
      </div>
      <p role="status" className={state === 'failed' ? 'field__error' : undefined}>
        {message}
      </p>
    </section>
  );
}
