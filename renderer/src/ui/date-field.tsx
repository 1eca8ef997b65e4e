import { lazy, Suspense, useRef, useState, type KeyboardEvent } from 'react';
import { nl } from '../i18n/nl';
import { formatDutchDate, parseDutchDate, type ParsedDate } from './dutch-date';
import { FieldFrame, useFieldIds, type FieldText } from './text-field';

// The calendar is loaded only when someone opens it, so it costs nothing at start-up.
const DateCalendar = lazy(() => import('./date-calendar'));

const t = nl.dateField;

export interface DateFieldProps extends FieldText {
  /** ISO date (YYYY-MM-DD) or '' when empty. */
  value: string;
  /** Called with an ISO date, or '' when the field is emptied; never with a half-typed date. */
  onChange: (iso: string) => void;
  /** Latest date the calendar offers (ISO); the caller still validates. */
  max?: string | undefined;
  /** A more specific accessible name, e.g. when the same label repeats on a page. */
  'aria-label'?: string;
}

const matches = (parsed: ParsedDate, value: string): boolean =>
  parsed.kind === 'ok' ? parsed.iso === value : parsed.kind === 'empty' && value === '';

/**
 * A date typed as dd-mm-jjjj (day first, whatever the system language) with an optional calendar.
 * Two Tab stops: the text box and the calendar button. Alt+↓ in the text box opens the calendar too.
 */
export function DateField({ label, hint, error, required, value, onChange, max, 'aria-label': ariaLabel }: DateFieldProps) {
  const ids = useFieldIds(hint, 'error');
  const formatId = `${ids.id}-format`;
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(() => formatDutchDate(value));
  const [seen, setSeen] = useState(value);
  const [checked, setChecked] = useState(false);
  const [open, setOpen] = useState(false);

  const parsed = parseDutchDate(text);
  // The value changed from outside (loaded, picked, reset): show it unless the text already means it.
  if (value !== seen) {
    setSeen(value);
    if (!matches(parsed, value)) setText(formatDutchDate(value));
  }

  // "Bestaat niet" and a wrong year are clear as soon as typed; a wrong shape only after leaving the field.
  const problem = parsed.kind === 'invalid' && (checked || parsed.problem !== 'format') ? t.problems[parsed.problem] : undefined;
  const shown = problem ?? (matches(parsed, value) ? error : undefined);
  const name = ariaLabel ?? label;

  const type = (next: string) => {
    const p = parseDutchDate(next);
    // Eight digits typed in a row become 03-12-2026 at once, so the worker sees how it was read.
    setText(p.kind === 'ok' && /^\d{8}$/.test(next.trim()) ? formatDutchDate(p.iso) : next);
    if (p.kind === 'ok' && p.iso !== value) onChange(p.iso);
    if (p.kind === 'empty' && value !== '') onChange('');
  };

  const pick = (iso: string) => {
    setOpen(false);
    setText(formatDutchDate(iso));
    setChecked(false);
    if (iso !== value) onChange(iso);
    input.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.altKey && e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
    }
  };

  const errorId = shown ? ids.errorId : undefined;
  const describedBy = [ids.hintId, formatId, errorId].filter(Boolean).join(' ');
  return (
    <FieldFrame id={ids.id} label={label} hint={hint} hintId={ids.hintId} error={shown} errorId={errorId} required={required}>
      <p id={formatId} className="field__hint">
        {t.format.map((part, i) => (
          <span key={part} className="nowrap">
            {i > 0 ? ' ' : null}
            {part}
          </span>
        ))}
      </p>
      <div className="date-field">
        <input
          ref={input}
          id={ids.id}
          type="text"
          className="input input--date"
          value={text}
          placeholder={t.placeholder}
          autoComplete="off"
          spellCheck={false}
          aria-label={ariaLabel}
          aria-invalid={shown ? true : undefined}
          aria-describedby={describedBy}
          aria-required={required ? true : undefined}
          onChange={(e) => type(e.target.value)}
          onBlur={() => {
            setChecked(true);
            if (parsed.kind === 'ok') setText(formatDutchDate(parsed.iso));
          }}
          onKeyDown={onKeyDown}
        />
        <button type="button" className="button button--secondary date-field__open" aria-haspopup="dialog" onClick={() => setOpen(true)}>
          <svg aria-hidden="true" focusable="false" width="20" height="20" viewBox="0 0 20 20">
            <rect x="2" y="4" width="16" height="14" rx="2" fill="none" stroke="currentColor" strokeWidth="2" />
            <path d="M2 8h16M6 2v4M14 2v4" stroke="currentColor" strokeWidth="2" />
          </svg>
          <span className="visually-hidden">{t.openCalendar(name)}</span>
        </button>
      </div>
      {open ? (
        <Suspense fallback={<p role="status">{t.loadingCalendar}</p>}>
          <DateCalendar title={t.calendarTitle(name)} value={matches(parsed, value) ? value : ''} max={max} onPick={pick} onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </FieldFrame>
  );
}
