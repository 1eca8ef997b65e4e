import { lazy, Suspense } from 'react';
import type { OfficeSession } from '../../data/office-session';
import { PageTitle } from '../../ui/page-title';
import { InboxHome } from './inbox-home';
import { officeText } from './office-text';

// The team lead's dashboard (and its charts) load only for a team lead: the counsellor's first load stays small.
const ReportsPage = lazy(() => import('../reports').then((m) => ({ default: m.ReportsPage })));

/** What an office user sees: the counsellor's inbox and one dossier at a time, or the team lead's reports. */
export function OfficeHome({ session, onExpired }: { session: OfficeSession; onExpired: () => void }) {
  if (session.user.role === 'teamlead') {
    return (
      <Suspense
        fallback={
          <>
            <PageTitle title={officeText.teamlead.title}>{officeText.teamlead.title}</PageTitle>
            <p className="loading">{officeText.teamlead.loading}</p>
          </>
        }
      >
        <ReportsPage session={session} onExpired={onExpired} />
      </Suspense>
    );
  }
  return <InboxHome session={session} onExpired={onExpired} />;
}
