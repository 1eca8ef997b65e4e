import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './fixtures/axe';
import { demo } from './fixtures/hub';
import { HouseholdFormPage } from './pages/household-form-page';
import { HouseholdListPage } from './pages/household-list-page';
import { IntakeMoneyPage, IntakeOverviewPage, IntakeSignalsPage } from './pages/intake-pages';
import { ChoosePinPage, SignInPage } from './pages/sign-in-page';
import { UnlockPage } from './pages/unlock-page';

const PIN = '246813';
const SHOTS = '/tmp/shots';
test.use({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });

/** Adds one debt row and fills it; `amount: null` ticks "Bedrag nog onbekend". */
async function addDebt(money: IntakeMoneyPage, n: number, d: { creditor: string; amount: string | null; type: string; stage: string }): Promise<void> {
  await money.add('Schuld toevoegen').click();
  const row = money.group(`Schuld ${n}`);
  await row.getByLabel('Aan wie is de schuld?').fill(d.creditor);
  if (d.amount === null) await money.amountUnknown(n).check();
  else await row.getByLabel('Bedrag', { exact: true }).fill(d.amount);
  await row.getByLabel('Soort schuld').selectOption({ label: d.type });
  await row.getByLabel('Hoe ver is de schuld?').selectOption({ label: d.stage });
}

async function newJeroen(page: Page): Promise<string> {
  await page.goto('/');
  await new SignInPage(page).signIn(demo.worker.username, demo.worker.password);
  await new ChoosePinPage(page).choose(PIN);
  await new HouseholdListPage(page).newHousehold().click();
  const form = new HouseholdFormPage(page);
  await form.fill({ name: 'Jeroen Bakker', postcode: '6411 AB', members: [{ firstName: 'Jeroen', lastName: 'Bakker', role: 'adult', age: 40 }] });
  await form.street().fill('Akerstraat');
  await form.houseNumber().fill('twaalf');
  await form.town().fill('Heerlen');
  await form.save().click();
  await expect(page.getByText('Vul een huisnummer in, zoals 12, 12a of 12-2.')).toBeVisible();
  await expect(form.houseNumber()).toBeFocused();
  await expectNoAxeViolations(page, 'household form with an address error');
  await form.houseNumber().fill('12a');
  await form.save().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Jeroen Bakker' })).toBeVisible();
  await expect(page.getByTestId('household-address')).toHaveText('Akerstraat 12a6411 AB Heerlen');
  const id = /#\/huishoudens\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
  expect(id).not.toBe('');
  return id;
}

test('Jeroen at the table: both norms, an unknown debt amount, the help he was missing, and what was done with it', async ({ page }) => {
  mkdirSync(SHOTS, { recursive: true });
  const id = await newJeroen(page);
  const money = new IntakeMoneyPage(page);
  const overview = new IntakeOverviewPage(page);
  const signals = new IntakeSignalsPage(page);

  await page.goto(`/#/huishoudens/${id}/gesprek/signalen`);
  for (const title of ['Achterstand met de zorgverzekering', 'Schulden door achteraf betalen', 'Incassobureau', 'Achterstand bij de energieleverancier', 'Wil graag \\(meer\\) werken']) {
    await signals.signal(title).first().check();
  }
  await expect(signals.saved()).toBeVisible();

  await page.goto(`/#/huishoudens/${id}/gesprek/geld`);
  await money.add('Inkomen toevoegen').click();
  await money.group('Inkomen 1').getByLabel('Soort inkomen').selectOption({ label: 'Bijstand (Participatiewet)' });
  await money.group('Inkomen 1').getByLabel('Netto per maand').fill('1.100');
  await money.add('Vaste last toevoegen').click();
  await money.group('Vaste last 1').getByLabel('Per maand').fill('720');
  await money.add('Vaste last toevoegen').click();
  await money.group('Vaste last 2').getByLabel('Soort').selectOption({ label: 'Zorgverzekering' });
  await money.group('Vaste last 2').getByLabel('Per maand').fill('140');
  await addDebt(money, 1, { creditor: 'Zorgverzekeraar', amount: '600', type: 'Zorgverzekering', stage: 'Aanmaning' });
  await addDebt(money, 2, { creditor: 'Achterafbetaaldienst A', amount: '250', type: 'Achteraf betalen', stage: 'Incassobureau' });
  await addDebt(money, 3, { creditor: 'Achterafbetaaldienst B', amount: '120', type: 'Achteraf betalen', stage: 'Aanmaning' });
  await addDebt(money, 4, { creditor: 'Achterafbetaaldienst C', amount: null, type: 'Achteraf betalen', stage: 'Herinnering' });
  await addDebt(money, 5, { creditor: 'Energieleverancier', amount: '450', type: 'Energie', stage: 'Deurwaarder' });
  await money.budget('Geen').check();
  await page.getByRole('radio', { name: 'Ja, beschermingsbewind' }).check();
  await page.getByLabel('Hoeveel jaar?').fill('13');
  await page.getByLabel('Tot welk jaar?').fill('2024');
  await page.getByRole('checkbox', { name: 'Voedselbank' }).check();
  await money.useSuggestion().click();

  await expect(money.balance()).toHaveText('€ 240,00');
  await expect(money.snapshot()).toContainText('Leefgeld per maand');
  await expect(money.totalDebt()).toHaveText('€ 1.420,00');
  await expect(money.unknownDebts()).toHaveText('Daarnaast is er 1 schuld met een onbekend bedrag. Die telt niet mee in het totaal.');
  await expect(money.normMonthly()).toHaveText('€ 1.300,61');
  await expect(money.normFull()).toHaveText('€ 1.369,06');
  await expect(money.pctMonthly()).toHaveText('Het inkomen is 84,6% van de bijstandsnorm per maand.');
  await expect(money.pctFull()).toHaveText('Tegenover de norm met vakantiegeld is dat 80,3%.');
  await expect(money.belowNorm()).toContainText('Vraag rustig hoe dat komt.');
  await expect(money.saved()).toBeVisible();
  await expectNoAxeViolations(page, 'money page with both norms');
  await money.snapshot().screenshot({ path: `${SHOTS}/money-panel.png` });
  await page.screenshot({ path: `${SHOTS}/money-page.png`, fullPage: true });

  await page.goto(`/#/huishoudens/${id}/gesprek`);
  const region = overview.regelingen();
  for (const name of ['Zorgtoeslag', 'Noodfonds energie', 'Budgetcoaching', 'Hulp bij werk van de gemeente', 'Collectieve zorgverzekering']) {
    await expect(region.getByRole('heading', { level: 3, name })).toBeVisible();
  }
  await expect(region.getByRole('heading', { level: 3, name: 'Voedselbank' })).toHaveCount(0);
  await expect(region).toContainText('omdat u eerder 13 jaar beschermingsbewind had');
  await expect(page.getByTestId('overview-unknown-debts')).toHaveText('Daarnaast is er 1 schuld met een onbekend bedrag. Die telt niet mee in het totaal.');
  await expect(region).toContainText('Dan kan de verzekeraar het overstappen tegenhouden.');
  await overview.suggestionStatus('Zorgtoeslag', 'Aangevraagd').check();
  await overview.suggestionStatus('Hulp bij werk van de gemeente', 'Besproken').check();
  // One Tab stop per suggestion: the arrow keys move within its choices.
  await overview.suggestionStatus('Hulp bij werk van de gemeente', 'Besproken').press('ArrowRight');
  await expect(overview.suggestionStatus('Hulp bij werk van de gemeente', 'Aangevraagd')).toBeChecked();
  await expect(page.getByTestId('advice-zorgtoeslag')).toContainText(/Aangevraagd op \d+ \w+ \d{4}/);
  await expect(page.getByRole('status').filter({ hasText: 'Bewaard op dit apparaat' })).toBeVisible();
  await expectNoAxeViolations(page, 'intake overview with marked suggestions');
  await region.screenshot({ path: `${SHOTS}/regelingen.png` });

  // After a reload everything is as it was: the marks, the unknown amount (not € 0,00), past bewind.
  await page.reload();
  await new UnlockPage(page).unlock(PIN);
  await expect(overview.suggestionStatus('Zorgtoeslag', 'Aangevraagd')).toBeChecked();
  await expect(overview.suggestionStatus('Hulp bij werk van de gemeente', 'Aangevraagd')).toBeChecked();
  await page.goto(`/#/huishoudens/${id}/gesprek/geld`);
  await expect(money.amountUnknown(4)).toBeChecked();
  await expect(money.group('Schuld 4').getByLabel('Bedrag', { exact: true })).toHaveCount(0);
  await expect(money.unknownDebts()).toBeVisible();
  await expect(money.totalDebt()).toHaveText('€ 1.420,00');
  await expect(page.getByLabel('Hoeveel jaar?')).toHaveValue('13');
  await expect(page.getByRole('checkbox', { name: 'Voedselbank' })).toBeChecked();
});
