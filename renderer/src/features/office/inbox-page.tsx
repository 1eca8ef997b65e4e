import { useId, useState } from 'react';
import type { HandoverSummary } from '../../../../shared/api/handover';
import type { OfficeSession } from '../../data/office-session';
import { errorText } from '../../i18n/errors';
import { Alert } from '../../ui/alert';
import { PageTitle } from '../../ui/page-title';
import { SelectField } from '../../ui/select-field';
import { formatDutchDate } from '../../ui/dutch-date';
import { deadlineText, filterHandovers, localIsoDate, statusFilterOptions, statusLabels, urgencyLabels, type StatusFilter } from './inbox-model';
import { officeText } from './office-text';
import { useInbox } from './use-inbox';

const isStatusFilter = (value: string): value is StatusFilter => statusFilterOptions.some((o) => o.value === value);

/** The counsellor's inbox: the team's handovers, overdue and urgent first, with search and a status filter. */
export function InboxPage({ session, onOpen, onExpired }: { session: OfficeSession; onOpen: (h: HandoverSummary) => void; onExpired: () => void }) {
  const inbox = useInbox(session, onExpired);
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<StatusFilter>('open');
  const searchId = useId();
  const today = localIsoDate(Date.now());
  const rows = inbox.handovers ? filterHandovers(inbox.handovers, { status, query }) : [];

  return (
    <>
      <PageTitle title="Overdrachten">Overdrachten</PageTitle>
      <p className="lead">De overdrachten voor het team. Wat te laat is of spoed heeft, staat bovenaan.</p>
      <p className="muted">{officeText.nothingStored}</p>
      <p role="status" className="muted">
        {inbox.arrived > 0 ? (inbox.arrived === 1 ? 'Er is 1 nieuwe overdracht binnengekomen.' : `Er zijn ${inbox.arrived} nieuwe overdrachten binnengekomen.`) : ''}
      </p>
      {inbox.error ? (
        <Alert>
          {errorText(inbox.error)} De lijst hieronder is van {inbox.refreshedAt ? new Date(inbox.refreshedAt).toLocaleTimeString('nl-NL', { hour: '2-digit', minute: '2-digit' }) : 'eerder'}. We proberen het zo opnieuw.
        </Alert>
      ) : null}
      <div className="inbox__filters">
        <div className="field">
          <div className="field__label">
            <label htmlFor={searchId}>Zoeken</label>
          </div>
          <p id={`${searchId}-hint`} className="field__hint">
            Op naam, plaats of postcode.
          </p>
          <input id={searchId} type="search" className="input" value={query} onChange={(e) => setQuery(e.target.value)} aria-describedby={`${searchId}-hint`} />
        </div>
        <SelectField label="Status" options={statusFilterOptions} value={status} onChange={(e) => setStatus(isStatusFilter(e.target.value) ? e.target.value : 'open')} />
      </div>
      {inbox.handovers === null && !inbox.error ? <p className="loading">Overdrachten laden…</p> : null}
      {inbox.handovers !== null && inbox.handovers.length === 0 ? <p className="empty">Er zijn geen overdrachten voor dit team. Nieuwe overdrachten verschijnen hier vanzelf.</p> : null}
      {inbox.handovers !== null && inbox.handovers.length > 0 && rows.length === 0 ? <p className="empty">Geen overdrachten gevonden. Pas de zoekwoorden of de status aan.</p> : null}
      {rows.length > 0 ? <InboxTable rows={rows} today={today} onOpen={onOpen} /> : null}
      {inbox.handovers !== null && inbox.total > inbox.handovers.length ? (
        <p className="muted">
          Hier staan de eerste {inbox.handovers.length} van {inbox.total} overdrachten.
        </p>
      ) : null}
    </>
  );
}

/** The rows as a table; urgent and overdue rows carry their mark in words (a badge) as well as colour. */
export function InboxTable({ rows, today, onOpen }: { rows: readonly HandoverSummary[]; today: string; onOpen: (h: HandoverSummary) => void }) {
  return (
    <table className="inbox">
      <caption className="visually-hidden">Overdrachten, wat te laat is of spoed heeft eerst</caption>
      <thead>
        <tr>
          <th scope="col">Inwoner</th>
          <th scope="col">Plaats</th>
          <th scope="col">Ontvangen</th>
          <th scope="col">Status</th>
          <th scope="col">Termijn</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((h) => {
          const urgency = urgencyLabels[h.urgency];
          return (
            <tr key={h.dossierId} className={h.urgency === 'regular' ? undefined : `inbox__row--${h.urgency}`}>
              <th scope="row">
                <button type="button" className="link-button" onClick={() => onOpen(h)}>
                  {h.clientName}
                </button>
                {urgency ? <span className={`badge badge--${h.urgency === 'overdue' ? 'urgent' : 'crisis'}`}>{urgency}</span> : null}
              </th>
              <td>
                {h.town} ({h.postcodeArea})
              </td>
              <td>{formatDutchDate(h.receivedAt.slice(0, 10))}</td>
              <td>{statusLabels[h.status]}</td>
              <td>{deadlineText(h, today)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
