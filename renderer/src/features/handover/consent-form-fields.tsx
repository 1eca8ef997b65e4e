import { useId } from 'react';
import { nlHandover } from '../../i18n/nl-handover';
import type { ConsentChoices, ConsentForm, ConsentFormChange } from './consent-form-model';
import { changeConsentForm } from './consent-form-model';
import { formatPlainDate } from '../../ui/dutch-date';

const t = nlHandover.consentForm;

/**
 * The consent questions as checkboxes and radios: what is shared (only what there is), with whom, and
 * how consent was given. Controlled: the page keeps the form and stores it; nothing starts ticked.
 */
export function ConsentFormFields({
  choices,
  value,
  onChange,
  validUntil,
  error,
}: {
  choices: ConsentChoices;
  value: ConsentForm;
  onChange: (next: ConsentForm) => void;
  /** `YYYY-MM-DD`: until when consent given today holds. */
  validUntil: string;
  /** The first problem, from consentFromForm. */
  error?: string;
}) {
  const id = useId();
  const change = (c: ConsentFormChange) => onChange(changeConsentForm(value, c));
  const check = (key: string, label: string, checked: boolean, on: (checked: boolean) => void, disabled = false, hint?: string) => (
    <label key={key} className="radio">
      <input type="checkbox" checked={checked} disabled={disabled} aria-describedby={hint ? `${id}-${key}-hint` : undefined} onChange={(e) => on(e.target.checked)} />
      {label}
      {hint ? (
        <span id={`${id}-${key}-hint`} className="muted">
          {` (${hint})`}
        </span>
      ) : null}
    </label>
  );
  return (
    <>
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      <fieldset className="form-section">
        <legend>{t.whatTitle}</legend>
        <p className="field__hint">{t.whatHint}</p>
        <p>{t.always}</p>
        {choices.domains.length > 0 ? (
          <fieldset className="radio-group">
            <legend>{t.domainsTitle}</legend>
            {choices.domains.map((d) =>
              check(`domain-${d.id}`, d.title, value.domains.includes(d.id), (on) => change({ field: 'domain', id: d.id, on })),
            )}
          </fieldset>
        ) : null}
        {choices.finances ? check('finances', t.finances, value.finances, (on) => change({ field: 'finances', on })) : null}
        {choices.signals ? check('signals', t.signals, value.signals, (on) => change({ field: 'signals', on })) : null}
        {choices.notes ? check('notes', t.notes, value.notes, (on) => change({ field: 'notes', on }), !value.signals, t.notesHint) : null}
      </fieldset>
      <fieldset className="form-section">
        <legend>{t.whoTitle}</legend>
        {choices.recipients.map((r) =>
          check(`recipient-${r.id}`, r.organisation, value.recipients.includes(r.id), (on) => change({ field: 'recipient', id: r.id, on })),
        )}
      </fieldset>
      <fieldset className="form-section">
        <legend>{t.methodTitle}</legend>
        <div className="radio-group radio-group--row">
          {(['spoken', 'signed'] as const).map((m) => (
            <label key={m} className="radio">
              <input type="radio" name={`${id}-method`} value={m} checked={value.method === m} onChange={() => change({ field: 'method', method: m })} />
              {t.methods[m]}
            </label>
          ))}
        </div>
        <p>{t.validUntil(formatPlainDate(validUntil))}</p>
      </fieldset>
    </>
  );
}
