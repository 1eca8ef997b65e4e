import { useFormContext } from 'react-hook-form';
import { nl } from '../../i18n/nl';
import { TextArea, TextField } from '../../ui/text-field';
import type { HouseholdFormValues } from './household-form-model';

const channels = ['phone', 'sms', 'email', 'letter', 'visit'] as const;

/** How and when the household wants to be reached. */
export function ContactFields() {
  const { register, formState } = useFormContext<HouseholdFormValues>();
  const e = formState.errors.contact;
  return (
    <fieldset className="form-section">
      <legend>{nl.form.contact}</legend>
      <fieldset className="radio-group radio-group--row">
        <legend>{nl.form.channel}</legend>
        {channels.map((c) => (
          <label key={c} className="radio">
            <input type="radio" value={c} {...register('contact.channel')} />
            {nl.form.channels[c]}
          </label>
        ))}
      </fieldset>
      <div className="member__grid">
        <TextField label={nl.form.phone} type="tel" autoComplete="off" error={e?.phone?.message} {...register('contact.phone')} />
        <TextField label={nl.form.email} type="email" autoComplete="off" error={e?.email?.message} {...register('contact.email')} />
      </div>
      <TextField label={nl.form.bestTime} hint={nl.form.bestTimeHint} error={e?.bestTime?.message} {...register('contact.bestTime')} />
      <TextArea label={nl.form.note} rows={3} error={e?.note?.message} {...register('contact.note')} />
    </fieldset>
  );
}
