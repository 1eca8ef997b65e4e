import { Link } from 'react-router';
import { settings } from '../../../../resources/index';
import type { HouseholdSummary, HouseholdUrgency } from '../../data/contracts';
import { nl } from '../../i18n/nl';
import { nlUrgency } from '../../i18n/nl-urgency';
import { formatWhen } from '../../ui/format';
import { SyncBadge } from './sync-badge';

const noUrgency: ReadonlyMap<string, HouseholdUrgency> = new Map();
const crisisName = (id: string) => settings.crisisTypes.find((c) => c.id === id)?.name ?? id;

/** Urgent households on top, each group keeping the order it came in (newest first, or search rank). */
export function urgentFirst(rows: readonly HouseholdSummary[], urgency: ReadonlyMap<string, HouseholdUrgency>): HouseholdSummary[] {
  if (urgency.size === 0) return [...rows];
  const urgent: HouseholdSummary[] = [];
  const rest: HouseholdSummary[] = [];
  for (const row of rows) (urgency.has(row.id) ? urgent : rest).push(row);
  return [...urgent, ...rest];
}

/** Spoed in words, an icon and colour, and a sentence for screen readers on what it means. */
function UrgentLine({ urgency }: { urgency: HouseholdUrgency }) {
  return (
    <p className="household-card__urgent">
      <strong className="badge badge--urgent">
        <span aria-hidden="true">⚠ </span>
        {nlUrgency.badge}
      </strong>
      <span>{urgency.crisisTypes.map(crisisName).join(', ')}</span>
      <span className="visually-hidden">{nlUrgency.explain(settings.wgs.urgentWorkingDays)}</span>
    </p>
  );
}

/** The list itself, pure so it can be rendered in tests without services. */
export function HouseholdList({ rows, now, urgency = noUrgency }: { rows: HouseholdSummary[]; now: number; urgency?: ReadonlyMap<string, HouseholdUrgency> }) {
  return (
    <ul className="household-list">
      {rows.map((h) => {
        const urgent = urgency.get(h.id);
        return (
          <li key={h.id} className={urgent ? 'household-card household-card--urgent' : 'household-card'}>
            <div className="household-card__main">
              <h2 className="household-card__name">
                <Link to={`/huishoudens/${h.id}`}>{h.name}</Link>
              </h2>
              {urgent ? <UrgentLine urgency={urgent} /> : null}
              <p className="household-card__meta">
                <span>{h.postcode}</span>
                <span>{nl.households.adults(h.adults)}</span>
                {h.children > 0 ? <span>{nl.households.children(h.children)}</span> : null}
                <span>{nl.households.changed(formatWhen(h.updatedAt, now))}</span>
              </p>
            </div>
            <SyncBadge state={h.sync} />
          </li>
        );
      })}
    </ul>
  );
}
