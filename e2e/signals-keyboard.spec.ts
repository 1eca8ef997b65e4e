import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './fixtures/axe';
import { cutHub, demo } from './fixtures/hub';
import { HouseholdFormPage } from './pages/household-form-page';
import { HouseholdListPage } from './pages/household-list-page';
import { IntakeDomainPage, IntakeOverviewPage, IntakeSignalsPage } from './pages/intake-pages';
import { ChoosePinPage, SignInPage } from './pages/sign-in-page';

const PIN = '864213';
const SHOTS = '/tmp/shots';

test.use({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });

/** The 13 signals of a Jeroen-like intake (single, bijstand, buy-now-pay-later debts, bailiff, food bank). */
const JEROEN_SIGNALS = [
  'Achterstand met de huur',
  'Achterstand bij de energieleverancier',
  'Achterstand met de zorgverzekering',
  'Post blijft dicht',
  'Incassobureau',
  'Deurwaarder',
  'Beslag op de bankrekening',
  'Lege koelkast',
  'Schulden door achteraf betalen',
  'Hoge telefoonrekening of schuld',
  'Minder contact met anderen',
  'Veel stress over geld',
  'Geen geld om mee te doen',
];

async function startWithJeroen(page: Page): Promise<string> {
  await page.goto('/');
  await new SignInPage(page).signIn(demo.worker.username, demo.worker.password);
  await new ChoosePinPage(page).choose(PIN);
  const list = new HouseholdListPage(page);
  await expect(list.heading()).toBeVisible();
  await list.newHousehold().click();
  const form = new HouseholdFormPage(page);
  await form.fill({ name: 'Jeroen Smits', postcode: '6411 CD', members: [{ firstName: 'Jeroen', lastName: 'Smits', role: 'adult', age: 40 }] });
  await form.save().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Jeroen Smits' })).toBeVisible();
  const id = /#\/huishoudens\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
  expect(id).not.toBe('');
  return id;
}

/** Tab presses from the search field until focus leaves the signals form: the page's keyboard length. */
async function tabStopsThroughForm(page: Page): Promise<number> {
  await new IntakeSignalsPage(page).search().focus();
  for (let stops = 1; stops < 400; stops++) {
    await page.keyboard.press('Tab');
    const inForm = await page.evaluate(() => document.activeElement?.closest('form.signals-form') !== null);
    if (!inForm) return stops;
  }
  throw new Error('focus never left the signals form');
}

test('the signals page of a Jeroen-like intake is quick by keyboard and has a heading per domain', async ({ page, context }) => {
  mkdirSync(SHOTS, { recursive: true });
  const id = await startWithJeroen(page);
  await cutHub(context);
  await page.goto(`/#/huishoudens/${id}/gesprek/signalen`);
  const signals = new IntakeSignalsPage(page);
  for (const title of JEROEN_SIGNALS) await signals.signal(title).first().check();
  await expect(signals.saved()).toBeVisible();

  // Before: 100 stops (checkbox, 4 date segments and a note per ticked signal, children's signals shown).
  // Now a ticked signal is its checkbox and one "Datum en opmerking" button; children's signals are folded away.
  const stops = await tabStopsThroughForm(page);
  console.log(`signals page, ${JEROEN_SIGNALS.length} ticked: ${stops} Tab stops through the form`);
  expect(stops).toBeLessThanOrEqual(45);

  // A heading per domain group, so a screen-reader user can jump; the page has one h1.
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  for (const domain of ['Geld', 'Wonen', 'Huishouden', 'Mensen om u heen', 'Ander signaal']) await expect(signals.groupHeading(domain)).toBeVisible();

  // Spoed only for a crisis that counts; bank garnishment (not switched on here) gets the calmer "Let op".
  const bank = page.getByRole('listitem').filter({ has: signals.signal('Beslag op de bankrekening') });
  await expect(bank).toContainText('Let op');
  await expect(bank).not.toContainText('Spoed');
  await expect(page.getByRole('listitem').filter({ has: signals.signal('Dreigende huisuitzetting') })).toContainText('Spoed');
  await expect(signals.urgentBanner()).toHaveCount(0);

  // No children: their signals are folded away, with a way to show them.
  await expect(signals.signal('Stress bij de kinderen')).toHaveCount(0);
  await expect(page.getByText('Dit huishouden heeft geen kinderen. Daarom staan 5 signalen over kinderen niet op deze pagina.')).toBeVisible();
  await signals.showHidden('Kinderen en opvoeding').click();
  await expect(signals.signal('Stress bij de kinderen')).toBeVisible();
  await signals.hideHidden('Kinderen en opvoeding').click();
  await expect(signals.signal('Stress bij de kinderen')).toHaveCount(0);

  // The details open on demand by keyboard, and the date field follows the button.
  await signals.details('Deurwaarder').focus();
  await page.keyboard.press('Enter');
  await expect(signals.details('Deurwaarder')).toHaveAttribute('aria-expanded', 'true');
  await signals.note('Deurwaarder').fill('Brief van de deurwaarder over de energierekening.');
  await expect(signals.saved()).toBeVisible();
  await expectNoAxeViolations(page, 'signals page with 13 signals ticked');

  const close = page.getByRole('button', { name: 'Sluiten' });
  if (await close.isVisible()) await close.click();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/signals-headings.png`, fullPage: true });
});

test('a domain that does not apply counts as discussed and folds its signals away', async ({ page, context }) => {
  const id = await startWithJeroen(page);
  await cutHub(context);
  const domain = new IntakeDomainPage(page);

  // No children: the children's domain says so, and "Niet van toepassing" counts it as discussed.
  await page.goto(`/#/huishoudens/${id}/gesprek/domein/kinderen-en-opvoeding`);
  await expect(page.getByText('Dit huishouden heeft geen kinderen.', { exact: false })).toBeVisible();
  await domain.notApplicable().check();
  await expect(domain.saved()).toBeVisible();
  await page.goto(`/#/huishoudens/${id}/gesprek/domein/verslaving`);
  await domain.notApplicable().check();
  await expect(domain.saved()).toBeVisible();
  await expectNoAxeViolations(page, 'domain page marked not applicable');

  const overview = new IntakeOverviewPage(page);
  await page.goto(`/#/huishoudens/${id}/gesprek`);
  await expect(overview.progress()).toHaveText('2 van 14 besproken');
  await expect(overview.tile('Alcohol, drugs en gokken')).toContainText('Niet van toepassing');
  await expect(page.getByRole('link', { name: 'Verder met Geld' })).toBeVisible();

  // The gambling signal is folded away with the reason, and can be shown.
  const signals = new IntakeSignalsPage(page);
  await page.goto(`/#/huishoudens/${id}/gesprek/signalen`);
  await expect(signals.signal('Schulden door gokken')).toHaveCount(0);
  await expect(page.getByText('Dit leefgebied is niet van toepassing. Daarom staat 1 signaal niet op deze pagina.')).toBeVisible();
  await signals.showHidden('Alcohol, drugs en gokken').click();
  await expect(signals.signal('Schulden door gokken')).toBeVisible();
  await expectNoAxeViolations(page, 'signals page with a domain that does not apply');
});
