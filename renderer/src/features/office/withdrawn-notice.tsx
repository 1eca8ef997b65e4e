import type { ReactNode } from 'react';
import { formatPlainDate } from '../../ui/dutch-date';
import { PageTitle } from '../../ui/page-title';

/** The page an open dossier turns into when its consent is gone: no word of the dossier, only what happened and what to do. */
function ConsentNotice({ title, lead, children, onBack }: { title: string; lead: string; children: ReactNode; onBack: () => void }) {
  return (
    <>
      <nav aria-label="Kruimelpad" className="breadcrumb">
        <button type="button" className="link-button" onClick={onBack}>
          Terug naar de overdrachten
        </button>
      </nav>
      <PageTitle title={title}>{title}</PageTitle>
      <div className="alert alert--notice" role="alert">
        <p className="alert__title">{lead}</p>
        {children}
      </div>
    </>
  );
}

/**
 * What an open dossier turns into when the inbox's poll learns its consent was withdrawn: the hub deleted it,
 * so its words leave the screen too, and the counsellor is told why.
 */
export function WithdrawnNotice({ onBack }: { onBack: () => void }) {
  return (
    <ConsentNotice title="Toestemming ingetrokken" lead="De inwoner heeft de toestemming ingetrokken." onBack={onBack}>
      <p>Daarom is dit dossier weggehaald, ook bij de gemeente. Gebruik niets meer uit dit dossier. Neem contact op met de buurtteamwerker als er vragen zijn.</p>
    </ConsentNotice>
  );
}

/**
 * What an open dossier turns into when its consent ran out: the hub no longer shows it (it refuses the read and
 * drops it from the inbox), so its words leave the screen too. The hub keeps it: new consent brings it back.
 */
export function ConsentEndedNotice({ validUntil, onBack }: { validUntil: string; onBack: () => void }) {
  return (
    <ConsentNotice title="Toestemming afgelopen" lead={`De toestemming van de inwoner gold tot en met ${formatPlainDate(validUntil)}.`} onBack={onBack}>
      <p>Daarom is dit dossier niet meer te zien. Gebruik niets meer uit dit dossier, ook niet uit een pdf.</p>
      <p>Is er nog hulp nodig? Vraag de buurtteamwerker om met de inwoner opnieuw over toestemming te praten. Met nieuwe toestemming stuurt de buurtteamwerker het dossier opnieuw.</p>
    </ConsentNotice>
  );
}
