import { useId, useState } from 'react';
import { dutchDateOf } from '../../../../shared/domain/urgency';
import { settings } from '../../../../resources/index';
import { nlIntake } from '../../i18n/nl-intake';
import { DateField } from '../../ui/date-field';
import { TextArea } from '../../ui/text-field';
import { formatDate } from '../intake';
import { observedOnError, type SignalDraft } from './signals-model';

const t = nlIntake.signals;

/**
 * Since when, and a note, for one recorded signal, folded behind one button so a ticked signal costs
 * two Tab stops (checkbox and button) instead of six. `title` makes the labels unique on the page.
 * `spoed` says on screen that the Wgs days count from the day it was told, not from this date.
 */
export function SignalDetails({ draft, title, today, spoed = false, onChange }: { draft: SignalDraft; title: string; today: string; spoed?: boolean; onChange: (patch: Partial<SignalDraft>) => void }) {
  const error = observedOnError(draft.observedOn, today) ?? undefined;
  const [open, setOpen] = useState(false);
  const panelId = useId();
  // A date that cannot be stored is never hidden: the worker must see why.
  const shown = open || error !== undefined;
  const valid = error === undefined;
  const told = formatDate(dutchDateOf(draft.recordedAt));
  const hint = spoed ? `${t.observedOnHint} ${t.observedOnSpoed(settings.wgs.urgentWorkingDays, told)}` : t.observedOnHint;
  return (
    <div className="signal__more">
      <p className="signal__summary">
        <span>
          {valid ? t.since(formatDate(draft.observedOn)) : null}
          {draft.note.trim() ? `${valid ? ', ' : ''}${t.withNote}` : null}
        </span>
        <button type="button" className="button button--secondary button--small" aria-expanded={shown} aria-controls={panelId} onClick={() => setOpen(!shown)}>
          {t.details}
          <span className="visually-hidden">{t.detailsFor(title)}</span>
        </button>
      </p>
      <div id={panelId} className="signal__details" hidden={!shown}>
        <DateField
          label={t.observedOn}
          aria-label={`${t.observedOn} (${title})`}
          hint={hint}
          max={today}
          value={draft.observedOn}
          error={error}
          onChange={(observedOn) => onChange({ observedOn })}
        />
        <TextArea label={t.note} aria-label={`${t.note} (${title})`} value={draft.note} maxLength={2000} rows={2} onChange={(e) => onChange({ note: e.target.value })} />
      </div>
    </div>
  );
}
