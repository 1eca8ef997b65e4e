import type { AppError, AppErrorCode, ErrorParams } from '../../../shared/result';

/**
 * The one place where error codes become Dutch (B1; the worker is told in the imperative). Logic branches on `code`; only the
 * edge of the UI calls `errorText`. A hub code without an entry shows the hub's own Dutch message.
 */

type Text = (params: ErrorParams) => string;

const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);
const num = (params: ErrorParams, name: string): number => {
  const value = params[name];
  return typeof value === 'number' ? value : Number(value ?? 0);
};

/** "5 seconden", "1 minuut", "3 minuten": how long the worker has to wait. */
export function waitText(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 60) return `${seconds} ${plural(seconds, 'seconde', 'seconden')}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} ${plural(minutes, 'minuut', 'minuten')}`;
}

const appTexts: Readonly<Record<AppErrorCode, Text>> = {
  'ipc.sender': () => 'Dit verzoek komt niet van de app en is geweigerd.',
  'ipc.request': () => 'Het verzoek aan de computer klopt niet.',
  'ipc.response': () => 'De computer gaf een onverwacht antwoord.',
  'ipc.failed': () => 'Er ging iets mis op deze computer. Probeer het opnieuw.',
  'ipc.unreachable': () => 'De app kan deze computer nu niet bereiken. Start de app opnieuw.',
  'keys.no-keyring': () =>
    'Deze computer heeft geen veilige sleutelopslag. Vraag de beheerder om een sleutelring (bijvoorbeeld GNOME Keyring of KWallet) in te stellen.',
  'keys.unavailable': () => 'De veilige sleutelopslag van deze computer werkt nu niet. Probeer het later opnieuw.',
  'keys.wrap-failed': () => 'De sleutel kon niet veilig worden opgeslagen.',
  'keys.unwrap-failed': () => 'De sleutel kon niet worden geopend. Misschien hoort hij bij een andere computer of gebruiker.',
  'keys.browser-wrap-failed': () => 'De sleutel kon niet worden opgeslagen in deze browser.',
  'keys.browser-mismatch': () => 'De sleutel van deze browser past niet bij de opgeslagen gegevens.',
  'account.none': () => 'Er is nog niemand aangemeld op dit apparaat.',
  'account.other-worker': () => 'Dit apparaat hoort bij een andere medewerker. Wis eerst de gegevens op dit apparaat.',
  'account.key-problem': () => 'De sleutel op dit apparaat kan niet worden geopend. Probeer het opnieuw of vraag de beheerder om hulp.',
  'account.demo-only': () =>
    'Deze versie in de browser is alleen om te oefenen. De browser beschermt echte gegevens niet goed genoeg. ' +
    'Gebruik voor echte huishoudens de Keukentafel-app op de laptop.',
  'pin.invalid': () => 'Kies een pincode van 6 tot 12 cijfers.',
  'pin.too-easy': () => 'Deze pincode is te makkelijk te raden. Kies cijfers zonder herhaling, reeks of datum.',
  'account.upgrade-failed': () => 'De gegevens op dit apparaat konden niet worden bijgewerkt. Er is niets verloren. Probeer het opnieuw.',
  'account.no-recovery': () => 'Dit apparaat kan de gegevens niet herstellen met het wachtwoord. Vraag de beheerder om hulp.',
  'account.password-needed': (p) =>
    `Al meer dan ${num(p, 'days')} dagen geen aanmelding met het wachtwoord op dit apparaat. Meld aan met het wachtwoord. Daarna werkt de pincode weer.`,
  'account.wipe-refused': () => 'Vul de pincode of het wachtwoord van dit account in om het apparaat te wissen.',
  'pin.wrong': (p) => {
    const left = num(p, 'left');
    return `Deze pincode klopt niet. Er ${plural(left, 'is', 'zijn')} nog ${left} ${plural(left, 'poging', 'pogingen')} over.`;
  },
  'pin.too-often': (p) => `Te vaak een verkeerde pincode. Probeer het over ${waitText(num(p, 'waitMs'))} opnieuw.`,
  'session.locked': () => 'Keukentafel is vergrendeld. Ontgrendel eerst met de pincode.',
  'session.other-account': () => 'Dit is een ander account. Meld aan met het account van dit apparaat.',
  'session.not-saved': () => 'De nieuwe aanmelding kon niet op dit apparaat worden bewaard. Probeer het opnieuw.',
  'session.wrong-password': () => 'Dit wachtwoord klopt niet. Probeer het opnieuw.',
  'net.offline': () => 'Geen verbinding met de gemeente. Controleer het internet en probeer het opnieuw.',
  'net.insecure-hub': () =>
    'Het adres van de gemeente is niet beveiligd (http in plaats van https). Er wordt niets verstuurd. Vraag de beheerder om het adres aan te passen.',
  'net.timeout': () => 'De gemeente gaf niet op tijd antwoord. We proberen het straks opnieuw.',
  'hub.bad_answer': () => 'De gemeente gaf een onverwacht antwoord. Probeer het later opnieuw.',
  'sync.run-failed': () => 'Versturen lukte niet. We proberen het straks opnieuw.',
  'sync.wrong-entity': () => 'Dit bericht hoort bij een ander huishouden dan waar het staat. Het is niet verstuurd. Neem contact op met de beheerder.',
  'sync.unknown-kind': () => 'Keukentafel kent dit soort bericht niet. Neem contact op met de beheerder.',
  'sync.event-id-reused': () => 'De gemeente kent deze melding al met andere gegevens. Neem contact op met de beheerder.',
  'record.unreadable': () => 'Dit bericht kan niet worden gelezen. Neem contact op met de beheerder.',
  'input.invalid': (p) => (typeof p.message === 'string' && p.message !== '' ? p.message : 'Kijk dit veld na.'),
  'amount.empty': () => 'Vul een bedrag in.',
  'amount.format': () => 'Vul een bedrag in, zoals 1.234,56.',
  'amount.decimals': () => 'Gebruik hoogstens twee cijfers na de komma.',
  'amount.too-high': () => 'Dit bedrag is te hoog.',
  'dossier.consent-not-valid': () => 'Er is geen geldige toestemming. Vraag de bewoner eerst opnieuw om toestemming.',
  'dossier.consent-other-household': () => 'Deze toestemming hoort bij een ander huishouden. Vraag toestemming voor dit huishouden.',
  'dossier.unknown-recipient': () => 'Deze ontvanger kent de app niet. Kies een team uit de lijst.',
  'dossier.invalid': () => 'Het dossier klopt nog niet. Kijk de gegevens van het huishouden na.',
  'dossier.too-large': () => 'Het dossier is te groot om te versturen. Maak lange teksten korter.',
};

/** The hub's codes (server/src/plugins/errors.ts) as the device says them; the device's own wording wins. */
const hubTexts: Readonly<Record<string, Text>> = {
  'hub.unauthorized': () => 'Meld opnieuw aan om te versturen.',
  'hub.invalid_credentials': () => 'Gebruikersnaam of wachtwoord klopt niet.',
  'hub.rate_limited': () => 'De gemeente is even te druk. We proberen het straks opnieuw.',
  'hub.internal': () => 'Er ging iets mis bij de gemeente. We proberen het straks opnieuw.',
  'hub.unavailable': () => 'Er ging iets mis bij de gemeente. We proberen het straks opnieuw.',
};

const texts = new Map<string, Text>([...Object.entries(appTexts), ...Object.entries(hubTexts)]);
const fallback = 'Er ging iets mis. Probeer het opnieuw.';

export function errorText(error: AppError): string {
  const params = error.params ?? {};
  const text = texts.get(error.code);
  if (text) return text(params);
  if (error.code.startsWith('hub.') && typeof params.message === 'string' && params.message !== '') return params.message;
  return fallback;
}
