import { useState } from 'react';
import { helpCatalogue } from '../../../../resources/index';
import { suggestHouseholdType } from '../../../../shared/domain/finance';
import type { Household } from '../../../../shared/domain/household.schema';
import {
  budgetManagementSchema,
  householdTypes,
  pastBudgetManagementSchema,
  type Finances,
  type HouseholdType,
  type PastBudgetManagement,
} from '../../../../shared/domain/intake.schema';
import { nlIntake } from '../../i18n/nl-intake';
import { DateField } from '../../ui/date-field';
import { SelectField } from '../../ui/select-field';
import { TextField } from '../../ui/text-field';
import { pastDateError } from './finances-model';

const t = nlIntake.money;
/** Help shown as "al in gebruik"; bewind and budget management have their own question. */
const helpInUseOptions = helpCatalogue.filter((h) => h.id !== 'bewindvoering' && h.id !== 'budgetbeheer');

interface Props {
  household: Household;
  f: Finances;
  today: string;
  change: (patch: Partial<Finances>) => void;
}

/** The household's situation around money: help with money now and before, zzp, household type, help already used. */
export function SituationFields({ household, f, today, change }: Props) {
  const suggestion = suggestHouseholdType(household.members);
  return (
    <fieldset className="form-section">
      <legend>{t.situation}</legend>
      <fieldset className="radio-group">
        <legend>{t.budgetManagement}</legend>
        {budgetManagementSchema.options.map((v) => (
          <label key={v} className="radio">
            <input type="radio" name="budget-management" checked={f.budgetManagement === v} onChange={() => change({ budgetManagement: v })} />
            {nlIntake.budgetManagement[v]}
          </label>
        ))}
      </fieldset>
      <PastBudgetManagementFields value={f.pastBudgetManagement} onChange={(pastBudgetManagement) => change({ pastBudgetManagement })} />
      <fieldset className="radio-group radio-group--row">
        <legend>{t.selfEmployed}</legend>
        <label className="radio">
          <input type="radio" name="self-employed" checked={f.selfEmployed} onChange={() => change({ selfEmployed: true })} />
          {t.yes}
        </label>
        <label className="radio">
          <input type="radio" name="self-employed" checked={!f.selfEmployed} onChange={() => change({ selfEmployed: false })} />
          {t.no}
        </label>
      </fieldset>
      <SelectField
        label={t.householdType}
        hint={suggestion ? t.suggestion(nlIntake.householdTypes[suggestion]) : undefined}
        value={f.householdType ?? ''}
        options={[{ value: '', label: t.householdTypeChoose }, ...householdTypes.map((h) => ({ value: h, label: nlIntake.householdTypes[h] }))]}
        onChange={(e) => change({ householdType: e.target.value === '' ? null : (e.target.value as HouseholdType) })}
      />
      {suggestion && f.householdType !== suggestion ? (
        <button type="button" className="button button--secondary button--small" onClick={() => change({ householdType: suggestion })}>
          {t.useSuggestion}
        </button>
      ) : null}
      <DateField
        label={t.lowIncomeSince}
        hint={t.lowIncomeHint}
        max={today}
        value={f.lowIncomeSince ?? ''}
        error={f.lowIncomeSince ? pastDateError(f.lowIncomeSince, today) : undefined}
        onChange={(iso) => change({ lowIncomeSince: iso === '' ? null : iso })}
      />
      <fieldset className="radio-group help-in-use">
        <legend>{t.usesHelp}</legend>
        <p className="field__hint">{t.usesHelpHint}</p>
        {helpInUseOptions.map((h) => (
          <label key={h.id} className="check">
            <input
              type="checkbox"
              checked={f.usesHelp.includes(h.id)}
              onChange={(e) => change({ usesHelp: e.target.checked ? [...f.usesHelp, h.id] : f.usesHelp.filter((x) => x !== h.id) })}
            />
            {h.name}
          </label>
        ))}
      </fieldset>
    </fieldset>
  );
}

const yearsSchema = pastBudgetManagementSchema.shape.years;
const endedInSchema = pastBudgetManagementSchema.shape.endedIn;

/** "Eerder bewind of budgetbeheer?" with how many years and until when; a number is stored only once it is valid. */
function PastBudgetManagementFields({ value, onChange }: { value: PastBudgetManagement; onChange: (v: PastBudgetManagement) => void }) {
  const [years, setYears] = useState(value.years === null ? '' : String(value.years));
  const [endedIn, setEndedIn] = useState(value.endedIn === null ? '' : String(value.endedIn));
  const read = (text: string, schema: typeof yearsSchema) => {
    const trimmed = text.trim();
    if (trimmed === '') return { ok: true as const, value: null };
    const parsed = schema.safeParse(/^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN);
    return parsed.success ? { ok: true as const, value: parsed.data } : { ok: false as const, error: parsed.error.issues[0]?.message };
  };
  const yearsRead = read(years, yearsSchema);
  const endedRead = read(endedIn, endedInSchema);
  const had = value.kind === 'bewind' || value.kind === 'budgetbeheer';
  return (
    <>
      <fieldset className="radio-group">
        <legend>{t.pastBudgetManagement}</legend>
        {(['unknown', 'none', 'budgetbeheer', 'bewind'] as const).map((k) => (
          <label key={k} className="radio">
            <input type="radio" name="past-budget-management" checked={value.kind === k} onChange={() => onChange({ ...value, kind: k })} />
            {t.pastBudgetManagementOptions[k]}
          </label>
        ))}
      </fieldset>
      {had ? (
        <div className="money-row__fields">
          <TextField
            label={t.pastYears}
            inputMode="numeric"
            autoComplete="off"
            className="input--short"
            value={years}
            error={yearsRead.ok ? undefined : yearsRead.error}
            onChange={(e) => {
              setYears(e.target.value);
              const r = read(e.target.value, yearsSchema);
              if (r.ok) onChange({ ...value, years: r.value });
            }}
          />
          <TextField
            label={t.pastEndedIn}
            hint={t.pastEndedInHint}
            inputMode="numeric"
            autoComplete="off"
            className="input--short"
            value={endedIn}
            error={endedRead.ok ? undefined : endedRead.error}
            onChange={(e) => {
              setEndedIn(e.target.value);
              const r = read(e.target.value, endedInSchema);
              if (r.ok) onChange({ ...value, endedIn: r.value });
            }}
          />
        </div>
      ) : null}
    </>
  );
}
