import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { LoginResponse } from '../../../../shared/api/auth';
import { useServices } from '../../app/services-context';
import type { Session } from '../../data/contracts';
import { nl } from '../../i18n/nl';
import { errorText } from '../../i18n/errors';
import { Alert } from '../../ui/alert';
import { TextField } from '../../ui/text-field';
import { AuthFrame } from './auth-frame';
import { choosePinSchema, type ChoosePinValues } from './pin-schema';

/** After the first sign-in: the worker picks the PIN that opens the app offline. */
export function ChoosePinScreen({ login, onEnrolled }: { login: LoginResponse; onEnrolled: (session: Session) => void }) {
  const { account } = useServices();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<ChoosePinValues>({ resolver: zodResolver(choosePinSchema), defaultValues: { pin: '', repeat: '' } });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async ({ pin }) => {
    setError(null);
    const result = await account.enroll(login, pin);
    if (result.ok) onEnrolled(result.value);
    else setError(errorText(result.error));
  });

  return (
    <AuthFrame title={nl.choosePin.title}>
      <p>{nl.choosePin.greeting(login.user.displayName)}</p>
      <p className="lead">{nl.choosePin.intro}</p>
      {error ? <Alert>{error}</Alert> : null}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          label={nl.choosePin.pin}
          hint={nl.choosePin.rules}
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          required
          error={errors.pin?.message}
          {...form.register('pin')}
        />
        <TextField label={nl.choosePin.repeat} type="password" inputMode="numeric" autoComplete="new-password" required error={errors.repeat?.message} {...form.register('repeat')} />
        <button type="submit" className="button button--wide" disabled={isSubmitting}>
          {isSubmitting ? nl.choosePin.busy : nl.choosePin.submit}
        </button>
      </form>
    </AuthFrame>
  );
}
