import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './fixtures/axe';
import { rawStoreText } from './fixtures/raw-store';
import { casesOnHub, cutHub, demo, restoreHub } from './fixtures/hub';
import { AppShell } from './pages/app-shell';
import { HouseholdFormPage } from './pages/household-form-page';
import { HouseholdListPage } from './pages/household-list-page';
import { ChoosePinPage, SignInPage } from './pages/sign-in-page';
import { UnlockPage } from './pages/unlock-page';

const PIN = '246813';

test('a worker signs in, creates a household offline, and it reaches the hub exactly once', async ({ page, context, request }) => {
  const signIn = new SignInPage(page);
  const list = new HouseholdListPage(page);
  const form = new HouseholdFormPage(page);
  const shell = new AppShell(page);
  const unlock = new UnlockPage(page);

  await page.goto('/');
  await expectNoAxeViolations(page, 'sign-in');
  await signIn.signIn(demo.worker.username, 'niet-het-wachtwoord');
  await expect(signIn.alert()).toContainText('Gebruikersnaam of wachtwoord klopt niet.');
  await signIn.signIn(demo.worker.username, demo.worker.password);
  const choosePin = new ChoosePinPage(page);
  await expect(choosePin.heading()).toBeVisible();
  await expectNoAxeViolations(page, 'choose PIN');
  await choosePin.choose(PIN);
  await expect(list.heading()).toBeVisible();
  await expectNoAxeViolations(page, 'household list');

  // The kitchen table: no network, the hub cannot be reached.
  await cutHub(context);
  await context.setOffline(true);
  await list.newHousehold().click();
  await form.save().click();
  await expect(form.name()).toBeFocused();
  await expect(page.getByText('Vul een naam voor het huishouden in.')).toBeVisible();
  await expectNoAxeViolations(page, 'household form with errors');
  await form.fill({
    name: 'Familie Keukentafeltest',
    postcode: '6411 xy',
    members: [
      { firstName: 'Bart', lastName: 'Keukentafeltest', role: 'adult', age: 41 },
      { firstName: 'Noor', lastName: 'Keukentafeltest', role: 'child', age: 9 },
    ],
  });
  await form.postcode().fill('12345');
  await form.save().click();
  await expect(page.getByText('Vul een Nederlandse postcode in, zoals 6411 AB.')).toBeVisible();
  await form.postcode().fill('6411 xy');
  await form.save().click();
  await expect(shell.heading()).toHaveText('Familie Keukentafeltest');
  await expect(page.getByRole('main').getByText('Wacht op verzending').first()).toBeVisible();
  await expectNoAxeViolations(page, 'household page');
  const caseId = /#\/huishoudens\/([0-9a-f-]{36})/.exec(page.url())?.[1];
  expect(caseId, 'household id in the URL').toBeTruthy();

  // Nothing personal is readable in IndexedDB.
  const raw = await rawStoreText(page);
  expect(raw.length).toBeGreaterThan(0);
  for (const secret of ['Keukentafeltest', '6411 XY', 'Noor']) expect(raw).not.toContain(secret);

  // Reload (the app files come back, the hub is still unreachable): unlock with the PIN, the household is there.
  await context.setOffline(false);
  await page.reload();
  await expect(unlock.heading()).toBeVisible();
  await expectNoAxeViolations(page, 'unlock');
  await unlock.unlock('000000');
  await expect(unlock.alert()).toContainText('Deze pincode klopt niet.');
  await unlock.unlock(PIN);
  // Unlocking resumes where the worker was: the household page.
  await expect(shell.heading()).toHaveText('Familie Keukentafeltest');
  await shell.households().click();
  await expect(list.heading()).toBeVisible();
  await expect(list.item('Familie Keukentafeltest')).toContainText('Wacht op verzending');
  await list.search().fill('keukentafeltest');
  await expect(list.items()).toHaveCount(1);

  // Network back. The first push reaches the hub but its answer is lost: the app must retry with the same key.
  await restoreHub(context);
  const keys: string[] = [];
  let answered = 0;
  // The app sends new cases through the batch route; an older hub would get them one per request.
  await context.route(/\/api\/v1\/cases(\/batch)?$/, async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    const batch = (route.request().postDataJSON() as { items?: { idempotencyKey: string }[] }).items;
    keys.push(...(batch ? batch.map((item) => item.idempotencyKey) : [route.request().headers()['idempotency-key'] ?? '']));
    const response = await route.fetch();
    if (answered++ === 0) return route.abort('connectionreset');
    return route.fulfill({ response });
  });
  await shell.syncPage().click();
  await expectNoAxeViolations(page, 'sync page');
  await page.getByRole('button', { name: 'Nu versturen' }).click();
  await shell.households().click();
  await expect(list.item('Familie Keukentafeltest')).toContainText('Aangemeld bij de gemeente, zonder gegevens', { timeout: 60_000 });
  await expect(shell.syncIndicator()).toContainText('Alles is verstuurd');

  const ours = keys.filter((k, i) => keys.indexOf(k) === i);
  expect(keys.length, 'the lost answer caused a retry').toBeGreaterThanOrEqual(2);
  expect(keys.filter((k) => k === keys[0]).length).toBeGreaterThanOrEqual(2);
  expect(ours.length).toBeGreaterThanOrEqual(1);
  expect(await casesOnHub(request, caseId!)).toBe(1);
});
