import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './fixtures/axe';
import { demo } from './fixtures/hub';
import { HouseholdFormPage } from './pages/household-form-page';
import { HouseholdListPage } from './pages/household-list-page';
import { IntakeSignalsPage } from './pages/intake-pages';
import { ChoosePinPage, SignInPage } from './pages/sign-in-page';
import { UnlockPage } from './pages/unlock-page';

const PIN = '975310';

test.use({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });

/** The list's count line ("4 huishoudens, 2 met spoed"). */
const countLine = (page: Page) => page.getByText(/^\d+ huishoudens?(, \d+ met spoed)?$/);
const crisisBanner = (page: Page) => page.getByRole('alert').filter({ hasText: 'Spoed' });

/** Ticks or unticks a signal and waits until the screen says it is stored. */
async function setSignal(page: Page, householdId: string, title: string, on: boolean): Promise<void> {
  const signals = new IntakeSignalsPage(page);
  await page.goto(`/#/huishoudens/${householdId}/gesprek/signalen`);
  await signals.search().fill('huisuit');
  await signals.signal(title).setChecked(on);
  await expect(signals.saved()).toBeVisible();
}

test('an urgent household is impossible to miss in the list and on its page', async ({ page }) => {
  test.setTimeout(30_000);
  const list = new HouseholdListPage(page);
  const first = () => list.items().first();

  // The demo hub seeds three households; Marco Jacobs has an announced energy cut-off.
  await page.goto('/');
  await new SignInPage(page).signIn(demo.worker.username, demo.worker.password);
  await new ChoosePinPage(page).choose(PIN);
  await expect(list.heading()).toBeVisible();
  await expect(countLine(page)).toHaveText('3 huishoudens, 1 met spoed');
  await expect(first()).toContainText('Marco Jacobs');
  await expect(first()).toContainText('Spoed: crisis');
  await expect(first()).toContainText('Afsluiting van gas, stroom of stadsverwarming');
  await expect(list.items().filter({ hasText: 'Spoed' })).toHaveCount(1);
  await expectNoAxeViolations(page, 'household list with an urgent household');

  // Its page shows the intake's crisis banner with the Wgs deadline.
  await list.open('Marco Jacobs').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Marco Jacobs' })).toBeVisible();
  await expect(crisisBanner(page)).toBeVisible();
  await expect(crisisBanner(page)).toContainText('Afsluiting van gas, stroom of stadsverwarming');
  // The demo story is moved to recent dates (its visit is today), so the deadline still lies ahead.
  await expect(crisisBanner(page)).toContainText(/Eerste gesprek met schuldhulp uiterlijk \w+dag \d+ \w+ \d{4}\./);
  await expect(page.getByRole('link', { name: 'Gesprek verder' })).toBeVisible();
  await expectNoAxeViolations(page, 'household page with a crisis');

  // A new household is not urgent, until a threatened eviction is ticked.
  await list.goto();
  await list.newHousehold().click();
  const form = new HouseholdFormPage(page);
  await form.fill({ name: 'Familie Peters', postcode: '6412 CD', members: [{ firstName: 'Ilse', lastName: 'Peters', role: 'adult', age: 37 }] });
  await form.save().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Familie Peters' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Gesprek beginnen' })).toBeVisible();
  await expect(crisisBanner(page)).toHaveCount(0);
  const id = /#\/huishoudens\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
  expect(id).not.toBe('');

  await setSignal(page, id, 'Dreigende huisuitzetting', true);
  await list.goto();
  await expect(countLine(page)).toHaveText('4 huishoudens, 2 met spoed');
  // Both urgent households on top (nearest deadline first; both were told today, so the same day), each with its deadline.
  const peters = list.item('Familie Peters');
  await expect(peters).toContainText('Spoed: crisis');
  await expect(peters).toContainText('Dreigende huisuitzetting');
  await expect(peters).toContainText(/Eerste gesprek uiterlijk \w+dag \d+ \w+ \d{4}\./);
  await expect(list.item('Marco Jacobs')).toContainText(/Eerste gesprek uiterlijk \w+dag \d+ \w+ \d{4}\./);
  await expect(list.items().nth(0).or(list.items().nth(1)).filter({ hasText: 'Familie Peters' })).toHaveCount(1);
  await expect(list.items().nth(0).or(list.items().nth(1)).filter({ hasText: 'Marco Jacobs' })).toHaveCount(1);
  await expectNoAxeViolations(page, 'household list with two urgent households');

  // Unticking takes the badge away again.
  await setSignal(page, id, 'Dreigende huisuitzetting', false);
  await list.goto();
  await expect(countLine(page)).toHaveText('4 huishoudens, 1 met spoed');
  await expect(list.item('Familie Peters')).not.toContainText('Spoed');
  await expect(first()).toContainText('Marco Jacobs');

  // After a reload the list is rebuilt from the stored signals, in the background after unlock.
  await page.reload();
  await new UnlockPage(page).unlock(PIN);
  await list.goto();
  await expect(first()).toContainText('Spoed: crisis');
  await expect(first()).toContainText('Marco Jacobs');
  await expect(list.items().filter({ hasText: 'Spoed' })).toHaveCount(1);
});
