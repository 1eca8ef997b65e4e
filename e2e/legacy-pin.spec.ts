import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './fixtures/axe';
import { demo } from './fixtures/hub';
import { makeLegacyWeakPin } from './fixtures/legacy-pin';
import { HouseholdListPage } from './pages/household-list-page';
import { ChoosePinPage, SignInPage } from './pages/sign-in-page';
import { UnlockPage } from './pages/unlock-page';

// Only to turn the device into an old one from inside the page (fixtures/legacy-pin.ts); the app's CSP is tested elsewhere.
test.use({ bypassCSP: true });

test('a device from before the 6-digit rule (PIN 12345, PBKDF2) opens once more, then asks for a new PIN and keeps everything', async ({ page }) => {
  await page.goto('/');
  await new SignInPage(page).signIn(demo.worker.username, demo.worker.password);
  await new ChoosePinPage(page).choose('582039');
  const list = new HouseholdListPage(page);
  await expect(list.heading()).toBeVisible();
  await expect(list.items().first()).toBeVisible();
  const households = await list.items().count();

  await makeLegacyWeakPin(page, '582039', '12345');
  await page.reload();
  const unlock = new UnlockPage(page);
  await unlock.unlock('12345');

  const change = new ChoosePinPage(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Kies een nieuwe pincode' })).toBeVisible();
  await expect(page.getByText('Deze pincode is te kort of te makkelijk te raden. Kies nu een nieuwe pincode.')).toBeVisible();
  await expectNoAxeViolations(page, 'change PIN');
  await change.pin().fill('123456');
  await change.repeat().fill('123456');
  await page.getByRole('button', { name: 'Nieuwe pincode opslaan' }).click();
  await expect(change.pin()).toHaveAccessibleDescription(/Deze pincode is te makkelijk te raden\./);
  await change.pin().fill('813579');
  await change.repeat().fill('813579');
  await page.getByRole('button', { name: 'Nieuwe pincode opslaan' }).click();
  await expect(list.heading()).toBeVisible();
  await expect(list.items()).toHaveCount(households);

  // The old PIN no longer opens the device; the new one does, straight to the app.
  await page.reload();
  await unlock.unlock('12345');
  await expect(unlock.alert()).toContainText('Deze pincode klopt niet.');
  await unlock.unlock('813579');
  await expect(list.heading()).toBeVisible();
  await expect(list.items()).toHaveCount(households);
});
