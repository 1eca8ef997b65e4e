import type { Intake } from '../../../../shared/domain/intake.schema';
import { assessUrgency, wgsDeadline } from '../../../../shared/domain/urgency';
import { holidays, settings, signalCatalogue } from '../../../../resources/index';
import { nlIntake } from '../../i18n/nl-intake';
import { formatDayName } from './dates';

/** The Wgs deadline for the first conversation, or null when the holiday list does not cover it. */
function urgentDeadline(today: string): string | null {
  try {
    return wgsDeadline(today, true, holidays, { urgentWorkingDays: settings.wgs.urgentWorkingDays, regularWeeks: settings.wgs.regularWeeks });
  } catch {
    return null;
  }
}

/** Impossible to miss when a recorded signal makes the case a crisis; renders nothing otherwise. */
export function UrgencyBanner({ intake, today }: { intake: Pick<Intake, 'signals'>; today: string }) {
  const urgency = assessUrgency(intake, settings, signalCatalogue);
  if (!urgency.urgent) return null;
  const deadline = urgentDeadline(today);
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
      <p className="urgent-banner__deadline">{deadline ? nlIntake.urgentDeadline(formatDayName(deadline)) : nlIntake.urgentDeadlineUnknown}</p>
    </div>
  );
}
