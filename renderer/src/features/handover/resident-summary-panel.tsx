import { use, useState } from 'react';
import type { Household } from '../../../../shared/domain/household.schema';
import { holidays, lifeDomains, recipients, settings, signalCatalogue } from '../../../../resources/index';
import { useSession } from '../../ui/services-context';
import { nlHandover } from '../../i18n/nl-handover';
import { IntakeQueuesContext, loadAfterSaves, useToday } from '../intake';
import { handoverWorker } from './handover-worker';
import { residentSummaryPdf } from './resident-summary-pdf';
import { saveFile } from '../../ui/save-file';

type State = 'idle' | 'busy' | 'done' | 'failed';

/** On the household page: "Wat we samen hebben besproken" as a PDF for the resident, from the intake as saved. */
export function ResidentSummaryPanel({ household }: { household: Household }) {
  const { intakes, handovers, user } = useSession();
  const queues = use(IntakeQueuesContext);
  const today = useToday();
  const [state, setState] = useState<State>('idle');

  const make = async () => {
    setState('busy');
    try {
      const shared = queues?.(household.id);
      const [intake, handover] = await Promise.all([shared ? loadAfterSaves(shared, intakes, household.id) : intakes.load(household.id), handovers.load(household.id)]);
      const bytes = await residentSummaryPdf({
        household,
        intake,
        // The consent as it was sent with the handover; none yet (or withdrawn): the summary says nothing is shared.
        consent: handover.consent,
        worker: handoverWorker(household, user, settings.municipality),
        today,
        ctx: { lifeDomains, signalCatalogue, settings, holidays, recipients },
      });
      saveFile(bytes, nlHandover.summaryFileName(today), 'application/pdf');
      setState('done');
    } catch {
      setState('failed');
    }
  };

  const message = { idle: '', busy: nlHandover.summaryBusy, done: nlHandover.summaryDone, failed: nlHandover.summaryFailed }[state];
  return (
    <section className="panel" aria-labelledby="resident-summary-title">
      <h2 id="resident-summary-title">{nlHandover.summaryTitle}</h2>
      <p>{nlHandover.summaryExplain}</p>
      <button type="button" className="button button--secondary" onClick={() => void make()} disabled={state === 'busy'}>
        {nlHandover.summaryDownload}
      </button>
      <p role="status" className={state === 'failed' ? 'field__error' : undefined}>
        {message}
      </p>
    </section>
  );
}
