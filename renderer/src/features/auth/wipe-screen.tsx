import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import type { User } from '../../../../shared/api/auth';
import { useServices } from '../../ui/services-context';
import { errorText } from '../../i18n/errors';
import { nl } from '../../i18n/nl';
import { Alert } from '../../ui/alert';
import { TextField } from '../../ui/text-field';
import { AuthFrame, AuthLinks } from './auth-frame';

const wipeSchema = z
  .object({ pin: z.string(), password: z.string().max(200) })
  .refine((v) => v.pin !== '' || v.password !== '', { path: ['pin'], message: nl.wipe.proofMissing });
type WipeValues = z.infer<typeof wipeSchema>;

/**
 * "Ander account": erase this device, only with its PIN (offline) or the account's password (online). The text
 * says what is lost: intakes and notes are never sent, so they are gone.
 */
export function WipeScreen({ user, onWiped, onBack }: { user: User; onWiped: () => void; onBack: () => void }) {
  const { account, hub } = useServices();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<WipeValues>({ resolver: zodResolver(wipeSchema), defaultValues: { pin: '', password: '' } });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async ({ pin, password }) => {
    setError(null);
    let result;
    if (pin !== '') {
      result = await account.wipe({ pin });
    } else {
      const login = await hub.login({ username: user.username, password });
      result = login.ok ? await account.wipe({ login: login.value }) : login;
    }
    if (result.ok) {
      onWiped();
      return;
    }
    setError(errorText(result.error));
    form.reset({ pin: '', password: '' });
    form.setFocus('pin');
  });

  return (
    <AuthFrame title={nl.wipe.title}>
      <p className="lead">{nl.wipe.body}</p>
      <p>{nl.wipe.truth}</p>
      <p>{nl.wipe.forgotHint}</p>
      {error ? <Alert>{error}</Alert> : null}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <p>{nl.wipe.proof}</p>
        <TextField label={nl.wipe.pin} type="password" inputMode="numeric" autoComplete="current-password" error={errors.pin?.message} {...form.register('pin')} />
        <TextField label={nl.wipe.password} type="password" autoComplete="current-password" error={errors.password?.message} {...form.register('password')} />
        <button type="submit" className="button button--wide button--danger" disabled={isSubmitting}>
          {isSubmitting ? nl.wipe.busy : nl.wipe.confirm}
        </button>
      </form>
      <AuthLinks links={[{ label: nl.wipe.back, onClick: onBack }]} />
    </AuthFrame>
  );
}
