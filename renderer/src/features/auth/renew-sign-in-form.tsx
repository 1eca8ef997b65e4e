import { zodResolver } from '@hookform/resolvers/zod';
import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { loginRequestSchema } from '../../../../shared/api/auth';
import type { Session } from '../../data/contracts';
import { nl } from '../../i18n/nl';
import { errorText } from '../../i18n/errors';
import { TextField } from '../../ui/text-field';

const renewSchema = z.object({ password: loginRequestSchema.shape.password });
type RenewInput = z.infer<typeof renewSchema>;

/** The hub token expired: sign in again with the password only; the username is this device's worker. */
export function RenewSignInForm({ session, onRenewed }: { session: Session; onRenewed: () => void }) {
  const headingId = useId();
  const form = useForm<RenewInput>({ resolver: zodResolver(renewSchema), defaultValues: { password: '' } });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async ({ password }) => {
    const result = await session.renewSignIn(password);
    if (result.ok) {
      form.reset();
      onRenewed();
      return;
    }
    form.setError('password', { message: errorText(result.error) }, { shouldFocus: true });
  });

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{nl.renewSignIn.title}</h2>
      <p>{nl.renewSignIn.explain}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField label={nl.renewSignIn.username} autoComplete="username" readOnly value={session.user.username} />
        <TextField
          label={nl.renewSignIn.password}
          type="password"
          autoComplete="current-password"
          required
          error={errors.password?.message}
          {...form.register('password')}
        />
        <button type="submit" className="button" disabled={isSubmitting}>
          {isSubmitting ? nl.renewSignIn.busy : nl.renewSignIn.submit}
        </button>
      </form>
    </section>
  );
}
