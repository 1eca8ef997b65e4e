import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { nl } from '../../i18n/nl';
import { TextField } from '../../ui/text-field';
import { newMember, parseAge, type HouseholdFormValues } from './household-form-model';

/** The members of the household, with add and remove. */
export function MemberFields() {
  const { control, register, formState, setFocus } = useFormContext<HouseholdFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'members' });
  const roles = useWatch({ control, name: 'members' });
  const errors = formState.errors.members;
  const listError = errors?.root?.message ?? errors?.message;

  return (
    <fieldset className="form-section">
      <legend>{nl.form.members}</legend>
      {listError ? (
        <p className="field__error" id="members-error">
          {listError}
        </p>
      ) : null}
      {fields.map((field, index) => {
        const e = errors?.[index];
        const isChild = roles[index]?.role === 'child';
        return (
          <fieldset key={field.id} className="member">
            <legend>{nl.form.member(index + 1)}</legend>
            <div className="member__grid">
              <TextField label={nl.form.firstName} required error={e?.firstName?.message} autoComplete="off" {...register(`members.${index}.firstName`)} />
              <TextField label={nl.form.lastName} error={e?.lastName?.message} autoComplete="off" {...register(`members.${index}.lastName`)} />
            </div>
            <div className="member__grid">
              <fieldset className="radio-group">
                <legend>{nl.form.role}</legend>
                <label className="radio">
                  <input type="radio" value="adult" {...register(`members.${index}.role`)} />
                  {nl.form.adult}
                </label>
                <label className="radio">
                  <input type="radio" value="child" {...register(`members.${index}.role`)} />
                  {nl.form.child}
                </label>
              </fieldset>
              <TextField
                label={nl.form.age}
                hint={nl.form.ageHint}
                required={isChild}
                inputMode="numeric"
                autoComplete="off"
                className="input--short"
                error={e?.age?.message}
                {...register(`members.${index}.age`, { setValueAs: parseAge })}
              />
            </div>
            {fields.length > 1 ? (
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => {
                  remove(index);
                  setFocus(`members.${Math.max(0, index - 1)}.firstName`);
                }}
              >
                {nl.form.removeMember(index + 1)}
              </button>
            ) : null}
          </fieldset>
        );
      })}
      <button type="button" className="button button--secondary" onClick={() => append(newMember('adult'), { focusName: `members.${fields.length}.firstName` })}>
        {nl.form.addMember}
      </button>
    </fieldset>
  );
}
