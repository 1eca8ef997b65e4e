import { useEffect, useState } from 'react';
import type { OfficeSession } from '../../data/office-session';
import { DossierPage } from './dossier-page';
import { InboxPage } from './inbox-page';
import { useInbox } from './use-inbox';
import { WithdrawnNotice } from './withdrawn-notice';

/**
 * The counsellor's side of the office: the inbox, or one dossier. The inbox's poll keeps running while a
 * dossier is open, so the filters and rows are still there on the way back, and a withdrawal shows at once;
 * coming back asks the hub again at once.
 */
export function InboxHome({ session, onExpired }: { session: OfficeSession; onExpired: () => void }) {
  const inbox = useInbox(session, onExpired);
  const [open, setOpen] = useState<string | null>(null);
  const withdrawn = open !== null && inbox.withdrawn.has(open);
  // Moving between the inbox and a dossier puts focus on the new page's h1, so a screen reader starts there.
  const [moved, setMoved] = useState(false);
  useEffect(() => {
    if (moved) document.querySelector<HTMLElement>('main h1')?.focus();
  }, [open, moved, withdrawn]);
  const go = (dossierId: string | null) => {
    setMoved(true);
    setOpen(dossierId);
    // Back from a dossier: its row shows what the counsellor just did there, not the state of the last poll.
    if (dossierId === null) inbox.refresh();
  };
  if (open === null) return <InboxPage inbox={inbox} onOpen={(h) => go(h.dossierId)} />;
  if (withdrawn) return <WithdrawnNotice onBack={() => go(null)} />;
  return <DossierPage session={session} dossierId={open} onBack={() => go(null)} onExpired={onExpired} />;
}
