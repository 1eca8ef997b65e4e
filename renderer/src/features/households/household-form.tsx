import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { FormProvider, get, useForm, type FieldErrors } from 'react-hook-form';
import { householdInputSchema, type HouseholdInput } from '../../../../shared/domain/household.schema';
import { nl } from '../../i18n/nl';
import { Alert } from '../../ui/alert';
import { TextField } from '../../ui/text-field';
import { ContactFields } from './contact-fields';
import { DraftRestoredNotice, DraftStatus, type DraftState } from './household-form-draft';
import { normalisePostcode, type HouseholdFormValues } from './household-form-model';
import { MemberFields } from './member-fields';

interface HouseholdFormProps {
  initial: HouseholdFormValues;
  /** Unsaved values from an earlier visit; the form starts from these and says so. */
  restored?: HouseholdFormValues | null;
  /** Called with the whole form after every change, to keep a draft. */
  onChange?: (values: HouseholdFormValues) => void;
  /** The worker threw the restored values away; the form is back at `initial`. */
  onStartOver?: () => void;
  /** Whether the draft of the last change is stored. */
  draftState?: DraftState;
  /** Resolves when saved; a rejection keeps the form open with everything the worker typed. */
  onSave: (input: HouseholdInput) => Promise<void>;
  onCancel: () => void;
}

export function HouseholdForm({ initial, restored, onChange, onStartOver, draftState = 'idle', onSave, onCancel }: HouseholdFormProps) {
  const [saveError, setSaveError] = useState(false);
  const [showRestored, setShowRestored] = useState(Boolean(restored));
  const form = useForm<HouseholdFormValues, unknown, HouseholdInput>({
    resolver: zodResolver(householdInputSchema),
    defaultValues: restored ?? initial,
    // We focus ourselves, in screen order; react-hook-form would use registration order.
    shouldFocusError: false,
  });
  const { errors, isSubmitting, submitCount } = form.formState;
  const postcode = form.register('postcode', { onBlur: (e: { target: HTMLInputElement }) => form.setValue('postcode', normalisePostcode(e.target.value)) });

  useEffect(() => {
    if (!onChange) return;
    const subscription = form.watch(() => onChange(form.getValues()));
    return () => subscription.unsubscribe();
  }, [form, onChange]);

  const startOver = () => {
    form.reset(initial);
    setShowRestored(false);
    onStartOver?.();
    form.setFocus('name');
  };

  const formRef = useRef<HTMLFormElement>(null);
  // After a refused submit: focus the first invalid field in screen order (not registration order).
  const focusFirstError = (found: FieldErrors<HouseholdFormValues>) => {
    const controls = [...(formRef.current?.elements ?? [])] as HTMLInputElement[];
    controls.find((el) => el.name && get(found, el.name) !== undefined)?.focus();
  };

  const submit = form.handleSubmit(async (input) => {
    setSaveError(false);
    try {
      await onSave(input);
    } catch {
      setSaveError(true);
    }
  }, focusFirstError);

  return (
    <FormProvider {...form}>
      <form ref={formRef} onSubmit={(e) => void submit(e)} noValidate className="household-form">
        {showRestored ? <DraftRestoredNotice onStartOver={startOver} /> : null}
        <p>{nl.form.intro}</p>
        {submitCount > 0 && Object.keys(errors).length > 0 ? <Alert>{nl.form.fixErrors}</Alert> : null}
        {saveError ? <Alert>{nl.form.saveFailed}</Alert> : null}
        <div className="form-section">
          <TextField label={nl.form.name} hint={nl.form.nameHint} required autoComplete="off" error={errors.name?.message} {...form.register('name')} />
        </div>
        <fieldset className="form-section">
          <legend>{nl.form.address}</legend>
          <p className="field__hint">{nl.form.addressHint}</p>
          <TextField label={nl.form.street} autoComplete="off" error={errors.street?.message} {...form.register('street')} />
          <TextField label={nl.form.houseNumber} hint={nl.form.houseNumberHint} autoComplete="off" className="input--short" error={errors.houseNumber?.message} {...form.register('houseNumber')} />
          <TextField label={nl.form.postcode} hint={nl.form.postcodeHint} required autoComplete="off" className="input--short" error={errors.postcode?.message} {...postcode} />
          <TextField label={nl.form.town} autoComplete="off" error={errors.town?.message} {...form.register('town')} />
        </fieldset>
        <MemberFields />
        <ContactFields />
        <div className="actions">
          <button type="submit" className="button" disabled={isSubmitting}>
            {isSubmitting ? nl.form.busy : nl.form.submit}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {nl.common.cancel}
          </button>
        </div>
        <DraftStatus state={draftState} />
      </form>
    </FormProvider>
  );
}
