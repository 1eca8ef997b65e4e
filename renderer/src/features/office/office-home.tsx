import type { OfficeSession } from '../../data/office-session';
import { PageTitle } from '../../ui/page-title';
import { InboxHome } from './inbox-home';
import { officeText } from './office-text';

/** What an office user sees: the counsellor's inbox and one dossier at a time, or (later) the team lead's reports. */
export function OfficeHome({ session, onExpired }: { session: OfficeSession; onExpired: () => void }) {
  if (session.user.role === 'teamlead') {
    return (
      <>
        <PageTitle title={officeText.teamlead.title}>{officeText.teamlead.title}</PageTitle>
        <p>{officeText.teamlead.body}</p>
      </>
    );
  }
  return <InboxHome session={session} onExpired={onExpired} />;
}
