import { nlIntake } from '../../i18n/nl-intake';
import { TextArea, TextField } from '../../ui/text-field';
import { observedOnError, type SignalDraft } from './signals-model';

const t = nlIntake.signals;

/** Since when, and a note, for one recorded signal. `title` makes the labels unique on the page. */
export function SignalDetails({ draft, title, today, onChange }: { draft: SignalDraft; title: string; today: string; onChange: (patch: Partial<SignalDraft>) => void }) {
  const error = observedOnError(draft.observedOn, today) ?? undefined;
  return (
    <div className="signal__details">
      <TextField
        label={t.observedOn}
        aria-label={`${t.observedOn} (${title})`}
        type="date"
        max={today}
        className="input--short"
        value={draft.observedOn}
        error={error}
        onChange={(e) => onChange({ observedOn: e.target.value })}
      />
      <TextArea label={t.note} aria-label={`${t.note} (${title})`} value={draft.note} maxLength={2000} rows={2} onChange={(e) => onChange({ note: e.target.value })} />
    </div>
  );
}
