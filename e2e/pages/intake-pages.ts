import type { Page } from '@playwright/test';

/** #/huishoudens/:id/gesprek and its pages: overview, one life domain, signals, money. */
export class IntakeOverviewPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  progress = () => this.page.getByText(/\d+ van 14 besproken/).first();
  tile = (title: string) => this.page.getByRole('main').getByRole('link', { name: new RegExp(`^${title} `) });
  urgentBanner = () => this.page.getByRole('alert').filter({ hasText: 'Spoed' });
  toSignals = () => this.page.getByRole('link', { name: 'Naar de signalen' });
  toMoney = () => this.page.getByRole('link', { name: 'Naar geldzaken' });
  regelingen = () => this.page.getByRole('region', { name: 'Regelingen en hulp die kunnen passen' });
  /** What was done with one suggestion: 'Nog niets', 'Besproken', 'Aangevraagd' or 'Niet gewenst'. */
  suggestionStatus = (name: string, status: string) =>
    this.page.getByRole('group', { name: `Wat is ermee gedaan? (${name})` }).getByRole('radio', { name: status, exact: true });
}

export class IntakeDomainPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  score = (n: number) => this.page.getByRole('radio', { name: new RegExp(`^${n} `) });
  ownView = () => this.page.getByLabel('Hoe ziet u het zelf?');
  goesWell = () => this.page.getByLabel('Wat gaat goed?');
  wishes = () => this.page.getByLabel('Wensen');
  done = () => this.page.getByRole('checkbox', { name: 'Besproken' });
  notApplicable = () => this.page.getByRole('checkbox', { name: 'Niet van toepassing' });
  addAction = () => this.page.getByRole('button', { name: 'Afspraak toevoegen' });
  action = (n: number) => this.page.getByRole('group', { name: `Afspraak ${n}`, exact: true });
  next = () => this.page.getByRole('link', { name: /^Volgende: / });
  saved = () => this.page.getByRole('status').filter({ hasText: 'Bewaard op dit apparaat' });

  async fillAction(n: number, a: { who: string; what: string; due: string }): Promise<void> {
    const group = this.action(n);
    await group.getByLabel('Wie').fill(a.who);
    await group.getByLabel('Wat').fill(a.what);
    await group.getByLabel('Wanneer').fill(a.due);
  }
}

export class IntakeSignalsPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  search = () => this.page.getByLabel('Zoek een signaal');
  signal = (title: string) => this.page.getByRole('checkbox', { name: new RegExp(`^${title}`) });
  observedOn = (title: string) => this.page.getByLabel(`Sinds wanneer? (${title})`);
  /** The button that unfolds a ticked signal's date and note. */
  details = (title: string) => this.page.getByRole('button', { name: `Datum en opmerking bij ${title}` });
  groupHeading = (domain: string) => this.page.getByRole('heading', { level: 2, name: domain, exact: true });
  /** The button that shows (or hides again) a domain's signals that cannot apply to this household. */
  showHidden = (domain: string) => this.page.getByRole('button', { name: `Toch tonen (${domain})` });
  hideHidden = (domain: string) => this.page.getByRole('button', { name: `Weer verbergen (${domain})` });

  /** Unfolds the details of a ticked signal when they are folded. */
  async openDetails(title: string): Promise<void> {
    const button = this.details(title);
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  }
  note = (title: string) => this.page.getByLabel(`Opmerking (${title})`);
  freeText = () => this.page.getByLabel('Beschrijf het signaal');
  addFree = () => this.page.getByRole('button', { name: 'Signaal toevoegen' });
  urgentBanner = () => this.page.getByRole('alert').filter({ hasText: 'Spoed' });
  saved = () => this.page.getByRole('status').filter({ hasText: 'Bewaard op dit apparaat' });
}

export class IntakeMoneyPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  group = (name: string) => this.page.getByRole('group', { name, exact: true });
  add = (label: 'Inkomen toevoegen' | 'Vaste last toevoegen' | 'Schuld toevoegen' | 'Regeling toevoegen') => this.page.getByRole('button', { name: label });
  budget = (label: 'Geen' | 'Budgetbeheer' | 'Beschermingsbewind') => this.group('Hulp bij geld').getByRole('radio', { name: label, exact: true });
  selfEmployed = (yes: boolean) => this.group('Bent u zelfstandig ondernemer (zzp)?').getByRole('radio', { name: yes ? 'Ja' : 'Nee' });
  householdType = () => this.page.getByLabel('Soort huishouden');
  useSuggestion = () => this.page.getByRole('button', { name: 'Voorstel gebruiken' });
  balance = () => this.page.getByTestId('balance');
  perWeek = () => this.page.getByTestId('per-week');
  totalDebt = () => this.page.getByTestId('total-debt');
  snapshot = () => this.page.getByRole('region', { name: 'Overzicht per maand' });
  normMonthly = () => this.page.getByTestId('norm-monthly');
  normFull = () => this.page.getByTestId('norm-full');
  pctMonthly = () => this.page.getByTestId('pct-monthly');
  pctFull = () => this.page.getByTestId('pct-full');
  belowNorm = () => this.page.getByTestId('below-norm');
  unknownDebts = () => this.page.getByTestId('unknown-debts');
  amountUnknown = (debt: number) => this.group(`Schuld ${debt}`).getByRole('checkbox', { name: 'Bedrag nog onbekend' });
  saved = () => this.page.getByRole('status').filter({ hasText: 'Bewaard op dit apparaat' });
}
