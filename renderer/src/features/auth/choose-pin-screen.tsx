import type { LoginResponse } from '../../../../shared/api/auth';
import { useServices } from '../../ui/services-context';
import type { Session } from '../../data/contracts';
import { nl } from '../../i18n/nl';
import { errorText } from '../../i18n/errors';
import { AuthFrame } from './auth-frame';
import { NewPinForm } from './new-pin-form';

/** After the first sign-in: the worker picks the PIN that opens the app offline. */
export function ChoosePinScreen({ login, onEnrolled }: { login: LoginResponse; onEnrolled: (session: Session) => void }) {
  const { account } = useServices();

  const save = async (pin: string) => {
    const result = await account.enroll(login, pin);
    if (!result.ok) return errorText(result.error);
    onEnrolled(result.value);
    return null;
  };

  return (
    <AuthFrame title={nl.choosePin.title}>
      <p>{nl.choosePin.greeting(login.user.displayName)}</p>
      <p className="lead">{nl.choosePin.intro}</p>
      <NewPinForm submitLabel={nl.choosePin.submit} save={save} />
    </AuthFrame>
  );
}
