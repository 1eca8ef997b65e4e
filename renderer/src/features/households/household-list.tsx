import { Link } from 'react-router';
import { settings } from '../../../../resources/index';
import type { HouseholdSummary, HouseholdUrgency } from '../../data/contracts';
import { byTextDescending } from '../../data';
import { nl } from '../../i18n/nl';
import { nlUrgency } from '../../i18n/nl-urgency';
import { formatWhen } from '../../ui/format';
import { SyncBadge } from './sync-badge';
import { isoDateOf } from '../../../../shared/domain/intake.schema';
import { formatDayName } from '../intake';
import type { HandoverOverview } from '../handover';

/** "woensdag 30 december 2026", as in the crisis banner. */
const fullDay = (iso: string) => `${formatDayName(iso)} ${iso.slice(0, 4)}`;

const noUrgency: ReadonlyMap<string, HouseholdUrgency> = new Map();
const noHandovers: ReadonlyMap<string, HandoverOverview> = new Map();
const crisisName = (id: string) => settings.crisisTypes.find((c) => c.id === id)?.name ?? id;

/**
 * Urgent households on top, the nearest deadline first (one that cannot be counted last); the rest
 * keep the order they came in (last change first, or search rank).
 */
export function urgentFirst(rows: readonly HouseholdSummary[], urgency: ReadonlyMap<string, HouseholdUrgency>): HouseholdSummary[] {
  if (urgency.size === 0) return [...rows];
  const urgent: HouseholdSummary[] = [];
  const rest: HouseholdSummary[] = [];
  for (const row of rows) (urgency.has(row.id) ? urgent : rest).push(row);
  const due = (row: HouseholdSummary) => urgency.get(row.id)?.deadline ?? '9999-12-31';
  return [...urgent.sort((a, b) => byTextDescending(due(b), due(a))), ...rest];
}

/**
 * Rows whose "Gewijzigd" is the later of the household's own change and its intake's last change;
 * with `sort`, newest first again (a search keeps its rank). Returns `rows` itself when nothing is later.
 */
export function withIntakeChanges(rows: readonly HouseholdSummary[], lastChanges: ReadonlyMap<string, number>, sort: boolean): readonly HouseholdSummary[] {
  if (lastChanges.size === 0) return rows;
  let any = false;
  const out = rows.map((row) => {
    const intakeAt = lastChanges.get(row.id);
    if (intakeAt === undefined || intakeAt <= Date.parse(row.updatedAt)) return row;
    any = true;
    return { ...row, updatedAt: new Date(intakeAt).toISOString() };
  });
  if (!any) return rows;
  return sort ? out.sort((a, b) => byTextDescending(a.updatedAt, b.updatedAt)) : out;
}

/** Spoed in words, an icon and colour, and a sentence for screen readers on what it means. */
function UrgentLine({ urgency, today }: { urgency: HouseholdUrgency; today: string }) {
  return (
    <p className="household-card__urgent">
      <strong className="badge badge--urgent">
        <span aria-hidden="true">⚠ </span>
        {nlUrgency.badge}
      </strong>
      <span>{urgency.crisisTypes.map(crisisName).join(', ')}</span>
      <span className="visually-hidden">{nlUrgency.explain(settings.wgs.urgentWorkingDays)}</span>
      {urgency.deadline !== null ? (
        <span className="household-card__deadline">
          {urgency.deadline < today ? nlUrgency.deadlinePassed(fullDay(urgency.deadline)) : nlUrgency.deadline(fullDay(urgency.deadline))}
        </span>
      ) : null}
    </p>
  );
}

/** The list itself, pure so it can be rendered in tests without services. */
export function HouseholdList({
  rows,
  now,
  urgency = noUrgency,
  handovers = noHandovers,
}: {
  rows: HouseholdSummary[];
  now: number;
  urgency?: ReadonlyMap<string, HouseholdUrgency>;
  handovers?: ReadonlyMap<string, HandoverOverview>;
}) {
  return (
    <ul className="household-list">
      {rows.map((h) => {
        const urgent = urgency.get(h.id);
        const handover = handovers.get(h.id);
        return (
          <li key={h.id} className={urgent ? 'household-card household-card--urgent' : 'household-card'}>
            <div className="household-card__main">
              <h2 className="household-card__name">
                <Link to={`/huishoudens/${h.id}`}>{h.name}</Link>
              </h2>
              {urgent ? <UrgentLine urgency={urgent} today={isoDateOf(new Date(now))} /> : null}
              <p className="household-card__meta">
                <span>{h.postcode}</span>
                <span>{nl.households.adults(h.adults)}</span>
                {h.children > 0 ? <span>{nl.households.children(h.children)}</span> : null}
                <span>{nl.households.changed(formatWhen(h.updatedAt, now))}</span>
              </p>
              {handover ? (
                <p className="household-card__handover">
                  {handover.changed ? (
                    <>
                      <strong className="badge badge--new">{nl.households.handoverNew}</strong>{' '}
                      <span className="visually-hidden">{nl.households.handoverNewExplain} </span>
                    </>
                  ) : null}
                  <span>{nl.households.handover(handover.text)}</span>
                </p>
              ) : null}
            </div>
            <SyncBadge state={h.sync} />
          </li>
        );
      })}
    </ul>
  );
}
