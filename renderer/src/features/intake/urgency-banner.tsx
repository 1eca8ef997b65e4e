import type { Intake } from '../../../../shared/domain/intake.schema';
import { isoDateOf } from '../../../../shared/domain/intake.schema';
import { assessUrgency, urgentSince, wgsDeadline } from '../../../../shared/domain/urgency';
import { holidays, settings, signalCatalogue } from '../../../../resources/index';
import { nlIntake } from '../../i18n/nl-intake';
import { formatDayName } from './dates';

/** The Wgs deadline counted from `since` (when the crisis became known), or null outside the holiday list. */
function urgentDeadline(since: string): string | null {
  try {
    return wgsDeadline(since, true, holidays, { urgentWorkingDays: settings.wgs.urgentWorkingDays, regularWeeks: settings.wgs.regularWeeks });
  } catch {
    return null;
  }
}

function deadlineText(intake: Pick<Intake, 'signals'>, today: string): string {
  const since = urgentSince(intake, settings, signalCatalogue);
  // The local calendar day the crisis signal was recorded on.
  const deadline = since === null ? null : urgentDeadline(isoDateOf(new Date(since)));
  if (deadline === null) return nlIntake.urgentDeadlineUnknown;
  return deadline < today ? nlIntake.urgentDeadlinePassed(formatDayName(deadline), settings.wgs.urgentWorkingDays) : nlIntake.urgentDeadline(formatDayName(deadline));
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
      <p className="urgent-banner__deadline">{deadlineText(intake, today)}</p>
    </div>
  );
}
