import { useEffect, useMemo, useState } from 'react';
import type { HandoverSummary } from '../../../../shared/api/handover';
import type { OfficeSession } from '../../data/office-session';
import { consentGone, watchConsent, type OpenDossier } from './consent-watch';
import { DossierPage } from './dossier-page';
import { officeToday } from './inbox-model';
import { InboxPage } from './inbox-page';
import { useInbox } from './use-inbox';
import { ConsentEndedNotice, WithdrawnNotice } from './withdrawn-notice';

/** How often an open dossier looks at the calendar: a consent's last day may pass while it is open. */
const DAY_CHECK_MS = 15_000;

/** Today in the Netherlands, looked at again every `everyMs`. */
function useDutchToday(everyMs: number): string {
  const [today, setToday] = useState(() => officeToday(Date.now()));
  useEffect(() => {
    const timer = setInterval(() => setToday(officeToday(Date.now())), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return today;
}

/**
 * The counsellor's side of the office: the inbox, or one dossier. The inbox's poll keeps running while a
 * dossier is open, so the filters, the typed search and rows are still there on the way back, and a withdrawal or a consent that ran
 * out shows at once; coming back asks the hub again at once. An open dossier whose consent is gone (the poll says so,
 * the hub refuses one of its requests, or its last day passes) turns into a notice, and its words leave the page.
 */
export function InboxHome({ session, onExpired }: { session: OfficeSession; onExpired: () => void }) {
  const inbox = useInbox(session, onExpired);
  const today = useDutchToday(DAY_CHECK_MS);
  const [open, setOpen] = useState<OpenDossier | null>(null);
  const openId = open?.dossierId ?? null;
  // The newest last day the hub told: a new version with new consent moves it on.
  const listed = openId === null ? undefined : inbox.handovers?.find((h) => h.dossierId === openId);
  if (open && listed && listed.consentValidUntil !== open.validUntil) setOpen({ ...open, validUntil: listed.consentValidUntil });
  const gone = open === null ? null : consentGone(open, inbox, today);
  const watched = useMemo(
    () =>
      openId === null
        ? session
        : watchConsent(session, openId, {
            onGone: (refused) => setOpen((o) => (o?.dossierId === openId ? { ...o, refused } : o)),
            onValidUntil: (validUntil) => setOpen((o) => (o?.dossierId === openId ? { ...o, validUntil } : o)),
          }),
    [session, openId],
  );
  // Moving between the inbox and a dossier puts focus on the new page's h1, so a screen reader starts there.
  const [moved, setMoved] = useState(false);
  useEffect(() => {
    if (moved) document.querySelector<HTMLElement>('main h1')?.focus();
  }, [openId, moved, gone]);
  const go = (h: HandoverSummary | null) => {
    setMoved(true);
    // Opened before the pause in typing: the search starts now, so the way back finds the list that matches the box.
    if (h !== null) inbox.searchNow();
    setOpen(h === null ? null : { dossierId: h.dossierId, validUntil: h.consentValidUntil, refused: null });
    // Back from a dossier: its row shows what the counsellor just did there, not the state of the last poll.
    if (h === null) inbox.refresh();
  };
  if (open === null) return <InboxPage inbox={inbox} onOpen={go} />;
  if (gone === 'withdrawn') return <WithdrawnNotice onBack={() => go(null)} />;
  if (gone === 'ended') return <ConsentEndedNotice validUntil={open.validUntil} onBack={() => go(null)} />;
  return <DossierPage session={watched} dossierId={open.dossierId} onBack={() => go(null)} onExpired={onExpired} />;
}
