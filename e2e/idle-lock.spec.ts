import { expect, test } from '@playwright/test';
import { demo } from './fixtures/hub';
import { HouseholdListPage } from './pages/household-list-page';
import { ChoosePinPage, SignInPage } from './pages/sign-in-page';
import { UnlockPage } from './pages/unlock-page';

test('the app locks itself after 10 minutes without input, and the PIN opens it where it was', async ({ page }) => {
  await page.clock.install();
  await page.goto('/');
  await new SignInPage(page).signIn(demo.worker.username, demo.worker.password);
  await new ChoosePinPage(page).choose('975310');
  const list = new HouseholdListPage(page);
  await expect(list.heading()).toBeVisible();

  // Nine minutes of quiet, then a key press: still open (input restarts the count).
  await page.clock.runFor('09:00');
  await list.search().press('a');
  await page.clock.runFor('09:00');
  await expect(list.heading()).toBeVisible();

  // Ten minutes without any input: locked, nothing of the households on screen.
  await page.clock.runFor('10:05');
  const unlock = new UnlockPage(page);
  await expect(unlock.heading()).toBeVisible();
  await expect(page.getByText('Familie Hendriks')).toHaveCount(0);
  await unlock.unlock('975310');
  await expect(list.heading()).toBeVisible();
});
