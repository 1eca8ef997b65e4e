import { useState } from 'react';
import type { Dossier } from '../../../../shared/api/dossier';
import type { HandoverDossierResponse } from '../../../../shared/api/handover';
import type { HubCall } from '../../data/hub-call';
import { saveFile } from '../../ui/save-file';
import { dossierPdf, dossierPdfFileName } from './dossier-pdf';
import { officeToday } from './inbox-model';

/** How an export ended: downloaded, refused because the hub could not put it on record, failed, or the session ended. */
export type ExportOutcome = 'done' | 'not-recorded' | 'failed' | 'expired';

type State = 'idle' | 'busy' | Exclude<ExportOutcome, 'expired'>;
const messages: Record<State, string> = {
  idle: '',
  busy: 'De pdf wordt gemaakt…',
  done: 'De pdf is gedownload. Zet hem in het dossiersysteem van de gemeente. Verwijder hem daarna uit de map Downloads.',
  'not-recorded':
    'De pdf is niet gedownload. Elke download van een dossier wordt vastgelegd bij de gemeente, en dat lukte nu niet. Controleer de verbinding en probeer het opnieuw.',
  failed: 'Het maken van de pdf lukte niet. Probeer het opnieuw.',
};

/**
 * Makes the PDF, has the hub put the export on record (who, which version, when), and only then hands it over: an
 * export that cannot be audited does not happen (counsellors work online). A PDF that could not be made is not put on record.
 */
export async function exportDossier({
  make,
  record,
  save,
}: {
  make: () => Promise<Uint8Array>;
  record: () => Promise<HubCall<unknown>>;
  save: (bytes: Uint8Array) => void;
}): Promise<ExportOutcome> {
  let bytes: Uint8Array;
  try {
    bytes = await make();
  } catch {
    return 'failed';
  }
  const recorded = await record();
  if (recorded.kind === 'http' && recorded.status === 401) return 'expired';
  if (recorded.kind !== 'ok') return 'not-recorded';
  try {
    save(bytes);
  } catch {
    return 'failed';
  }
  return 'done';
}

/**
 * The dossier on screen as a PDF for the counsellor's own case system. Made in memory, put on record at the hub, and
 * handed to the browser as a blob URL that is revoked afterwards: nothing of it goes to the browser's storage.
 */
export function DossierExport({
  read,
  dossier,
  madeBy,
  record,
  onExpired,
}: {
  read: HandoverDossierResponse;
  dossier: Dossier;
  madeBy: string;
  /** Puts this export on record at the hub (session.recordExport for the version on screen). */
  record: () => Promise<HubCall<unknown>>;
  onExpired: () => void;
}) {
  const [state, setState] = useState<State>('idle');
  const make = async () => {
    setState('busy');
    const today = officeToday(Date.now());
    const outcome = await exportDossier({
      make: () => dossierPdf({ read, dossier, madeBy, today }),
      record,
      save: (bytes) => saveFile(bytes, dossierPdfFileName(read.handover.dossierId, read.version, today), 'application/pdf'),
    });
    if (outcome === 'expired') return onExpired();
    setState(outcome);
  };
  return (
    <section className="panel" aria-labelledby="export-title">
      <h2 id="export-title">Dossier als pdf</h2>
      <p>Download versie {read.version} van het dossier met de stand van zaken, voor het dossiersysteem van de gemeente.</p>
      <button type="button" className="button button--secondary" disabled={state === 'busy'} onClick={() => void make()}>
        Dossier downloaden (pdf)
      </button>
      <p role="status" className={state === 'failed' || state === 'not-recorded' ? 'field__error' : undefined}>
        {messages[state]}
      </p>
    </section>
  );
}
