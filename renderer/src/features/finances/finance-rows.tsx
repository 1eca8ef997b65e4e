import { useId, useState, type ReactNode } from 'react';
import {
  debtStages,
  debtTypes,
  fixedCostKinds,
  incomeSources,
  type Debt,
  type FixedCost,
  type Income,
  type PaymentArrangement,
} from '../../../../shared/domain/intake.schema';
import { nlIntake } from '../../i18n/nl-intake';
import { DateField } from '../../ui/date-field';
import { EuroField } from '../../ui/euro-field';
import { SelectField } from '../../ui/select-field';
import { TextField } from '../../ui/text-field';
import { pastDateError } from './finances-model';

const t = nlIntake.money;
const opts = <K extends string>(keys: readonly K[], labels: Record<K, string>) => keys.map((k) => ({ value: k, label: labels[k] }));

/** A list of rows with a legend, add and remove; each row is a labelled group. */
export function RowList<T extends { id: string }>(props: {
  legend: string;
  rows: T[];
  rowLabel: (n: number) => string;
  addLabel: string;
  make: () => T;
  onChange: (rows: T[]) => void;
  incomplete?: (row: T) => boolean;
  render: (row: T, update: (patch: Partial<T>) => void, label: string) => ReactNode;
}) {
  const { rows, onChange } = props;
  return (
    <fieldset className="form-section">
      <legend>{props.legend}</legend>
      {rows.length === 0 ? <p className="muted">{t.none}</p> : null}
      {rows.map((row, i) => {
        const label = props.rowLabel(i + 1);
        return (
          <fieldset key={row.id} className="member money-row">
            <legend>{label}</legend>
            <div className="money-row__fields">{props.render(row, (patch) => onChange(rows.map((r) => (r.id === row.id ? { ...r, ...patch } : r))), label)}</div>
            {props.incomplete?.(row) ? <p className="field__hint">{t.rowIncomplete}</p> : null}
            <button type="button" className="button button--secondary button--small" onClick={() => onChange(rows.filter((r) => r.id !== row.id))}>
              {t.remove(label)}
            </button>
          </fieldset>
        );
      })}
      <button type="button" className="button button--secondary" onClick={() => onChange([...rows, props.make()])}>
        {props.addLabel}
      </button>
    </fieldset>
  );
}

export function IncomeRow({ row, update }: { row: Income; update: (p: Partial<Income>) => void }) {
  return (
    <>
      <SelectField label={t.source} value={row.source} options={opts(incomeSources, nlIntake.incomeSources)} onChange={(e) => update({ source: e.target.value as Income['source'] })} />
      <EuroField label={t.netMonthly} cents={row.netMonthlyCents} onValid={(c) => update({ netMonthlyCents: c })} />
    </>
  );
}

export function FixedCostRow({ row, update }: { row: FixedCost; update: (p: Partial<FixedCost>) => void }) {
  return (
    <>
      <SelectField label={t.kind} value={row.kind} options={opts(fixedCostKinds, nlIntake.fixedCostKinds)} onChange={(e) => update({ kind: e.target.value as FixedCost['kind'] })} />
      <EuroField label={t.monthly} cents={row.monthlyCents} onValid={(c) => update({ monthlyCents: c })} />
    </>
  );
}

/**
 * A debt; its amount may be "nog onbekend" (stored as null, counted apart). A new debt starts without
 * an amount, which is stored as unknown until one is typed, so nothing is ever counted as € 0,00.
 */
export function DebtRow({ row, update, today }: { row: Debt; update: (p: Partial<Debt>) => void; today: string }) {
  const [unknown, setUnknown] = useState(row.amountCents === null && row.creditor !== '');
  const hintId = useId();
  return (
    <>
      <TextField label={t.creditor} value={row.creditor} maxLength={120} autoComplete="off" onChange={(e) => update({ creditor: e.target.value })} />
      <div className="field money-row__amount">
        {unknown ? null : <EuroField label={t.amount} cents={row.amountCents} onValid={(c) => update({ amountCents: c })} />}
        <label className="check">
          <input
            type="checkbox"
            checked={unknown}
            aria-describedby={unknown ? hintId : undefined}
            onChange={(e) => {
              setUnknown(e.target.checked);
              if (e.target.checked) update({ amountCents: null });
            }}
          />
          {t.amountUnknown}
        </label>
        {unknown ? (
          <p id={hintId} className="field__hint">
            {t.amountUnknownHint}
          </p>
        ) : row.amountCents === null ? (
          <p className="field__hint">{t.amountMissing}</p>
        ) : null}
      </div>
      <SelectField label={t.debtType} value={row.type} options={opts(debtTypes, nlIntake.debtTypes)} onChange={(e) => update({ type: e.target.value as Debt['type'] })} />
      <SelectField label={t.stage} value={row.stage} options={opts(debtStages, nlIntake.debtStages)} onChange={(e) => update({ stage: e.target.value as Debt['stage'] })} />
      <DateField label={t.stageDate} max={today} value={row.stageDate} error={pastDateError(row.stageDate, today)} onChange={(stageDate) => update({ stageDate })} />
    </>
  );
}

export function ArrangementRow({ row, update }: { row: PaymentArrangement; update: (p: Partial<PaymentArrangement>) => void }) {
  return (
    <>
      <TextField label={t.creditor} value={row.creditor} maxLength={120} autoComplete="off" onChange={(e) => update({ creditor: e.target.value })} />
      <EuroField label={t.monthly} cents={row.monthlyCents} onValid={(c) => update({ monthlyCents: c })} />
    </>
  );
}
