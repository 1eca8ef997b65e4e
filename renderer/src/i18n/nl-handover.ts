/** Texts of the warm handover and the resident's summary. Dutch B1; instructions to the worker in the imperative. */

export const nlHandover = {
  summaryTitle: 'Samenvatting voor de bewoner',
  summaryExplain: 'Geef de bewoner op papier wat u samen heeft besproken: de afspraken, wie wat doet en wie ze kunnen bellen.',
  summaryDownload: 'Samenvatting downloaden (pdf)',
  summaryBusy: 'De samenvatting wordt gemaakt…',
  summaryDone: 'De samenvatting is gedownload. Print hem of bewaar hem voor de bewoner.',
  summaryFailed: 'Het maken van de samenvatting lukte niet. Probeer het opnieuw.',
  /** The file name holds no name of the resident: a downloads folder is not a private place. */
  summaryFileName: (date: string) => `Wat-we-samen-hebben-besproken-${date}.pdf`,
  workerRole: 'Buurtteammedewerker',
  organisation: (municipality: string) => `Buurtteam ${municipality}`,
};
