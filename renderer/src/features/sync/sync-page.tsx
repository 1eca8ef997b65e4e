import { useEffect, useRef, useState } from 'react';
import { useAnnounce } from '../../ui/announcer';
import { useChanges } from '../../ui/use-changes';
import { useSession } from '../../ui/services-context';
import type { OutboxItemView } from '../../data/contracts';
import { outboxList } from './outbox-list';
import { RenewSignInForm } from '../auth';
import { nl } from '../../i18n/nl';
import { errorText } from '../../i18n/errors';
import { Alert } from '../../ui/alert';
import { formatWhen } from '../../ui/format';
import { PageTitle } from '../../ui/page-title';

/** #/verzenden — what still has to reach the municipality, and what got stuck. */
export function SyncPage() {
  const session = useSession();
  const { sync, households } = session;
  const announce = useAnnounce();
  const version = useChanges(sync);
  const status = sync.status();
  const [items, setItems] = useState<OutboxItemView[]>([]);
  const [busy, setBusy] = useState(false);
  const headRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    void sync.items().then((all) => {
      if (live) setItems(all);
    });
    return () => {
      live = false;
    };
  }, [sync, version]);

  const names = new Map(households.list().map((h) => [h.id, `${h.name} (${h.postcode})`]));
  const { waitingEvents, rows: shown } = outboxList(items);

  const sendNow = async () => {
    setBusy(true);
    try {
      await sync.syncNow();
      announce(nl.sync.done);
    } finally {
      setBusy(false);
    }
  };
  const renewed = () => {
    announce(nl.renewSignIn.done);
    // The form disappears; put focus back on the page heading instead of losing it.
    headRef.current?.querySelector<HTMLElement>('h1')?.focus();
  };
  const retry = async (itemId: string) => {
    await sync.retry(itemId);
    announce(nl.sync.retried);
  };

  return (
    <>
      <div className="page-head" ref={headRef}>
        <PageTitle title={nl.sync.title}>{nl.sync.title}</PageTitle>
        <button type="button" className="button" onClick={() => void sendNow()} disabled={busy || status.running || status.needsSignIn}>
          {busy || status.running ? nl.sync.sending : nl.sync.sendNow}
        </button>
      </div>
      {status.progress ? (
        <p className="muted" role="status">
          {nl.sync.progress(status.progress.sent, status.progress.total)}
        </p>
      ) : null}
      {status.needsSignIn ? <RenewSignInForm session={session} onRenewed={renewed} /> : null}
      <p>{nl.sync.intro}</p>
      <p className="muted">{status.lastSyncAt ? nl.sync.lastSync(formatWhen(status.lastSyncAt)) : nl.sync.neverSynced}</p>
      {status.lastError && !status.needsSignIn ? <Alert kind="notice">{errorText(status.lastError)}</Alert> : null}
      {items.length === 0 ? (
        <p className="empty">{nl.sync.empty}</p>
      ) : (
        <ul className="outbox">
          {waitingEvents > 0 ? (
            <li className="outbox__item">
              <div>
                <p className="outbox__title">{nl.sync.waitingEvents(waitingEvents)}</p>
                <p className="muted">
                  <span className="badge badge--waiting">{nl.sync.pendingLabel}</span>
                </p>
              </div>
            </li>
          ) : null}
          {shown.map((item) => (
            <li key={item.id} className={item.status === 'stuck' ? 'outbox__item outbox__item--stuck' : 'outbox__item'}>
              <div>
                <p className="outbox__title">
                  {nl.sync.kind[item.kind] ?? nl.sync.otherKind}
                  {names.has(item.entityId) ? `: ${names.get(item.entityId)}` : null}
                </p>
                <p className="muted">
                  <span className={`badge badge--${item.status === 'stuck' ? 'stuck' : 'waiting'}`}>{item.status === 'stuck' ? nl.sync.stuckLabel : nl.sync.pendingLabel}</span>{' '}
                  {nl.sync.attempts(item.attempts)}
                </p>
                {item.lastError ? <p className="outbox__error">{errorText(item.lastError)}</p> : null}
                {item.status === 'stuck' ? <p className="muted">{item.autoRetry ? nl.sync.keepsTrying : nl.sync.needsYou}</p> : null}
              </div>
              {item.status === 'stuck' ? (
                <button type="button" className="button button--secondary" onClick={() => void retry(item.id)}>
                  {nl.sync.retry}
                  <span className="visually-hidden">: {names.get(item.entityId) ?? nl.sync.kind[item.kind] ?? nl.sync.unknownHousehold}</span>
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
