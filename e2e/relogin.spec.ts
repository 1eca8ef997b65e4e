import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './fixtures/axe';
import { casesOnHub, demo } from './fixtures/hub';
import { AppShell } from './pages/app-shell';
import { HouseholdFormPage } from './pages/household-form-page';
import { HouseholdListPage } from './pages/household-list-page';
import { ChoosePinPage, SignInPage } from './pages/sign-in-page';

const PIN = '813579';
const expiredBody = { error: 'unauthorized', message: 'Uw sessie is verlopen. Meld u opnieuw aan.' };

test('a worker whose hub sign-in expired signs in again and nothing is lost', async ({ page, context, request }) => {
  test.setTimeout(40_000);
  const list = new HouseholdListPage(page);
  const form = new HouseholdFormPage(page);
  const shell = new AppShell(page);
  const relogin = () => page.getByRole('banner').getByRole('link', { name: 'Opnieuw aanmelden nodig' });
  const renewForm = () => page.getByRole('region', { name: 'Opnieuw aanmelden' });

  await page.goto('/');
  await new SignInPage(page).signIn(demo.worker.username, demo.worker.password);
  await new ChoosePinPage(page).choose(PIN);
  await expect(list.heading()).toBeVisible();
  // The demo households go out with the first token.
  await expect(shell.syncIndicator()).toContainText('Alles is verstuurd');

  // From now on the hub treats the first token as expired (12 hours later); a new token passes.
  let firstToken: string | undefined;
  await context.route('**/api/v1/cases**', async (route) => {
    const authorization = route.request().headers().authorization ?? '';
    firstToken ??= authorization;
    if (authorization === firstToken) return route.fulfill({ status: 401, json: expiredBody });
    return route.continue();
  });

  await list.newHousehold().click();
  await form.fill({ name: 'Familie Verlopen', postcode: '6411 AB', members: [{ firstName: 'Rik', lastName: 'Verlopen', role: 'adult', age: 19 }] });
  await form.save().click();
  await expect(shell.heading()).toHaveText('Familie Verlopen');
  const caseId = /#\/huishoudens\/([0-9a-f-]{36})/.exec(page.url())?.[1];
  expect(caseId, 'household id in the URL').toBeTruthy();
  await expect(relogin()).toBeVisible();
  expect(firstToken).toMatch(/^Bearer .+/);

  await relogin().click();
  await expect(renewForm()).toContainText('De aanmelding bij de gemeente is verlopen. Het werk staat veilig op dit apparaat.');
  const username = renewForm().getByLabel('Gebruikersnaam');
  const password = renewForm().getByLabel('Wachtwoord');
  await expect(username).toHaveValue(demo.worker.username);
  await expect(username).not.toBeEditable();
  // Sending cannot work until the worker signed in again, so the button says no.
  await expect(page.getByRole('button', { name: 'Nu versturen' })).toBeDisabled();
  await expectNoAxeViolations(page, 'sync page with the sign-in form');

  // Keyboard only: type the password and press Enter.
  await password.fill('niet-het-wachtwoord');
  await password.press('Enter');
  await expect(renewForm()).toContainText('Dit wachtwoord klopt niet. Probeer het opnieuw.');
  await expect(password).toBeFocused();
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page, 'sync page with a wrong password');

  await password.fill(demo.worker.password);
  await renewForm().getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page.getByText('Weer aangemeld. Keukentafel verstuurt nu het werk.')).toBeAttached();
  await expect(renewForm()).toHaveCount(0);
  await expect(shell.syncIndicator()).toContainText('Alles is verstuurd');
  await expect(page.getByRole('button', { name: 'Nu versturen' })).toBeEnabled();

  await shell.households().click();
  await expect(list.item('Familie Verlopen')).toContainText('Aangemeld bij de gemeente, zonder gegevens');
  expect(await casesOnHub(request, caseId!)).toBe(1);
});
