import { Link } from 'react-router';
import type { HouseholdSummary } from '../../data/contracts';
import { nl } from '../../i18n/nl';
import { formatWhen } from '../../ui/format';
import { SyncBadge } from './sync-badge';

/** The list itself, pure so it can be rendered in tests without services. */
export function HouseholdList({ rows, now }: { rows: HouseholdSummary[]; now: number }) {
  return (
    <ul className="household-list">
      {rows.map((h) => (
        <li key={h.id} className="household-card">
          <div className="household-card__main">
            <h2 className="household-card__name">
              <Link to={`/huishoudens/${h.id}`}>{h.name}</Link>
            </h2>
            <p className="household-card__meta">
              <span>{h.postcode}</span>
              <span>{nl.households.adults(h.adults)}</span>
              {h.children > 0 ? <span>{nl.households.children(h.children)}</span> : null}
              <span>{nl.households.changed(formatWhen(h.updatedAt, now))}</span>
            </p>
          </div>
          <SyncBadge state={h.sync} />
        </li>
      ))}
    </ul>
  );
}
