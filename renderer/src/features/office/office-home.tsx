import { useEffect, useState } from 'react';
import type { OfficeSession } from '../../data/office-session';
import { PageTitle } from '../../ui/page-title';
import { DossierPage } from './dossier-page';
import { InboxPage } from './inbox-page';
import { officeText } from './office-text';

/** What an office user sees: the counsellor's inbox and one dossier at a time, or (later) the team lead's reports. */
export function OfficeHome({ session, onExpired }: { session: OfficeSession; onExpired: () => void }) {
  const [open, setOpen] = useState<string | null>(null);
  // Moving between the inbox and a dossier puts focus on the new page's h1, so a screen reader starts there.
  const [moved, setMoved] = useState(false);
  useEffect(() => {
    if (moved) document.querySelector<HTMLElement>('main h1')?.focus();
  }, [open, moved]);
  const go = (dossierId: string | null) => {
    setMoved(true);
    setOpen(dossierId);
  };
  if (session.user.role === 'teamlead') {
    return (
      <>
        <PageTitle title={officeText.teamlead.title}>{officeText.teamlead.title}</PageTitle>
        <p>{officeText.teamlead.body}</p>
      </>
    );
  }
  return open === null ? (
    <InboxPage session={session} onOpen={(h) => go(h.dossierId)} onExpired={onExpired} />
  ) : (
    <DossierPage session={session} dossierId={open} onBack={() => go(null)} onExpired={onExpired} />
  );
}
