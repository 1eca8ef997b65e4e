import { useState } from 'react';
import { suggestHouseholdType } from '../../../../shared/domain/finance';
import type { Household } from '../../../../shared/domain/household.schema';
import {
  budgetManagementSchema,
  createIntakeSchemas,
  householdTypes,
  type Debt,
  type Finances,
  type FixedCost,
  type HouseholdType,
  type Income,
} from '../../../../shared/domain/intake.schema';
import { nlIntake } from '../../i18n/nl-intake';
import { DateField } from '../../ui/date-field';
import { PageTitle } from '../../ui/page-title';
import { SelectField } from '../../ui/select-field';
import { IntakeCrumbs, IntakeGate } from '../intake/intake-frame';
import { SaveStatus } from '../intake/save-status';
import { useRouteIntake, useToday } from '../intake/use-intake';
import { ArrangementRow, DebtRow, FixedCostRow, IncomeRow, RowList } from './finance-rows';
import { FinancesSnapshot } from './finances-snapshot';
import { pastDateError, savableFinances } from './finances-model';

const t = nlIntake.money;
const newId = () => crypto.randomUUID();

/** #/huishoudens/:id/gesprek/geld — incomes, costs, debts and the computed snapshot. No BSN. */
export function FinancesPage() {
  const editor = useRouteIntake();
  const today = useToday();
  return (
    <IntakeGate data={editor.data}>
      {(ready) => (
        <>
          <IntakeCrumbs ready={ready} />
          <PageTitle title={`${t.title} — ${ready.household.name}`}>{t.title}</PageTitle>
          <p>{t.intro}</p>
          <SaveStatus state={editor.saveState} />
          <div className="money-layout">
            <FinancesForm
              household={ready.household}
              initial={ready.intake.finances}
              today={today}
              onChange={(draft) => editor.saveFinances(savableFinances(draft, ready.intake.finances, today))}
            />
            <FinancesSnapshot finances={ready.intake.finances} today={today} />
          </div>
        </>
      )}
    </IntakeGate>
  );
}

function FinancesForm({ household, initial, today, onChange }: { household: Household; initial: Finances; today: string; onChange: (f: Finances) => void }) {
  const [f, setF] = useState(initial);
  const change = (patch: Partial<Finances>) => {
    const next = { ...f, ...patch };
    setF(next);
    onChange(next);
  };
  const suggestion = suggestHouseholdType(household.members);
  const { debtSchema } = createIntakeSchemas(today);
  return (
    <form className="money-form" onSubmit={(e) => e.preventDefault()}>
      <RowList
        legend={t.incomes}
        rows={f.incomes}
        rowLabel={t.income}
        addLabel={t.addIncome}
        make={(): Income => ({ id: newId(), source: 'salaris', netMonthlyCents: 0 })}
        onChange={(incomes) => change({ incomes })}
        render={(row, update) => <IncomeRow row={row} update={update} />}
      />
      <RowList
        legend={t.fixedCosts}
        rows={f.fixedCosts}
        rowLabel={t.fixedCost}
        addLabel={t.addFixedCost}
        make={(): FixedCost => ({ id: newId(), kind: 'huur', monthlyCents: 0 })}
        onChange={(fixedCosts) => change({ fixedCosts })}
        render={(row, update) => <FixedCostRow row={row} update={update} />}
      />
      <RowList
        legend={t.debts}
        rows={f.debts}
        rowLabel={t.debt}
        addLabel={t.addDebt}
        make={(): Debt => ({ id: newId(), creditor: '', amountCents: 0, type: 'overig', stage: 'herinnering', stageDate: today })}
        onChange={(debts) => change({ debts })}
        incomplete={(row) => !debtSchema.safeParse(row).success}
        render={(row, update) => <DebtRow row={row} update={update} today={today} />}
      />
      <RowList
        legend={t.arrangements}
        rows={f.paymentArrangements}
        rowLabel={t.arrangement}
        addLabel={t.addArrangement}
        make={() => ({ id: newId(), creditor: '', monthlyCents: 0 })}
        onChange={(paymentArrangements) => change({ paymentArrangements })}
        incomplete={(row) => row.creditor.trim() === ''}
        render={(row, update) => <ArrangementRow row={row} update={update} />}
      />

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
      </fieldset>
    </form>
  );
}
