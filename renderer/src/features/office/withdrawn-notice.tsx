import { PageTitle } from '../../ui/page-title';

/**
 * What an open dossier turns into when the inbox's poll learns its consent was withdrawn: the hub deleted it,
 * so its words leave the screen too, and the counsellor is told why.
 */
export function WithdrawnNotice({ onBack }: { onBack: () => void }) {
  return (
    <>
      <nav aria-label="Kruimelpad" className="breadcrumb">
        <button type="button" className="link-button" onClick={onBack}>
          Terug naar de overdrachten
        </button>
      </nav>
      <PageTitle title="Toestemming ingetrokken">Toestemming ingetrokken</PageTitle>
      <div className="alert alert--notice" role="alert">
        <p className="alert__title">De inwoner heeft de toestemming ingetrokken.</p>
        <p>Daarom is dit dossier weggehaald, ook bij de gemeente. Gebruik niets meer uit dit dossier. Neem contact op met de buurtteamwerker als er vragen zijn.</p>
      </div>
    </>
  );
}
