import { normsFor, settings } from '../../../../resources/index';
import {
  debtTotalsByStage,
  formatEuro,
  incomeForMinimumCents,
  incomePctOfFullNorm,
  incomePctOfMinimum,
  monthlyBalanceCents,
  normsForType,
  totalArrangements,
  totalDebtCents,
  totalFixedCosts,
  totalIncome,
  unknownAmountDebts,
  weeklyLeftCents,
} from '../../../../shared/domain/finance';
import { debtStages, type Finances } from '../../../../shared/domain/intake.schema';
import { nlIntake } from '../../i18n/nl-intake';
import { formatDate } from '../intake';

const t = nlIntake.money;
const pctText = (n: number) => `${n.toLocaleString('nl-NL', { maximumFractionDigits: 1 })}%`;

/** The computed panel: what comes in, what goes out, the leefgeld, debts, and the income beside both norms. */
export function FinancesSnapshot({ finances: f, today }: { finances: Finances; today: string }) {
  const balance = monthlyBalanceCents(f);
  const byStage = debtTotalsByStage(f);
  const unknown = unknownAmountDebts(f);
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
      <p className="muted">{t.balanceExplain}</p>
      {unknown > 0 ? (
        <p data-testid="unknown-debts" className="snapshot__unknown">
          {t.unknownDebts(unknown)}
        </p>
      ) : null}
      {balance < 0 ? <p className="snapshot__short">{t.short}</p> : null}
      {f.debts.length > 0 ? (
        <>
          <h3>{t.debtByStage}</h3>
          <ul className="plain-list">
            {debtStages
              .filter((s) => byStage[s].count > 0)
              .map((s) => (
                <li key={s}>
                  <strong>{nlIntake.debtStages[s]}:</strong> {t.debtStageLine(byStage[s].count, formatEuro(byStage[s].amountCents), byStage[s].unknownCount)}
                </li>
              ))}
          </ul>
        </>
      ) : null}
      <MinimumComparison finances={f} today={today} />
    </section>
  );
}

/** Income beside the social minimum: both norm amounts, which one the percentage uses, and a question when income is clearly below. */
function MinimumComparison({ finances: f, today }: { finances: Finances; today: string }) {
  const norms = normsFor(settings.normsYear, today);
  const income = incomeForMinimumCents(f);
  const both = norms ? normsForType(f.householdType, norms.amounts) : null;
  const pctMonthly = norms ? incomePctOfMinimum(income, f.householdType, norms.amounts) : null;
  const pctFull = norms ? incomePctOfFullNorm(income, f.householdType, norms.amounts) : null;
  return (
    <section aria-labelledby="minimum-title">
      <h3 id="minimum-title">{t.minimum}</h3>
      {f.householdType === null ? (
        <p>{t.minimumNeedsType}</p>
      ) : both === null || norms === null ? (
        <p>{t.minimumNoNorm}</p>
      ) : (
        <>
          <dl className="details snapshot__figures" data-testid="norms">
            <dt>{t.normMonthly}</dt>
            <dd data-testid="norm-monthly">{formatEuro(both.monthly)}</dd>
            <dt>{t.normFull(norms.amounts.holidayAllowancePct)}</dt>
            <dd data-testid="norm-full">{formatEuro(both.withHolidayAllowance)}</dd>
          </dl>
          {f.incomes.length === 0 || pctMonthly === null || pctFull === null ? (
            <p>{t.minimumNoIncome}</p>
          ) : (
            <>
              <p className="snapshot__pct" data-testid="pct-monthly">
                {t.minimumValue(pctText(pctMonthly))}
              </p>
              <p data-testid="pct-full">{t.minimumValueFull(pctText(pctFull))}</p>
              <p className="muted">{t.minimumWhich}</p>
              {pctMonthly < settings.belowNormQuestionPct ? (
                <div className="snapshot__question" data-testid="below-norm">
                  <p>
                    <strong>{t.belowNormTitle}</strong>
                  </p>
                  <p>{t.belowNormQuestion}</p>
                </div>
              ) : null}
            </>
          )}
        </>
      )}
      {norms ? (
        <p className="muted">
          {t.normLine(norms.year, formatDate(norms.effectiveFrom))} {t.minimumNote}
        </p>
      ) : null}
      {norms?.provisional ? <p className="snapshot__provisional">{t.normProvisional}</p> : null}
    </section>
  );
}
