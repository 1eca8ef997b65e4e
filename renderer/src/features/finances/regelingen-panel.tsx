import type { Household } from '../../../../shared/domain/household.schema';
import { suggestionStatuses, type Intake, type SuggestionStatus } from '../../../../shared/domain/intake.schema';
import { withMarks } from '../../../../shared/domain/regelingen';
import { nlIntake } from '../../i18n/nl-intake';
import { adviceFor, formatDate } from '../intake';

const t = nlIntake.suggestions;

interface Props {
  intake: Intake;
  household: Pick<Household, 'members'>;
  today: string;
  /** Stores the new marks in the (encrypted) finances of the intake. */
  onMark: (suggestions: Intake['finances']['suggestions']) => void;
}

/**
 * "Regelingen en hulp die kunnen passen": each suggestion with why, what to do, warnings, and what
 * the worker and resident did with it (discussed, applied for, not wanted), for the handover and summary.
 */
export function RegelingenPanel({ intake, household, today, onMark }: Props) {
  const advice = withMarks(adviceFor(intake, household, today), intake.finances.suggestions);
  const mark = (id: string, status: SuggestionStatus | null) => {
    const next = { ...intake.finances.suggestions };
    if (status === null) delete next[id];
    else next[id] = { status, on: today };
    onMark(next);
  };
  return (
    <section className="panel" aria-labelledby="regelingen-title">
      <h2 id="regelingen-title">{nlIntake.regelingenTitle}</h2>
      {advice.length === 0 ? (
        <p className="muted">{nlIntake.regelingenNone}</p>
      ) : (
        <ul className="advice-list">
          {advice.map((a) => (
            <li key={a.id} className={a.mark?.status === 'declined' ? 'advice advice--declined' : 'advice'} data-testid={`advice-${a.id}`}>
              <h3>{a.name}</h3>
              {a.mark ? <p className="advice__mark">{t.markLine(t.status[a.mark.status], formatDate(a.mark.on))}</p> : null}
              <p>{a.why}</p>
              <p>
                <strong>{nlIntake.nextStep}</strong> {a.nextStep}
              </p>
              {a.cautions.map((c) => (
                <p key={c} className="advice__caution">
                  {c}
                </p>
              ))}
              <fieldset className="radio-group radio-group--row advice__status">
                <legend>
                  {t.legend}
                  <span className="visually-hidden"> ({a.name})</span>
                </legend>
                {[null, ...suggestionStatuses].map((s) => (
                  <label key={s ?? 'none'} className="radio">
                    <input type="radio" name={`suggestion-${a.id}`} checked={(a.mark?.status ?? null) === s} onChange={() => mark(a.id, s)} />
                    {s === null ? t.none : t.status[s]}
                  </label>
                ))}
              </fieldset>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
