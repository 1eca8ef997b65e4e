import { use, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useSession } from '../../ui/services-context';
import type { RecordedSignal } from '../../../../shared/domain/intake.schema';
import { intakeProgress } from '../../../../shared/domain/progress';
import { lifeDomains } from '../../../../resources/index';
import type { HistoryEntry } from '../../data/contracts';
import { nl } from '../../i18n/nl';
import { historyLabel } from '../../i18n/history-labels';
import { nlIntake } from '../../i18n/nl-intake';
import { formatWhen } from '../../ui/format';
import { IntakeQueuesContext, loadAfterSaves } from './intake-queues';
import { UrgencyBanner } from './urgency-banner';
import { useToday } from './use-intake';

/** On the household page: a crisis banner when urgent, start or continue the conversation, and who changed what, when. */
export function HouseholdIntakePanel({ householdId, version }: { householdId: string; version: string }) {
  const { intakes } = useSession();
  const today = useToday();
  const [started, setStarted] = useState<boolean | null>(null);
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  const [signals, setSignals] = useState<RecordedSignal[]>([]);
  const queues = use(IntakeQueuesContext);
  useEffect(() => {
    let live = true;
    // Coming back from the intake, its last saves land first, so the banner and history are current.
    const shared = queues?.(householdId);
    const intake = shared ? loadAfterSaves(shared, intakes, householdId) : intakes.load(householdId);
    void Promise.all([intake.then(() => intakes.cursor(householdId)), intake.then(() => intakes.history(householdId)), intake]).then(
      ([cursor, entries, intake]) => {
        if (!live) return;
        // A conversation has started once something was recorded, even if this device never opened it (demo data).
        const progress = intakeProgress(intake, lifeDomains);
        const f = intake.finances;
        const recorded = progress.done + progress.started > 0 || intake.signals.length > 0 || f.incomes.length + f.fixedCosts.length + f.debts.length > 0;
        setStarted(cursor !== null || recorded);
        setHistory(entries);
        setSignals(intake.signals);
      },
      () => live && setStarted(false),
    );
    return () => {
      live = false;
    };
  }, [householdId, intakes, version, queues]);

  return (
    <>
      <UrgencyBanner intake={{ signals }} today={today} />
      <section className="panel" aria-labelledby="intake-title">
        <h2 id="intake-title">{nl.household.intakeTitle}</h2>
        {started === null ? (
          <p>{nl.common.loading}</p>
        ) : (
          <Link className="button" to={`/huishoudens/${householdId}/gesprek/verder`}>
            {started ? nlIntake.resume : nlIntake.start}
          </Link>
        )}
        <details className="history">
          <summary>{nlIntake.history.summary(history.length)}</summary>
          {history.length === 0 ? (
            <p>{nlIntake.history.empty}</p>
          ) : (
            <ul className="plain-list history__list">
              {history.map((h, i) => (
                <li key={`${h.at}-${i}`}>{nlIntake.history.line(historyLabel(h), h.by, formatWhen(h.at))}</li>
              ))}
            </ul>
          )}
        </details>
      </section>
    </>
  );
}
