import type { Role } from '../../../../shared/api/auth';

/** The office shell's words (Dutch, B1). Kept beside the feature so the worker's texts stay as they are. */
export const officeText = {
  place: 'Kantoor',
  nav: 'Kantoor',
  signedInAs: 'Aangemeld als',
  role: { worker: 'Buurtteam', counsellor: 'Schuldhulpverlening', teamlead: 'Teamleider' } satisfies Record<Role, string>,
  signOut: 'Afmelden',
  skipLink: 'Naar de inhoud',
  nothingStored: 'Op deze computer wordt niets bewaard. Na het sluiten of vernieuwen van de pagina meldt u zich opnieuw aan.',
  idleSignedOut: 'U was een tijd niet actief. Daarom bent u afgemeld. Meld u opnieuw aan.',
  expired: 'Uw aanmelding is verlopen. Meld u opnieuw aan.',
  teamlead: {
    title: 'Rapportages',
    body: 'De rapportages voor teamleiders staan nog niet in Keukentafel.',
  },
} as const;
