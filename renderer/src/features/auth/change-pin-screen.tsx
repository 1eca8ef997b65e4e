import { useServices } from '../../ui/services-context';
import { nl } from '../../i18n/nl';
import { errorText } from '../../i18n/errors';
import { AuthFrame } from './auth-frame';
import { NewPinForm } from './new-pin-form';

/** Right after a PIN from before the 6-digit rule opened the app: a new PIN first, same data. */
export function ChangePinScreen({ currentPin, onChanged }: { currentPin: string; onChanged: () => void }) {
  const { account } = useServices();

  const save = async (pin: string) => {
    const result = await account.changePin(currentPin, pin);
    if (!result.ok) return errorText(result.error);
    onChanged();
    return null;
  };

  return (
    <AuthFrame title={nl.changePin.title}>
      <p className="lead">{nl.changePin.intro}</p>
      <p>{nl.changePin.kept}</p>
      <NewPinForm submitLabel={nl.changePin.submit} save={save} />
    </AuthFrame>
  );
}
