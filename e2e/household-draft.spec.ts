import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './fixtures/axe';
import { rawStoreText } from './fixtures/raw-store';
import { demo } from './fixtures/hub';
import { AppShell } from './pages/app-shell';
import { HouseholdFormPage } from './pages/household-form-page';
import { HouseholdListPage } from './pages/household-list-page';
import { ChoosePinPage, SignInPage } from './pages/sign-in-page';
import { UnlockPage } from './pages/unlock-page';

const PIN = '135792';

test.use({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
test('a half-typed household survives a crash and is gone once saved', async ({ page }) => {
  test.setTimeout(30_000);
  const list = new HouseholdListPage(page);
  const form = new HouseholdFormPage(page);
  const shell = new AppShell(page);
  const kept = page.getByRole('status').filter({ hasText: 'Concept bewaard op dit apparaat' });
  const restoredNotice = page.getByText('Wat nog niet was opgeslagen, staat er weer.');

  await page.goto('/');
  await new SignInPage(page).signIn(demo.worker.username, demo.worker.password);
  await new ChoosePinPage(page).choose(PIN);
  await expect(list.heading()).toBeVisible();

  // Half a household: no last name, no age, nothing saved.
  await list.newHousehold().click();
  await form.name().fill('Familie Conceptvan');
  await form.postcode().fill('6412 cd');
  await form.member(1).getByLabel('Voornaam').fill('Rikkert');
  await expect(kept).toBeVisible();
  expect(await rawStoreText(page, ['drafts'])).not.toMatch(/Conceptvan|Rikkert|6412/);

  // The page dies (as after a crash): reload, unlock, open the form again.
  await page.reload();
  await new UnlockPage(page).unlock(PIN);
  await expect(shell.nav()).toBeVisible();
  await shell.households().click();
  await list.newHousehold().click();
  await expect(restoredNotice).toBeVisible();
  await expect(form.name()).toHaveValue('Familie Conceptvan');
  // Leaving the field wrote the postcode in its normal form, as it was on screen.
  await expect(form.postcode()).toHaveValue('6412 CD');
  await expect(form.member(1).getByLabel('Voornaam')).toHaveValue('Rikkert');
  await expectNoAxeViolations(page, 'household form with a restored draft');

  await form.save().click();
  await expect(shell.heading()).toHaveText('Familie Conceptvan');

  // The draft went with the save: a new household starts empty, without the notice.
  await shell.households().click();
  await list.newHousehold().click();
  await expect(form.name()).toHaveValue('');
  await expect(form.postcode()).toHaveValue('');
  await expect(form.member(1).getByLabel('Voornaam')).toHaveValue('');
  await expect(restoredNotice).toBeHidden();
});
