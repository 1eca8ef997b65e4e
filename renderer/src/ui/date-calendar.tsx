import { useId, useLayoutEffect, useRef } from 'react';
import { DayPicker } from 'react-day-picker';
import { nl as dayPickerNl } from 'react-day-picker/locale';
import 'react-day-picker/style.css';
import { isoDateOf } from '../../../shared/domain/intake.schema';
import { nl } from '../i18n/nl';
import { isoToLocalDate } from './dutch-date';

interface DateCalendarProps {
  title: string;
  /** ISO date or ''. */
  value: string;
  max?: string | undefined;
  onPick: (iso: string) => void;
  onClose: () => void;
}

const YEARS_BACK = 100;
const YEARS_AHEAD = 10;

/**
 * The month calendar of a date field, in a modal <dialog> (focus stays inside, Escape closes).
 * react-day-picker gives the accessible grid: arrow keys move by day and week, PageUp/PageDown by month.
 */
export default function DateCalendar({ title, value, max, onPick, onClose }: DateCalendarProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // A layout effect runs before the calendar's own focus effect, so the chosen day, not the first button, gets focus.
  useLayoutEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  const today = new Date();
  const selected = isoToLocalDate(value);
  const last = max ? isoToLocalDate(max) : undefined;
  const endMonth = last ?? new Date(today.getFullYear() + YEARS_AHEAD, 11);
  return (
    <dialog ref={dialog} className="dialog date-calendar" aria-labelledby={titleId} onClose={onClose}>
      <h2 id={titleId}>{title}</h2>
      <DayPicker
        mode="single"
        locale={dayPickerNl}
        captionLayout="dropdown"
        startMonth={new Date(today.getFullYear() - YEARS_BACK, 0)}
        endMonth={endMonth}
        defaultMonth={selected ?? (last && last < today ? last : today)}
        selected={selected}
        disabled={last ? { after: last } : undefined}
        // The dialog opens on the worker's own request; the date-picker dialog pattern puts focus on the chosen day.
        // eslint-disable-next-line jsx-a11y/no-autofocus
        autoFocus
        required
        onSelect={(day) => {
          if (!day) return;
          dialog.current?.close();
          onPick(isoDateOf(day));
        }}
      />
      <div className="actions">
        <button type="button" className="button button--secondary" onClick={() => dialog.current?.close()}>
          {nl.common.close}
        </button>
      </div>
    </dialog>
  );
}
