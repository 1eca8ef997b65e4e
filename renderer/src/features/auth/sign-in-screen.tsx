import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { loginRequestSchema, type LoginRequest, type LoginResponse } from '../../../../shared/api/auth';
import { useServices } from '../../ui/services-context';
import { enrolRefusal } from '../../data/account';
import { shellFor } from '../../data/office-session';
import { nl } from '../../i18n/nl';
import { errorText } from '../../i18n/errors';
import { Alert } from '../../ui/alert';
import { AuthFrame } from './auth-frame';
import { TextField } from '../../ui/text-field';

/** First sign-in on this device, online, with the municipality account. `notice`: why an office user is back here. */
export function SignInScreen({ onSignedIn, notice }: { onSignedIn: (login: LoginResponse) => void; notice?: string | undefined }) {
  const { hub, hostInfo } = useServices();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<LoginRequest>({ resolver: zodResolver(loginRequestSchema), defaultValues: { username: '', password: '' } });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setError(null);
    const result = await hub.login(values);
    if (!result.ok) {
      setError(errorText(result.error));
      form.setFocus('password');
      return;
    }
    // Said here, before a PIN is chosen; the account refuses the enrolment too. The office shell stores nothing, so enrols nothing.
    const refusal = shellFor(result.value.user.role) === 'device' ? enrolRefusal(result.value, hostInfo.kind === 'preview') : null;
    if (refusal) setError(errorText({ code: refusal }));
    else onSignedIn(result.value);
  });

  return (
    <AuthFrame title={nl.signIn.title}>
      <p>{nl.signIn.intro}</p>
      {notice && !error ? <Alert kind="notice">{notice}</Alert> : null}
      {error ? <Alert>{error}</Alert> : null}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField label={nl.signIn.username} autoComplete="username" required error={errors.username?.message} {...form.register('username')} />
        <TextField label={nl.signIn.password} type="password" autoComplete="current-password" required error={errors.password?.message} {...form.register('password')} />
        <button type="submit" className="button button--wide" disabled={isSubmitting}>
          {isSubmitting ? nl.signIn.busy : nl.signIn.submit}
        </button>
      </form>
    </AuthFrame>
  );
}
