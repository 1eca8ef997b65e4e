import { useCallback, useDeferredValue, useState, useSyncExternalStore } from 'react';
import { Link } from 'react-router';
import { useChanges } from '../../ui/use-changes';
import { useSession } from '../../ui/services-context';
import { nl } from '../../i18n/nl';
import { nlUrgency } from '../../i18n/nl-urgency';
import { PageTitle } from '../../ui/page-title';
import { HouseholdList, urgentFirst, withIntakeChanges } from './household-list';
import { useHandoverOverviews } from '../handover';

/** Rendering 10,000 rows would make the page slow to open; search finds the rest. */
const PAGE = 100;

/** #/huishoudens — search and open the households on this device. */
export function HouseholdListPage() {
  const { households, intakes } = useSession();
  useChanges(households);
  const subscribeUrgency = useCallback((listener: () => void) => intakes.subscribeUrgency(listener), [intakes]);
  const readUrgency = () => intakes.urgency();
  const urgency = useSyncExternalStore(subscribeUrgency, readUrgency, readUrgency);
  const subscribeChanges = useCallback((listener: () => void) => intakes.subscribeLastChanges(listener), [intakes]);
  const readChanges = () => intakes.lastChanges();
  const lastChanges = useSyncExternalStore(subscribeChanges, readChanges, readChanges);
  const [query, setQuery] = useState('');
  const [limit, setLimit] = useState(PAGE);
  // Typing stays smooth with many households: the list follows the input at low priority.
  const deferred = useDeferredValue(query);
  // Re-read on every render: the repository answers from its in-memory index, and useChanges re-renders on change.
  // A crisis must not hide on page 2: urgent households come first, in search results too.
  // "Gewijzigd" counts intake changes too; the plain list is ordered by that, a search keeps its rank.
  const searching = deferred.trim() !== '';
  const rows = urgentFirst(withIntakeChanges(searching ? households.search(deferred) : households.list(), lastChanges, !searching), urgency);
  const urgentCount = rows.reduce((n, h) => (urgency.has(h.id) ? n + 1 : n), 0);
  const hasAny = deferred.trim() !== '' || rows.length > 0;
  const shown = rows.slice(0, limit);
  const handovers = useHandoverOverviews(shown.map((h) => h.id));

  return (
    <>
      <div className="page-head">
        <PageTitle title={nl.households.title}>{nl.households.title}</PageTitle>
        <Link to="/huishoudens/nieuw" className="button">
          {nl.households.newHousehold}
        </Link>
      </div>
      {hasAny ? (
        <search className="search">
          <label htmlFor="household-search">{nl.households.search}</label>
          <input id="household-search" type="search" className="input" value={query} onChange={(e) => {
              setQuery(e.target.value);
              setLimit(PAGE);
            }} autoComplete="off" />
        </search>
      ) : null}
      {rows.length > 0 ? (
        <>
          <p className="result-count" aria-live="polite">
            {nlUrgency.count(rows.length, urgentCount)}
          </p>
          <HouseholdList rows={shown} now={Date.now()} urgency={urgency} handovers={handovers} />
          {rows.length > limit ? (
            <button type="button" className="button button--secondary" onClick={() => setLimit((n) => n + PAGE)}>
              {nl.households.showMore(rows.length - limit)}
            </button>
          ) : null}
        </>
      ) : deferred.trim() ? (
        <p className="empty" aria-live="polite">
          {nl.households.noResults(deferred.trim())}
        </p>
      ) : (
        <div className="empty">
          <p>{nl.households.empty}</p>
          <p>{nl.households.emptyHint}</p>
        </div>
      )}
    </>
  );
}
