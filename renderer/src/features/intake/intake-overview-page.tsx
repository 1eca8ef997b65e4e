import type { ComponentType } from 'react';
import { Link } from 'react-router';
import { lifeDomains, signalCatalogue } from '../../../../resources/index';
import { formatEuro, monthlyBalanceCents, totalDebtCents, unknownAmountDebts, weeklyLeftCents } from '../../../../shared/domain/finance';
import type { Household } from '../../../../shared/domain/household.schema';
import type { Intake } from '../../../../shared/domain/intake.schema';
import { intakeProgress, nextDomain, type DomainStatus } from '../../../../shared/domain/progress';
import { nlIntake } from '../../i18n/nl-intake';
import { PageTitle } from '../../ui/page-title';
import { IntakeCrumbs, IntakeGate } from './intake-frame';
import { SaveStatus } from './save-status';
import { UrgencyBanner } from './urgency-banner';
import { useRouteIntake, useToday } from './use-intake';

const markers: Record<DomainStatus, string> = { done: '✓', 'not-applicable': '–', started: '◐', untouched: '○' };

/** What the overview shows below the summaries: the finances feature's regelingen panel (given by app/, so intake does not import finances). */
export type RegelingenSlot = ComponentType<{
  intake: Intake;
  household: Pick<Household, 'members'>;
  today: string;
  onMark: (suggestions: Intake['finances']['suggestions']) => void;
}>;

/** #/huishoudens/:id/gesprek — all life domains at a glance, urgency, signals, money and regelingen. */
export function IntakeOverviewPage({ regelingen: RegelingenPanel }: { regelingen: RegelingenSlot }) {
  const editor = useRouteIntake();
  const today = useToday();
  return (
    <IntakeGate data={editor.data}>
      {(ready) => {
        const { intake, household } = ready;
        const progress = intakeProgress(intake, lifeDomains);
        const next = nextDomain(intake, lifeDomains);
        const base = `/huishoudens/${household.id}/gesprek`;
        return (
          <>
            <IntakeCrumbs ready={ready} overview={false} />
            <PageTitle title={`${nlIntake.title} — ${household.name}`}>{`${nlIntake.title} met ${household.name}`}</PageTitle>
            <UrgencyBanner intake={intake} today={today} />
            <p className="intake-intro">{nlIntake.intro}</p>
            <div className="intake-progress">
              <p className="intake-progress__count">{nlIntake.progress(progress.done, progress.total)}</p>
              <progress max={progress.total} value={progress.done} aria-label={nlIntake.progress(progress.done, progress.total)} />
              {next ? (
                <Link className="button" to={`${base}/domein/${next.id}`}>
                  {nlIntake.continueWith(next.title)}
                </Link>
              ) : (
                <p>{nlIntake.allDone}</p>
              )}
            </div>

            <section aria-labelledby="domains-title">
              <h2 id="domains-title">{nlIntake.domainsTitle}</h2>
              <ul className="domain-grid">
                {progress.domains.map((d) => (
                  <li key={d.id} className={`domain-tile domain-tile--${d.status}`}>
                    <Link to={`${base}/domein/${d.id}`} className="domain-tile__link">
                      <span className="domain-tile__title">{d.title}</span>
                      <span className="domain-tile__status">
                        <span aria-hidden="true" className="domain-tile__marker">
                          {markers[d.status]}
                        </span>{' '}
                        {nlIntake.status[d.status]}
                      </span>
                      <span className="domain-tile__score">{d.score === null ? nlIntake.noScore : nlIntake.score(d.score)}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </section>

            <div className="intake-columns">
              <SignalsSummary intake={intake} to={`${base}/signalen`} />
              <MoneySummary intake={intake} to={`${base}/geld`} />
            </div>

            <RegelingenPanel
              intake={intake}
              household={household}
              today={today}
              onMark={(suggestions) => editor.saveFinances({ ...intake.finances, suggestions })}
            />
            <SaveStatus state={editor.saveState} />
          </>
        );
      }}
    </IntakeGate>
  );
}

function SignalsSummary({ intake, to }: { intake: Intake; to: string }) {
  const titles = intake.signals.map((s) => (s.catalogueId === null ? s.freeText : (signalCatalogue.find((c) => c.id === s.catalogueId)?.title ?? s.catalogueId)));
  return (
    <section className="panel" aria-labelledby="signals-sum-title">
      <h2 id="signals-sum-title">{nlIntake.signalsTitle}</h2>
      {titles.length === 0 ? (
        <p className="muted">{nlIntake.signalsNone}</p>
      ) : (
        <>
          <p>{nlIntake.signalsCount(titles.length)}</p>
          <ul className="plain-list">
            {titles.map((t, i) => (
              <li key={`${i}-${t}`}>{t}</li>
            ))}
          </ul>
        </>
      )}
      <Link to={to}>{nlIntake.toSignals}</Link>
    </section>
  );
}

function MoneySummary({ intake, to }: { intake: Intake; to: string }) {
  const f = intake.finances;
  const empty = f.incomes.length + f.fixedCosts.length + f.debts.length + f.paymentArrangements.length === 0;
  const balance = monthlyBalanceCents(f);
  return (
    <section className="panel" aria-labelledby="money-sum-title">
      <h2 id="money-sum-title">{nlIntake.moneyTitle}</h2>
      {empty ? (
        <p className="muted">{nlIntake.moneyNone}</p>
      ) : (
        <dl className="details">
          <dt>{nlIntake.money.balance}</dt>
          <dd>{formatEuro(balance)}</dd>
          <dt>{nlIntake.money.perWeek}</dt>
          <dd>{formatEuro(weeklyLeftCents(balance))}</dd>
          <dt>{nlIntake.money.totalDebt}</dt>
          <dd>{formatEuro(totalDebtCents(f))}</dd>
        </dl>
      )}
      {unknownAmountDebts(f) > 0 ? <p data-testid="overview-unknown-debts">{nlIntake.money.unknownDebts(unknownAmountDebts(f))}</p> : null}
      <Link to={to}>{nlIntake.toMoney}</Link>
    </section>
  );
}
