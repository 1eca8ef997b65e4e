import { useState } from 'react';
import { centsSchema } from '../../../shared/domain/intake.schema';
import { parseEuro } from '../../../shared/domain/finance';
import { errorText } from '../i18n/errors';
import { TextField } from './text-field';

/** Cents as a Dutch amount without the euro sign, e.g. "1.234,56", for an input's starting text. */
export function euroText(cents: number): string {
  return (cents / 100).toLocaleString('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** The cents for typed text, or the Dutch message why it cannot be stored. */
export function readEuro(text: string): { ok: true; cents: number } | { ok: false; error: string } {
  const parsed = parseEuro(text);
  if (!parsed.ok) return { ok: false, error: errorText(parsed.error) };
  const checked = centsSchema.safeParse(parsed.value);
  return checked.success ? { ok: true, cents: checked.data } : { ok: false, error: checked.error.issues[0]?.message ?? 'Vul een bedrag in.' };
}

interface EuroFieldProps {
  label: string;
  /** null: no amount yet, the field starts empty. */
  cents: number | null;
  onValid: (cents: number) => void;
  hint?: string;
}

/**
 * An amount typed in Dutch notation ("1.234,56"). Only a valid amount reaches `onValid`; an invalid
 * one stays on screen with its error, while the last valid amount stays stored.
 */
export function EuroField({ label, cents, onValid, hint }: EuroFieldProps) {
  const [text, setText] = useState(() => (cents === null ? '' : euroText(cents)));
  const [error, setError] = useState<string | undefined>(undefined);
  return (
    <TextField
      label={label}
      hint={hint}
      value={text}
      inputMode="decimal"
      autoComplete="off"
      className="input--short input--euro"
      error={error}
      onChange={(e) => {
        const value = e.target.value;
        setText(value);
        const read = readEuro(value);
        setError(read.ok ? undefined : read.error);
        if (read.ok) onValid(read.cents);
      }}
    />
  );
}
