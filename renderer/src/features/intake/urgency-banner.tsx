import type { Intake } from '../../../../shared/domain/intake.schema';
import { assessUrgency, urgentTerm } from '../../../../shared/domain/urgency';
import { holidays, settings, signalCatalogue } from '../../../../resources/index';
import { nlIntake } from '../../i18n/nl-intake';
import { formatDayName, formatDate } from './dates';

/** "woensdag 30 december 2026": with the year, so a printed or old screen is never ambiguous. */
const fullDay = (iso: string) => `${formatDayName(iso)} ${iso.slice(0, 4)}`;

function DeadlineLines({ intake, today }: { intake: Pick<Intake, 'signals'>; today: string }) {
  const term = urgentTerm(intake, settings, signalCatalogue, holidays);
  const days = settings.wgs.urgentWorkingDays;
  if (term === null || term.deadline === null) return <p className="urgent-banner__deadline">{nlIntake.urgentDeadlineUnknown(days)}</p>;
  return (
    <>
      <p className="urgent-banner__deadline">
        {term.deadline < today ? nlIntake.urgentDeadlinePassed(fullDay(term.deadline), days) : nlIntake.urgentDeadline(fullDay(term.deadline))}
      </p>
      <p className="urgent-banner__start">{nlIntake.urgentStart(days, formatDate(term.start))}</p>
    </>
  );
}

/** Impossible to miss when a recorded signal makes the case a crisis; renders nothing otherwise. */
export function UrgencyBanner({ intake, today }: { intake: Pick<Intake, 'signals'>; today: string }) {
  const urgency = assessUrgency(intake, settings, signalCatalogue);
  if (!urgency.urgent) return null;
  return (
    <div className="urgent-banner" role="alert">
      <p className="urgent-banner__title">
        <span aria-hidden="true">⚠ </span>
        {nlIntake.urgentTitle}
      </p>
      <ul className="urgent-banner__reasons">
        {urgency.reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      <DeadlineLines intake={intake} today={today} />
    </div>
  );
}
