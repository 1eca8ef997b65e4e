import { useState } from 'react';
import type { Household } from '../../../../shared/domain/household.schema';
import { createIntakeSchemas, type Debt, type Finances, type FixedCost, type Income } from '../../../../shared/domain/intake.schema';
import { nlIntake } from '../../i18n/nl-intake';
import { PageTitle } from '../../ui/page-title';
import { IntakeCrumbs, IntakeGate, SaveStatus, useRouteIntake, useToday } from '../intake';
import { ArrangementRow, DebtRow, FixedCostRow, IncomeRow, RowList } from './finance-rows';
import { FinancesSnapshot } from './finances-snapshot';
import { savableFinances } from './finances-model';
import { SituationFields } from './situation-fields';

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
        make={(): Debt => ({ id: newId(), creditor: '', amountCents: null, type: 'overig', stage: 'herinnering', stageDate: today })}
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

      <SituationFields household={household} f={f} today={today} change={change} />
    </form>
  );
}
