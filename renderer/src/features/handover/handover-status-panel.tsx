import { use, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { holidays, settings, signalCatalogue } from '../../../../resources/index';
import type { Intake } from '../../../../shared/domain/intake.schema';
import { dutchDateOf } from '../../../../shared/domain/urgency';
import { useSession } from '../../ui/services-context';
import { nlHandover } from '../../i18n/nl-handover';
import { IntakeQueuesContext, loadAfterSaves, useToday } from '../intake';
import { handoverDeadlineText, handoverNoteText, handoverStatusText } from './handover-status';
import { statusKey } from './handover-overview';
import { useHandoverStatus } from './use-handover-status';

const t = nlHandover.status;

/** On the household page: where the handover to schuldhulp is, its Wgs deadline, and the way to the handover page. */
export function HandoverStatusPanel({ householdId }: { householdId: string }) {
  const { intakes, handovers } = useSession();
  const queues = use(IntakeQueuesContext);
  const today = useToday();
  const state = useHandoverStatus(householdId, 0);
  const [intake, setIntake] = useState<Intake | null>(null);
  // The worker saw this status now: the household list stops marking it as new.
  const seenKey = state && state.view.kind !== 'none' ? statusKey(state.view) : null;
  useEffect(() => {
    if (seenKey !== null) void handovers.markSeen(householdId, seenKey).catch(() => undefined);
  }, [householdId, handovers, seenKey]);
  useEffect(() => {
    let live = true;
    const shared = queues?.(householdId);
    void (shared ? loadAfterSaves(shared, intakes, householdId) : intakes.load(householdId)).then((i) => live && setIntake(i));
    return () => {
      live = false;
    };
  }, [householdId, intakes, queues]);

  const handoverDate = state?.record.sent.find((s) => state.record.dossierIds[s.recipientId] === s.dossierId)?.sentAt;
  const handoverDay = handoverDate ? dutchDateOf(handoverDate) : today;
  const note = state ? handoverNoteText(state.view) : null;
  const deadline = state && intake ? handoverDeadlineText(state.view, intake, handoverDay, { settings, signalCatalogue, holidays }) : null;
  return (
    <section className="panel" aria-labelledby="handover-status-title">
      <h2 id="handover-status-title">{t.title}</h2>
      <p data-testid="handover-status" role="status">
        {state ? handoverStatusText(state.view) : ''}
      </p>
      {note ? <p data-testid="handover-return-note">{note}</p> : null}
      {deadline ? <p data-testid="handover-deadline">{deadline}</p> : null}
      <Link to={`/huishoudens/${householdId}/overdragen`} className="button button--secondary">
        {t.open}
      </Link>
    </section>
  );
}
