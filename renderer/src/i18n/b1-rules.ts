import type { B1Rules } from './b1-check';

/**
 * House rules for plain Dutch (B1). The convention: "u" is always the resident, in sentences the
 * worker reads aloud; instructions to the worker use the imperative ("Vul de pincode in").
 *
 * To add a text: keep each sentence to 20 words or fewer, use the plain word from `avoid`, and
 * only if "u" there is the resident, add its source to `readAloud`. An exception needs a reason.
 */
export const b1Rules: B1Rules = {
  maxWords: 20,
  avoid: [
    { word: 'indien', use: 'als' },
    { word: 'echter', use: 'maar' },
    { word: 'reeds', use: 'al' },
    { word: 'middels', use: 'met' },
    { word: 'teneinde', use: 'om' },
    { word: 'alsmede', use: 'en' },
    { word: 'derhalve', use: 'daarom' },
    { word: 'omtrent', use: 'over' },
    { word: 'inzake', use: 'over' },
    { word: 'ten behoeve van', use: 'voor' },
    { word: 'dient', use: 'moet' },
    { word: 'dienen', use: 'moeten' },
    { word: 'verstreken', use: 'voorbij' },
    { word: 'retour', use: 'terug' },
    { word: 'fase', use: 'stap (hoe ver de schuld is)' },
    { word: 'schuldeiser', use: 'aan wie de schuld is' },
    { word: 'intake', use: 'gesprek' },
    { word: 'browser', use: 'de app of de computer (Keukentafel is een app op de laptop)' },
    { word: 'invoer', use: 'wat is ingevuld' },
    { word: 'indienen', use: 'aanvragen of sturen' },
    { word: 'ten aanzien van', use: 'over' },
    { word: 'woonachtig', use: 'wonen' },
    { word: 'alvorens', use: 'voordat' },
    { word: 'aanvang', use: 'begin' },
    { word: 'conform', use: 'volgens' },
    { word: 'tevens', use: 'ook' },
  ],
  readAloud: [
    { source: 'resources/', reason: 'Life-domain questions, signals, help and regelingen are said to the resident at the table.' },
    { source: 'regelingen/', reason: 'Suggested regelingen ("U heeft misschien recht op …") are read to the resident.' },
    { source: 'shared/domain/regelingen.ts:', reason: 'Builds the regelingen sentences read to the resident.' },
    { source: 'renderer/src/features/handover/resident-summary.ts:', reason: "The resident's own written summary: every \"u\" there is the resident." },
    { source: 'nlIntake.domain.ownView', reason: '"Hoe ziet u het zelf?" is asked to the resident.' },
    { source: 'nlIntake.money.selfEmployed', reason: '"Bent u zelfstandig ondernemer?" is asked to the resident.' },
    { source: 'nlIntake.money.usesHelp', reason: '"Welke hulp krijgt u al?" is asked to the resident.' },
    { source: 'nl.form.channel', reason: '"Hoe wilt u dat we contact opnemen?" is asked to the resident.' },
    { source: 'summary/', reason: '"Wat we samen hebben besproken" is the resident\'s own paper: every sentence speaks to the resident.' },
  ],
  exceptions: [
    { source: 'renderer/src/data/migrations/legacy-errors.ts:', allows: 'u', reason: 'Sentences stored by older versions, matched word for word to turn them into error codes.' },
    { source: 'renderer/src/data/migrations/legacy-history.ts:', allows: 'u', reason: 'History labels stored by older versions, matched word for word to migrate them.' },
    { source: 'shared/api/errors.ts:', allows: 'length', reason: 'English descriptions of the hub error codes for developers (the API reference); never shown to the worker.' },
    { source: 'errors.keys.browser-wrap-failed', allows: 'browser', reason: 'Only shown in the browser preview, where the key really is kept by the browser.' },
    { source: 'errors.keys.browser-mismatch', allows: 'browser', reason: 'Only shown in the browser preview, where the key really is kept by the browser.' },
    { source: 'errors.account.demo-only', allows: 'browser', reason: 'Only shown in the browser preview, to say why real households belong in the app.' },
  ],
};
