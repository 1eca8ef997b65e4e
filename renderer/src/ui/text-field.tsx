import { useId, type InputHTMLAttributes, type Ref, type TextareaHTMLAttributes } from 'react';
import { nl } from '../i18n/nl';

export interface FieldText {
  label: string;
  hint?: string;
  error?: string | undefined;
  required?: boolean;
}

/** Builds the ids and aria wiring that tie a control to its hint and error message. */
export function useFieldIds(hint: string | undefined, error: string | undefined) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return { id, hintId, errorId, describedBy };
}

export function FieldFrame({ id, label, hint, hintId, error, errorId, required, children }: FieldText & { id: string; hintId?: string | undefined; errorId?: string | undefined; children: React.ReactNode }) {
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      {/* The marker sits outside the label: the control's name stays "Pincode", aria-required says the rest. */}
      <div className="field__label">
        <label htmlFor={id}>{label}</label>
        {required ? <span className="field__required" aria-hidden="true">{nl.common.required}</span> : null}
      </div>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={errorId} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function TextField({ label, hint, error, required, ref, className, ...input }: FieldText & InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> }) {
  const ids = useFieldIds(hint, error);
  return (
    <FieldFrame id={ids.id} label={label} hint={hint} hintId={ids.hintId} error={error} errorId={ids.errorId} required={required}>
      <input
        {...input}
        ref={ref}
        id={ids.id}
        className={className ? `input ${className}` : 'input'}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        aria-required={required ? true : undefined}
      />
    </FieldFrame>
  );
}

export function TextArea({ label, hint, error, required, ref, ...input }: FieldText & TextareaHTMLAttributes<HTMLTextAreaElement> & { ref?: Ref<HTMLTextAreaElement> }) {
  const ids = useFieldIds(hint, error);
  return (
    <FieldFrame id={ids.id} label={label} hint={hint} hintId={ids.hintId} error={error} errorId={ids.errorId} required={required}>
      <textarea
        {...input}
        ref={ref}
        id={ids.id}
        className="input input--area"
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
      />
    </FieldFrame>
  );
}
