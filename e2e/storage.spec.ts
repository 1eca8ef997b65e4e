import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './fixtures/axe';
import { demo } from './fixtures/hub';
import { HouseholdListPage } from './pages/household-list-page';
import { ChoosePinPage, SignInPage } from './pages/sign-in-page';

test('the worker is warned before the device storage is full', async ({ page }) => {
  // The browser reports 87% of its quota in use (a real device gets there with years of visits and files).
  await page.addInitScript(() => {
    Object.defineProperty(navigator.storage, 'estimate', { value: () => Promise.resolve({ usage: 870, quota: 1000 }) });
  });
  await page.goto('/');
  await new SignInPage(page).signIn(demo.worker.username, demo.worker.password);
  await new ChoosePinPage(page).choose('813579');
  await expect(new HouseholdListPage(page).heading()).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'De opslag op dit apparaat is voor 87% vol.' })).toBeVisible();
  await expectNoAxeViolations(page, 'household list with a storage warning');
});
