import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './fixtures/axe';
import { cutHub, demo } from './fixtures/hub';
import { HouseholdFormPage } from './pages/household-form-page';
import { HouseholdListPage } from './pages/household-list-page';
import { IntakeDomainPage } from './pages/intake-pages';
import { ChoosePinPage, SignInPage } from './pages/sign-in-page';
import { UnlockPage } from './pages/unlock-page';

const PIN = '531864';

test.use({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });

test('adding and removing agreed actions keeps focus where the worker is, with an undo', async ({ page, context }) => {
  await page.goto('/');
  await new SignInPage(page).signIn(demo.worker.username, demo.worker.password);
  await new ChoosePinPage(page).choose(PIN);
  const list = new HouseholdListPage(page);
  await expect(list.heading()).toBeVisible();
  await list.newHousehold().click();
  const form = new HouseholdFormPage(page);
  await form.fill({ name: 'Familie Focus', postcode: '6411 CD', members: [{ firstName: 'Jeroen', lastName: 'Focus', role: 'adult', age: 40 }] });
  await form.save().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Familie Focus' })).toBeVisible();
  const id = /#\/huishoudens\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
  await cutHub(context);
  await page.goto(`/#/huishoudens/${id}/gesprek/domein/werk-en-school`);
  const domain = new IntakeDomainPage(page);

  // Adding by keyboard: focus goes to the new row's first field, and the button stays in view below it.
  await domain.addAction().focus();
  await page.keyboard.press('Enter');
  await expect(domain.action(1).getByLabel('Wie')).toBeFocused();
  await page.keyboard.type('Jeroen');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Cv opsturen naar het werkbedrijf');
  await domain.addAction().focus();
  await page.keyboard.press('Enter');
  await expect(domain.action(2).getByLabel('Wie')).toBeFocused();
  await expect(domain.action(2).getByLabel('Wie')).toBeInViewport();
  await expect(domain.addAction()).toBeInViewport();
  await page.keyboard.type('Buurtteam');
  await domain.addAction().press('Enter');
  await domain.action(3).getByLabel('Wie').fill('Geldcoach');

  // Removing the first: focus goes to the row that took its place, and the removal can be undone.
  await domain.action(1).getByRole('button', { name: 'Afspraak 1 verwijderen' }).press('Enter');
  await expect(domain.action(1).getByLabel('Wie')).toHaveValue('Buurtteam');
  await expect(domain.action(1).getByLabel('Wie')).toBeFocused();
  await expect(page.getByRole('main').getByText('Afspraak 1 is verwijderd.', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page, 'domain page with an undo offer');
  // The undo sits where the row was: one Shift+Tab back from the neighbour's first field.
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('button', { name: /^Ongedaan maken \(Afspraak 1 terugzetten\)$/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(domain.action(1).getByLabel('Wie')).toHaveValue('Jeroen');
  await expect(domain.action(1).getByLabel('Wat')).toHaveValue('Cv opsturen naar het werkbedrijf');
  await expect(domain.action(1).getByLabel('Wie')).toBeFocused();
  await expect(domain.action(3).getByLabel('Wie')).toHaveValue('Geldcoach');

  // Removing the last row: focus goes to the one before it.
  await domain.action(3).getByRole('button', { name: 'Afspraak 3 verwijderen' }).press('Enter');
  await expect(domain.action(2).getByLabel('Wie')).toBeFocused();
  await expect(domain.action(3)).toHaveCount(0);
  await expect(domain.saved()).toBeVisible();

  // After a reload the undone removal is kept and the removed one is gone.
  await page.reload();
  await new UnlockPage(page).unlock(PIN);
  await expect(domain.action(1).getByLabel('Wie')).toHaveValue('Jeroen');
  await expect(domain.action(2).getByLabel('Wie')).toHaveValue('Buurtteam');
  await expect(domain.action(3)).toHaveCount(0);
});
