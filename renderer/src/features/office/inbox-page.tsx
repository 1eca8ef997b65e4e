import { useEffect, useRef, useState } from 'react';
import type { HandoverSummary } from '../../../../shared/api/handover';
import { errorText } from '../../i18n/errors';
import { Alert } from '../../ui/alert';
import { PageTitle } from '../../ui/page-title';
import { InboxFilters } from './inbox-filters';
import { isFiltered, officeToday, searchPending, shownText } from './inbox-model';
import { InboxTable } from './inbox-table';
import { officeText } from './office-text';
import type { Inbox } from './use-inbox';

const time = (at: number) => new Date(at).toLocaleTimeString('nl-NL', { hour: '2-digit', minute: '2-digit' });

/** The counsellor's inbox: the team's handovers, overdue and urgent first, with search, filters and "meer laden". */
export function InboxPage({ inbox, onOpen }: { inbox: Inbox; onOpen: (h: HandoverSummary) => void }) {
  const today = officeToday(Date.now());
  const rows = inbox.handovers;
  // Typed but not searched yet, or searched and not answered: the box and the rows may differ, and the page says so.
  const typedAhead = searchPending(inbox.typed, inbox.filters);
  const searching = typedAhead || (rows === null && !inbox.error && inbox.filters.query.trim() !== '');
  const tableRef = useRef<HTMLDivElement>(null);
  // After "meer laden", focus goes to the first new row, so keyboard users read on where they were.
  const [focusFrom, setFocusFrom] = useState<number | null>(null);
  useEffect(() => {
    if (focusFrom === null || !rows || rows.length <= focusFrom) return;
    tableRef.current?.querySelectorAll<HTMLButtonElement>('tbody th button')[focusFrom]?.focus();
    setFocusFrom(null);
  }, [rows, focusFrom]);

  return (
    <>
      <PageTitle title="Overdrachten">Overdrachten</PageTitle>
      <p className="lead">De overdrachten voor het team. Wat te laat is of spoed heeft, staat bovenaan.</p>
      <p className="muted">{officeText.nothingStored}</p>
      <p role="status" className="muted">
        {inbox.news && inbox.refreshedAt ? `${time(inbox.refreshedAt)}: ${inbox.news}.` : ''}
      </p>
      {inbox.error ? (
        <Alert>
          {errorText(inbox.error)}{' '}
          {rows !== null && inbox.refreshedAt ? `De lijst hieronder is van ${time(inbox.refreshedAt)}.` : 'De overdrachten konden niet worden geladen.'} We proberen het zo opnieuw.
        </Alert>
      ) : null}
      <InboxFilters inbox={inbox} />
      <p role="status" className="inbox__searching">
        {searching ? 'Zoeken…' : ''}
      </p>
      {rows === null && !inbox.error && !searching ? <p className="loading">Overdrachten laden…</p> : null}
      {rows !== null && rows.length === 0 ? (
        <p className="empty">
          {isFiltered(inbox.filters)
            ? 'Geen overdrachten gevonden. Pas de zoekwoorden of de filters aan, of kies "Filters wissen".'
            : 'Er zijn geen overdrachten voor dit team. Nieuwe overdrachten verschijnen hier vanzelf.'}
        </p>
      ) : null}
      {rows !== null && rows.length > 0 ? (
        <div ref={tableRef} aria-busy={typedAhead}>
          <p className="muted inbox__count">{shownText(rows.length, inbox.total)}</p>
          <InboxTable rows={rows} today={today} onOpen={onOpen} />
          {inbox.nextCursor ? (
            <button
              type="button"
              className="button button--secondary"
              disabled={inbox.loadingMore}
              onClick={() => {
                setFocusFrom(rows.length);
                inbox.loadMore();
              }}
            >
              {inbox.loadingMore ? 'Meer overdrachten laden…' : 'Meer overdrachten laden'}
            </button>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
