import { normsFor, settings } from '../../../../resources/index';
import {
  debtTotalsByStage,
  formatEuro,
  incomeForMinimumCents,
  incomePctOfMinimum,
  monthlyBalanceCents,
  totalArrangements,
  totalDebtCents,
  totalFixedCosts,
  totalIncome,
  weeklyLeftCents,
} from '../../../../shared/domain/finance';
import { debtStages, type Finances } from '../../../../shared/domain/intake.schema';
import { nlIntake } from '../../i18n/nl-intake';
import { formatDate } from '../intake/dates';

const t = nlIntake.money;

/** The computed panel: what comes in, what goes out, what is left, debts, and the social minimum. */
export function FinancesSnapshot({ finances: f, today }: { finances: Finances; today: string }) {
  const norms = normsFor(settings.normsYear, today);
  const balance = monthlyBalanceCents(f);
  const byStage = debtTotalsByStage(f);
  const pct = norms ? incomePctOfMinimum(incomeForMinimumCents(f), f.householdType, norms.amounts) : null;
  return (
    <section className="panel snapshot" aria-labelledby="snapshot-title">
      <h2 id="snapshot-title">{t.snapshot}</h2>
      <dl className="details snapshot__figures">
        <dt>{t.totalIncome}</dt>
        <dd>{formatEuro(totalIncome(f))}</dd>
        <dt>{t.totalFixed}</dt>
        <dd>{formatEuro(totalFixedCosts(f))}</dd>
        <dt>{t.totalArrangements}</dt>
        <dd>{formatEuro(totalArrangements(f))}</dd>
        <dt>{t.balance}</dt>
        <dd data-testid="balance" className="snapshot__balance">
          {formatEuro(balance)}
        </dd>
        <dt>{t.perWeek}</dt>
        <dd data-testid="per-week">{formatEuro(weeklyLeftCents(balance))}</dd>
        <dt>{t.totalDebt}</dt>
        <dd data-testid="total-debt">{formatEuro(totalDebtCents(f))}</dd>
      </dl>
      {balance < 0 ? <p className="snapshot__short">{t.short}</p> : null}
      {f.debts.length > 0 ? (
        <>
          <h3>{t.debtByStage}</h3>
          <ul className="plain-list">
            {debtStages
              .filter((s) => byStage[s].count > 0)
              .map((s) => (
                <li key={s}>
                  <strong>{nlIntake.debtStages[s]}:</strong> {t.debtStageLine(byStage[s].count, formatEuro(byStage[s].amountCents))}
                </li>
              ))}
          </ul>
        </>
      ) : null}
      <h3>{t.minimum}</h3>
      {f.incomes.length === 0 ? (
        <p>{t.minimumNoIncome}</p>
      ) : f.householdType === null ? (
        <p>{t.minimumNeedsType}</p>
      ) : pct !== null ? (
        <p className="snapshot__pct">{t.minimumValue(`${pct.toLocaleString('nl-NL', { maximumFractionDigits: 1 })}%`)}</p>
      ) : null}
      {norms ? (
        <p className="muted">
          {t.normLine(norms.year, formatDate(norms.effectiveFrom))} {t.minimumNote}
        </p>
      ) : null}
      {norms?.provisional ? <p className="snapshot__provisional">{t.normProvisional}</p> : null}
    </section>
  );
}
