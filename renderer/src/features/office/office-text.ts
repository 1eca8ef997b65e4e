import type { Role } from '../../../../shared/api/auth';

/** The office shell's words (Dutch, B1). Kept beside the feature so the worker's texts stay as they are. */
export const officeText = {
  place: 'Kantoor',
  nav: 'Kantoor',
  signedInAs: 'Aangemeld als',
  role: { worker: 'Buurtteam', counsellor: 'Schuldhulpverlening', teamlead: 'Teamleider' } satisfies Record<Role, string>,
  signOut: 'Afmelden',
  skipLink: 'Naar de inhoud',
  nothingStored: 'Op deze computer wordt niets bewaard. Na het sluiten of vernieuwen van de pagina is opnieuw aanmelden nodig.',
  idleSignedOut: 'Er was een tijd geen activiteit. Daarom is de aanmelding gestopt. Vul opnieuw de gebruikersnaam en het wachtwoord in.',
  expired: 'De aanmelding is verlopen. Vul opnieuw de gebruikersnaam en het wachtwoord in.',
  teamlead: {
    title: 'Rapportages',
    loading: 'De rapportages worden geladen…',
  },
} as const;
