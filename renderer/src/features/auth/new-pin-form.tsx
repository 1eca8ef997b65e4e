import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, type UseFormRegisterReturn } from 'react-hook-form';
import { nl } from '../../i18n/nl';
import { Alert } from '../../ui/alert';
import { TextField } from '../../ui/text-field';
import { choosePinSchema, type ChoosePinValues } from './pin-schema';

/** A new PIN, typed twice, checked against the PIN rule at the field; `save` answers an error text or null. */
export function NewPinForm({ submitLabel, save }: { submitLabel: string; save: (pin: string) => Promise<string | null> }) {
  const [error, setError] = useState<string | null>(null);
  const form = useForm<ChoosePinValues>({ resolver: zodResolver(choosePinSchema), defaultValues: { pin: '', repeat: '' } });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async ({ pin }) => {
    setError(null);
    setError(await save(pin));
  });

  return (
    <>
      {error ? <Alert>{error}</Alert> : null}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <NewPinFields pin={form.register('pin')} repeat={form.register('repeat')} errors={{ pin: errors.pin?.message, repeat: errors.repeat?.message }} />
        <button type="submit" className="button button--wide" disabled={isSubmitting}>
          {isSubmitting ? nl.choosePin.busy : submitLabel}
        </button>
      </form>
    </>
  );
}

/** The new PIN and its repeat, as every form that sets a PIN shows them. */
export function NewPinFields({
  pin,
  repeat,
  errors,
}: {
  pin: UseFormRegisterReturn;
  repeat: UseFormRegisterReturn;
  errors: { pin?: string | undefined; repeat?: string | undefined };
}) {
  return (
    <>
      <TextField label={nl.choosePin.pin} hint={nl.choosePin.rules} type="password" inputMode="numeric" autoComplete="new-password" required error={errors.pin} {...pin} />
      <TextField label={nl.choosePin.repeat} type="password" inputMode="numeric" autoComplete="new-password" required error={errors.repeat} {...repeat} />
    </>
  );
}
