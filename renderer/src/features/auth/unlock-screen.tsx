import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { User } from '../../../../shared/api/auth';
import { useServices } from '../../ui/services-context';
import { validatePin } from '../../data/account';
import type { Session } from '../../data/contracts';
import { nl } from '../../i18n/nl';
import { errorText } from '../../i18n/errors';
import { Alert } from '../../ui/alert';
import { secondsLeft } from '../../ui/format';
import { TextField } from '../../ui/text-field';
import { useNow } from '../../ui/use-now';
import { AuthFrame, AuthLinks } from './auth-frame';
import { unlockSchema, type UnlockValues } from './pin-schema';

interface UnlockProps {
  user: User;
  lockedUntil: number | null;
  /** `pinToReplace`: the PIN that opened it, when it breaks today's PIN rule (chosen before it); else null. */
  onUnlocked: (session: Session, pinToReplace: string | null) => void;
  /** The hub keeps a recovery key for this device: a forgotten PIN is a password sign-in and a new PIN. */
  canRecover?: boolean;
  onForgot: () => void;
  /** Too long without a password sign-in: the PIN alone does not open the device. */
  onPasswordNeeded: () => void;
  onWipe: () => void;
}

/** Offline unlock with the PIN; shows the waiting time after too many wrong tries. */
export function UnlockScreen({ user, lockedUntil: initialLock, onUnlocked, canRecover = false, onForgot, onPasswordNeeded, onWipe }: UnlockProps) {
  const { account } = useServices();
  const [error, setError] = useState<string | null>(null);
  const [lockedUntil, setLockedUntil] = useState(initialLock);
  // The one-time move of the records after an update: seconds on a full device, so say how far it is.
  const [upgrade, setUpgrade] = useState<{ done: number; total: number } | null>(null);
  const now = useNow(lockedUntil !== null);
  const wait = lockedUntil === null ? 0 : secondsLeft(lockedUntil, now);
  const form = useForm<UnlockValues>({ resolver: zodResolver(unlockSchema), defaultValues: { pin: '' } });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async ({ pin }) => {
    setError(null);
    const result = await account.unlock(pin, { onProgress: setUpgrade });
    setUpgrade(null);
    if (result.ok) {
      onUnlocked(result.value, validatePin(pin) === null ? null : pin);
      return;
    }
    if (result.error.code === 'account.password-needed') {
      onPasswordNeeded();
      return;
    }
    setError(errorText(result.error));
    form.reset({ pin: '' });
    const status = await account.status();
    setLockedUntil(status.state === 'locked' ? status.lockedUntil : null);
    form.setFocus('pin');
  });

  return (
    <AuthFrame title={nl.unlock.title}>
      <p className="lead">{nl.unlock.greeting(user.displayName)}</p>
      <p>{nl.unlock.intro}</p>
      {error ? <Alert>{error}</Alert> : null}
      {/* Not a live region: a screen reader should not read every second aloud. */}
      {wait > 0 ? <p className="countdown">{nl.unlock.wait(wait)}</p> : null}
      {upgrade ? (
        <div role="status" className="upgrade-progress">
          <p>{nl.unlock.upgrading(upgrade.done, upgrade.total)}</p>
          <progress max={upgrade.total} value={upgrade.done} aria-hidden="true" />
          <p>{nl.unlock.upgradingHint}</p>
        </div>
      ) : null}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          label={nl.unlock.pin}
          type="password"
          inputMode="numeric"
          autoComplete="current-password"
          required
          // The only field on screen after a lock: going straight to it saves the worker a click.
          // eslint-disable-next-line jsx-a11y/no-autofocus
          autoFocus
          error={errors.pin?.message}
          {...form.register('pin')}
        />
        <button type="submit" className="button button--wide" disabled={isSubmitting || wait > 0}>
          {isSubmitting ? nl.unlock.busy : nl.unlock.submit}
        </button>
      </form>
      <AuthLinks links={[...(canRecover ? [{ label: nl.unlock.forgot, onClick: onForgot }] : []), { label: nl.unlock.otherAccount, onClick: onWipe }]} />
    </AuthFrame>
  );
}
