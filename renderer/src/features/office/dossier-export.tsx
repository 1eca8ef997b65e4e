import { useState } from 'react';
import type { Dossier } from '../../../../shared/api/dossier';
import type { HandoverDossierResponse } from '../../../../shared/api/handover';
import { saveFile } from '../../ui/save-file';
import { dossierPdf, dossierPdfFileName } from './dossier-pdf';
import { officeToday } from './inbox-model';

type State = 'idle' | 'busy' | 'done' | 'failed';
const messages: Record<State, string> = {
  idle: '',
  busy: 'De pdf wordt gemaakt…',
  done: 'De pdf is gedownload. Zet hem in het dossiersysteem van de gemeente. Verwijder hem daarna uit de map Downloads.',
  failed: 'Het maken van de pdf lukte niet. Probeer het opnieuw.',
};

/**
 * The dossier on screen as a PDF for the counsellor's own case system. Made in memory and handed to the
 * browser as a blob URL that is revoked afterwards: nothing of it goes to the browser's storage.
 */
export function DossierExport({ read, dossier, madeBy }: { read: HandoverDossierResponse; dossier: Dossier; madeBy: string }) {
  const [state, setState] = useState<State>('idle');
  const make = async () => {
    setState('busy');
    try {
      const today = officeToday(Date.now());
      const bytes = await dossierPdf({ read, dossier, madeBy, today });
      saveFile(bytes, dossierPdfFileName(read.handover.dossierId, read.version, today), 'application/pdf');
      setState('done');
    } catch {
      setState('failed');
    }
  };
  return (
    <section className="panel" aria-labelledby="export-title">
      <h2 id="export-title">Dossier als pdf</h2>
      <p>Download versie {read.version} van het dossier met de stand van zaken, voor het dossiersysteem van de gemeente.</p>
      <button type="button" className="button button--secondary" disabled={state === 'busy'} onClick={() => void make()}>
        Dossier downloaden (pdf)
      </button>
      <p role="status" className={state === 'failed' ? 'field__error' : undefined}>
        {messages[state]}
      </p>
    </section>
  );
}
