import { expect, test, type APIRequestContext } from '@playwright/test';
import { deviceListResponseSchema } from '../shared/api/accounts';
import { loginResponseSchema } from '../shared/api/auth';
import { expectNoAxeViolations } from './fixtures/axe';
import { demo, hubUrl } from './fixtures/hub';
import { AppShell } from './pages/app-shell';
import { HouseholdFormPage } from './pages/household-form-page';
import { HouseholdListPage } from './pages/household-list-page';
import { ChoosePinPage, SignInPage } from './pages/sign-in-page';
import { RecoverPage, UnlockPage, WipePage } from './pages/unlock-page';

const PIN = '813579';
const NEW_PIN = '592746';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await new SignInPage(page).signIn(demo.worker.username, demo.worker.password);
  await new ChoosePinPage(page).choose(PIN);
  await expect(new HouseholdListPage(page).heading()).toBeVisible();
});

test('a worker who forgot the PIN signs in with the password, chooses a new PIN and keeps every household', async ({ page }) => {
  const list = new HouseholdListPage(page);
  const unlock = new UnlockPage(page);
  const recover = new RecoverPage(page);
  await expect(list.items().first()).toBeVisible();
  // Names only: a card's send state may move on while the worker recovers the PIN.
  const householdNames = () => list.items().getByRole('link').allInnerTexts();
  const names = (await householdNames()).sort();
  await new AppShell(page).lock().click();

  await unlock.forgot().click();
  await expect(recover.heading()).toBeVisible();
  await expect(page.getByText('Alle gegevens op dit apparaat blijven bewaard.')).toBeVisible();
  await expectNoAxeViolations(page, 'forgotten PIN');
  // A wrong password opens nothing.
  await recover.recover('niet-het-wachtwoord', NEW_PIN);
  await expect(recover.alert()).toContainText('Gebruikersnaam of wachtwoord klopt niet.');
  await recover.recover(demo.worker.password, NEW_PIN);
  await expect(list.heading()).toBeVisible();
  await expect(list.items()).toHaveCount(names.length);
  expect((await householdNames()).sort()).toEqual(names);

  // The old PIN is gone; the new one opens the device.
  await new AppShell(page).lock().click();
  await unlock.unlock(PIN);
  await expect(unlock.alert()).toContainText('Deze pincode klopt niet.');
  await unlock.unlock(NEW_PIN);
  await expect(list.heading()).toBeVisible();
});

test('wiping the device says what is lost and needs the PIN or the password', async ({ page }) => {
  const unlock = new UnlockPage(page);
  const wipe = new WipePage(page);
  await new AppShell(page).lock().click();
  await unlock.otherAccount().click();
  await expect(wipe.heading()).toBeVisible();
  await expect(page.getByText('De rest is na het wissen echt weg.')).toBeVisible();
  await expectNoAxeViolations(page, 'wipe the device');
  await wipe.confirm().click();
  await expect(page.getByText('Vul de pincode of het wachtwoord in.')).toBeVisible();
  await wipe.pin().fill('135792');
  await wipe.confirm().click();
  await expect(wipe.alert()).toContainText('Vul de pincode of het wachtwoord van dit account in om het apparaat te wissen.');
  await wipe.pin().fill(PIN);
  await wipe.confirm().click();
  await expect(new SignInPage(page).heading()).toBeVisible();
});

/** The team lead revokes every device of the demo team still active: earlier specs' browsers are gone. */
async function revokeDevices(request: APIRequestContext): Promise<void> {
  const login = await request.post(`${hubUrl}/api/v1/auth/login`, { data: demo.teamlead });
  const { token } = loginResponseSchema.parse(await login.json());
  const headers = { authorization: `Bearer ${token}` };
  const { devices } = deviceListResponseSchema.parse(await (await request.get(`${hubUrl}/api/v1/devices?limit=200`, { headers })).json());
  const active = devices.filter((d) => d.revokedAt === null);
  expect(active.length).toBeGreaterThan(0);
  for (const d of active) expect((await request.post(`${hubUrl}/api/v1/devices/${d.deviceId}/revoke`, { headers })).status()).toBe(200);
}

test('a device the team lead revoked wipes itself while open, at its next send', async ({ page, request }) => {
  // Offline first: otherwise the engine's own tick may reach the hub, and wipe, before the worker saves.
  await page.context().setOffline(true);
  await revokeDevices(request);
  const list = new HouseholdListPage(page);
  const form = new HouseholdFormPage(page);
  await list.newHousehold().click();
  await form.fill({ name: 'Familie Kwijt', postcode: '6411 AB', members: [{ firstName: 'Rik', lastName: 'Kwijt', role: 'adult', age: 40 }] });
  await form.save().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Familie Kwijt' })).toBeVisible();
  await page.context().setOffline(false);
  await expect(new SignInPage(page).heading()).toBeVisible();
  await page.reload();
  await expect(new SignInPage(page).heading()).toBeVisible();
});

test('a locked device the team lead revoked wipes itself when it next reaches the hub', async ({ page, request }) => {
  await new AppShell(page).lock().click();
  await revokeDevices(request);

  await new UnlockPage(page).forgot().click();
  await new RecoverPage(page).recover(demo.worker.password, NEW_PIN);
  await expect(new SignInPage(page).heading()).toBeVisible();
  await expectNoAxeViolations(page, 'sign-in after the device wiped itself');
});
