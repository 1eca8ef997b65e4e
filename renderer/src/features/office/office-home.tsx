import type { OfficeSession } from '../../data/office-session';
import { PageTitle } from '../../ui/page-title';
import { officeText } from './office-text';

/** What an office user sees first: the counsellor's handovers, or (later) the team lead's reports. */
export function OfficeHome({ session }: { session: OfficeSession }) {
  if (session.user.role === 'teamlead') {
    return (
      <>
        <PageTitle title={officeText.teamlead.title}>{officeText.teamlead.title}</PageTitle>
        <p>{officeText.teamlead.body}</p>
      </>
    );
  }
  return (
    <>
      <PageTitle title="Overdrachten">Overdrachten</PageTitle>
      <p>{officeText.nothingStored}</p>
    </>
  );
}
