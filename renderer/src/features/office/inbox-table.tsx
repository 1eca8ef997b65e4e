import type { HandoverSummary } from '../../../../shared/api/handover';
import { dutchDateOf } from '../../../../shared/domain/urgency';
import { formatDutchDate } from '../../ui/dutch-date';
import { deadlineText, statusLabels, urgencyLabels } from './inbox-model';

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
              <td>{formatDutchDate(dutchDateOf(h.receivedAt))}</td>
              <td>{statusLabels[h.status]}</td>
              <td>{deadlineText(h, today)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
