import { useId } from 'react';
import { neighbourhoods } from '../../../../resources/index';
import { SelectField } from '../../ui/select-field';
import type { Inbox } from './use-inbox';
import { areaLabel, isFiltered, noFilters, statusFilterOptions, type InboxFilters as Filters, type StatusFilter } from './inbox-model';

const isStatusFilter = (value: string): value is StatusFilter => statusFilterOptions.some((o) => o.value === value);

/**
 * Search and the four filters above the inbox; the hub applies them, so they reach every handover, not only those loaded.
 * The search box's words live in the inbox (use-inbox.ts), not here, so they outlast this component while a dossier is open.
 */
export function InboxFilters({ inbox }: { inbox: Pick<Inbox, 'filters' | 'typed' | 'type' | 'searchNow' | 'setFilters' | 'areas' | 'workers'> }) {
  const { filters, typed, setFilters } = inbox;
  const searchId = useId();
  const urgentId = useId();
  // Another filter takes the typed words along at once, so the list never mixes a new choice with an old search.
  const set = (change: Partial<Filters>) => setFilters({ ...filters, query: typed, ...change });

  // A chosen neighbourhood or worker stays a choice even when none of its handovers is left in the list.
  const areas = inbox.areas.some((a) => a.postcodeArea === filters.area) || !filters.area ? inbox.areas : [...inbox.areas, { postcodeArea: filters.area, count: 0 }];
  const workers = inbox.workers.some((w) => w.userId === filters.worker) || !filters.worker ? inbox.workers : [...inbox.workers, { userId: filters.worker, name: 'Gekozen medewerker', count: 0 }];

  return (
    <div className="inbox__filters" role="search" aria-label="Filters van de overdrachten">
      <div className="field">
        <div className="field__label">
          <label htmlFor={searchId}>Zoeken</label>
        </div>
        <p id={`${searchId}-hint`} className="field__hint">
          Op naam, plaats of postcode.
        </p>
        <input
          id={searchId}
          type="search"
          className="input"
          value={typed}
          maxLength={100}
          onChange={(e) => inbox.type(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') inbox.searchNow();
          }}
          aria-describedby={`${searchId}-hint`}
        />
      </div>
      <SelectField label="Status" options={statusFilterOptions} value={filters.status} onChange={(e) => set({ status: isStatusFilter(e.target.value) ? e.target.value : 'open' })} />
      <SelectField
        label="Wijk"
        options={[{ value: '', label: 'Alle wijken' }, ...areas.map((a) => ({ value: a.postcodeArea, label: `${areaLabel(a.postcodeArea, neighbourhoods)} (${a.count})` }))]}
        value={filters.area}
        onChange={(e) => set({ area: e.target.value })}
      />
      <SelectField
        label="Buurtteamwerker"
        options={[{ value: '', label: 'Iedereen' }, ...workers.map((w) => ({ value: w.userId, label: `${w.name} (${w.count})` }))]}
        value={filters.worker}
        onChange={(e) => set({ worker: e.target.value })}
      />
      <div className="field inbox__urgent">
        <label className="check" htmlFor={urgentId}>
          <input id={urgentId} type="checkbox" checked={filters.urgent} onChange={(e) => set({ urgent: e.target.checked })} />
          Alleen spoed en te laat
        </label>
      </div>
      {isFiltered({ ...filters, query: typed }) ? (
        <div className="field">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setFilters(noFilters)}
          >
            Filters wissen
          </button>
        </div>
      ) : null}
    </div>
  );
}
