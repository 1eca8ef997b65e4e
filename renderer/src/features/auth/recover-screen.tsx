import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { loginRequestSchema } from '../../../../shared/api/auth';
import type { User } from '../../../../shared/api/auth';
import { useServices } from '../../ui/services-context';
import type { Session } from '../../data/contracts';
import { errorText } from '../../i18n/errors';
import { nl } from '../../i18n/nl';
import { Alert } from '../../ui/alert';
import { TextField } from '../../ui/text-field';
import { AuthFrame, AuthLinks } from './auth-frame';
import { NewPinFields } from './new-pin-form';
import { choosePinSchema } from './pin-schema';

const password = loginRequestSchema.shape.password;
const forgotSchema = choosePinSchema.and(z.object({ password }));
const passwordSchema = z.object({ password, pin: z.string().min(1, nl.unlock.pinMissing) });
type Values = { password: string; pin: string; repeat?: string };

interface RecoverProps {
  user: User;
  deviceId: string | undefined;
  /** forgot: the password and a new PIN (the hub's recovery key opens the data); password: after too long, the password and the PIN. */
  mode: 'forgot' | 'password';
  onOpened: (session: Session) => void;
  onBack: () => void;
  /** The hub said this device is revoked: it has wiped itself. */
  onWiped: () => void;
}

/** Sign in with the municipality's password on a device that already holds this worker's data. */
export function RecoverScreen({ user, deviceId, mode, onOpened, onBack, onWiped }: RecoverProps) {
  const { account, hub } = useServices();
  const [error, setError] = useState<string | null>(null);
  const forgot = mode === 'forgot';
  const form = useForm<Values>({
    resolver: zodResolver(forgot ? forgotSchema : passwordSchema) as never,
    defaultValues: forgot ? { password: '', pin: '', repeat: '' } : { password: '', pin: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setError(null);
    const login = await hub.login({ username: user.username, password: values.password, ...(deviceId ? { deviceId } : {}) });
    if (!login.ok) {
      if (login.error.code === 'hub.device_revoked') {
        await account.revoked();
        onWiped();
        return;
      }
      setError(errorText(login.error));
      form.setFocus('password');
      return;
    }
    const opened = forgot ? await account.recover(login.value, values.pin) : await account.enroll(login.value, values.pin);
    if (opened.ok) onOpened(opened.value);
    else setError(errorText(opened.error));
  });

  return (
    <AuthFrame title={forgot ? nl.recover.title : nl.recover.passwordTitle}>
      <p>{forgot ? nl.recover.intro : nl.recover.passwordIntro}</p>
      {error ? <Alert>{error}</Alert> : null}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField label={nl.recover.username} autoComplete="username" value={user.username} readOnly name="username" />
        <TextField
          label={nl.recover.password}
          type="password"
          autoComplete="current-password"
          required
          // The screen is here for this field.
          // eslint-disable-next-line jsx-a11y/no-autofocus
          autoFocus
          error={errors.password?.message}
          {...form.register('password')}
        />
        {forgot ? (
          <NewPinFields pin={form.register('pin')} repeat={form.register('repeat')} errors={{ pin: errors.pin?.message, repeat: errors.repeat?.message }} />
        ) : (
          <TextField label={nl.unlock.pin} type="password" inputMode="numeric" autoComplete="current-password" required error={errors.pin?.message} {...form.register('pin')} />
        )}
        <button type="submit" className="button button--wide" disabled={isSubmitting}>
          {isSubmitting ? nl.recover.busy : forgot ? nl.recover.submit : nl.recover.passwordSubmit}
        </button>
      </form>
      <AuthLinks links={[{ label: nl.recover.back, onClick: onBack }]} />
    </AuthFrame>
  );
}
