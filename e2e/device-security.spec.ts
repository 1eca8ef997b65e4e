import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './fixtures/axe';
import { demo } from './fixtures/hub';
import { HouseholdListPage } from './pages/household-list-page';
import { ChoosePinPage, SignInPage } from './pages/sign-in-page';
import { UnlockPage } from './pages/unlock-page';

const PIN = '582039';

test('an easy PIN is refused at the field; a good one opens the app with Argon2id under the strict CSP', async ({ page }) => {
  const cspErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
  });
  await page.goto('/');
  await new SignInPage(page).signIn(demo.worker.username, demo.worker.password);
  const choosePin = new ChoosePinPage(page);
  for (const easy of ['123456', '010190']) {
    await choosePin.choose(easy);
    await expect(choosePin.pin()).toHaveAccessibleDescription(/Deze pincode is te makkelijk te raden\. Kies cijfers zonder herhaling, reeks of datum\./);
    await expect(choosePin.heading()).toBeVisible();
  }
  await expectNoAxeViolations(page, 'choose PIN with an easy PIN');
  await choosePin.choose('24681');
  await expect(choosePin.pin()).toHaveAccessibleDescription(/Een pincode heeft 6 tot 12 cijfers\./);

  await choosePin.choose(PIN);
  const list = new HouseholdListPage(page);
  await expect(list.heading()).toBeVisible();
  // The account row names the KDF that wrapped the key.
  const kdf = await page.evaluate(
    () =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open('keukentafel');
        open.onerror = () => reject(new Error('open failed'));
        open.onsuccess = () => {
          const get = open.result.transaction('meta').objectStore('meta').get('account');
          get.onsuccess = () => resolve((get.result as { kdf?: unknown } | undefined)?.kdf);
          get.onerror = () => reject(new Error('get failed'));
        };
      }),
  );
  expect(kdf).toEqual({ algorithm: 'argon2id', memoryKiB: 131072, passes: 4, parallelism: 1 });

  await page.reload();
  const unlock = new UnlockPage(page);
  await unlock.unlock('582040');
  await expect(unlock.alert()).toContainText('Deze pincode klopt niet.');
  await unlock.unlock(PIN);
  await expect(list.heading()).toBeVisible();
  expect(cspErrors).toEqual([]);
});

test('the browser host will not enrol against a hub that is not in demo mode, and says why', async ({ page }) => {
  // The same hub, answering as a real municipality's hub would: without the demo flag.
  await page.route('**/api/v1/auth/login', async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as Record<string, unknown>;
    delete body.demo;
    await route.fulfill({ response, json: body });
  });
  await page.goto('/');
  const signIn = new SignInPage(page);
  await signIn.signIn(demo.worker.username, demo.worker.password);
  await expect(signIn.alert()).toContainText('Deze versie in de browser is alleen om te oefenen.');
  await expect(signIn.alert()).toContainText('Gebruik voor echte huishoudens de Keukentafel-app op de laptop.');
  await expect(signIn.heading()).toBeVisible();
  await expect(new ChoosePinPage(page).heading()).toBeHidden();
  await expectNoAxeViolations(page, 'sign-in refused in the browser host');
});

test('a second tab on the same device store says so and does nothing; it carries on once the first tab closes', async ({ page, context }) => {
  await page.goto('/');
  await new SignInPage(page).signIn(demo.worker.username, demo.worker.password);
  await new ChoosePinPage(page).choose(PIN);
  const list = new HouseholdListPage(page);
  await expect(list.heading()).toBeVisible();

  const second = await context.newPage();
  await second.goto('/');
  await expect(second.getByRole('heading', { level: 1, name: 'Keukentafel is al open' })).toBeVisible();
  await expect(second.getByText('Keukentafel is al open in een ander tabblad. Werk in dat tabblad verder.')).toBeVisible();
  // Nothing to type into, nothing it could write: no sign-in, no PIN, no household list.
  await expect(second.getByRole('textbox')).toHaveCount(0);
  await expect(second.getByRole('button')).toHaveCount(0);
  await expectNoAxeViolations(second, 'second tab');
  // The first tab keeps working.
  await list.newHousehold().click();
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Keukentafel is al open');

  await page.close();
  const unlock = new UnlockPage(second);
  await expect(unlock.heading()).toBeVisible();
  await unlock.unlock(PIN);
  await expect(new HouseholdListPage(second).heading()).toBeVisible();
});
