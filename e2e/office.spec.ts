import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './fixtures/axe';
import { returnAsColleague, sendHandover } from './fixtures/handover';
import { loginResponseSchema } from '../shared/api/auth';
import { demo, hubUrl } from './fixtures/hub';
import { SignInPage } from './pages/sign-in-page';
import { browserStorageText } from './fixtures/browser-storage';
import { dutchDateOf } from '../shared/domain/urgency';

const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('-');
const plainDate = (iso: string) => new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

test('a counsellor signs in to the office shell: no PIN, nothing stored, signed out again after a reload', async ({ page, request }) => {
  const signIn = new SignInPage(page);
  await page.goto('/');
  const loginAnswer = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login') && r.status() === 200);
  await signIn.signIn(demo.counsellor.username, demo.counsellor.password);
  const { token } = loginResponseSchema.parse(await (await loginAnswer).json());

  await expect(page.getByRole('heading', { level: 1, name: 'Overdrachten' })).toBeVisible();
  await expect(page.getByText(`Aangemeld als ${demo.counsellor.name} (Schuldhulpverlening)`)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Kies een pincode' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Vergrendelen' })).toHaveCount(0);
  await expectNoAxeViolations(page, 'office shell');

  // Nothing of the user or the session reaches the browser's storage.
  const stored = await browserStorageText(page);
  expect(stored).not.toContain(demo.counsellor.name);
  expect(stored).not.toContain(demo.counsellor.username);
  expect(stored).not.toMatch(/Bearer|token/i);

  // The token lived in memory only: a reload means signing in again.
  await page.reload();
  await expect(signIn.heading()).toBeVisible();
  // …and the reload ended the session at the hub: the old token no longer opens anything.
  await expect
    .poll(async () => (await request.get(`${hubUrl}/api/v1/handovers`, { headers: { authorization: `Bearer ${token}` } })).status())
    .toBe(401);

  await signIn.signIn(demo.counsellor.username, demo.counsellor.password);
  await page.getByRole('button', { name: 'Afmelden' }).click();
  await expect(signIn.heading()).toBeVisible();
});

test('a team lead gets the office shell too, without a PIN', async ({ page }) => {
  const signIn = new SignInPage(page);
  await page.goto('/');
  await signIn.signIn(demo.teamlead.username, demo.teamlead.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Rapportages' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Kies een pincode' })).toHaveCount(0);
  await expectNoAxeViolations(page, 'team lead office shell');
});

async function signInAsCounsellor(page: Page): Promise<void> {
  await page.goto('/');
  await new SignInPage(page).signIn(demo.counsellor.username, demo.counsellor.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Overdrachten' })).toBeVisible();
}

test('an empty inbox says so plainly', async ({ page }) => {
  await page.route('**/api/v1/handovers?*', (route) => route.fulfill({ json: { handovers: [], total: 0, nextCursor: null, asOf: new Date().toISOString(), arrived: null, withdrawn: [], areas: [], workers: [] } }));
  await signInAsCounsellor(page);
  await expect(page.getByText('Er zijn geen overdrachten voor dit team.')).toBeVisible();
  await expectNoAxeViolations(page, 'empty inbox');
});

test('the counsellor sees new handovers appear, opens a dossier, meets a colleague’s return, accepts another and plans its first conversation', async ({ page, request }) => {
  test.setTimeout(120_000);
  await page.clock.install();
  await signInAsCounsellor(page);
  const first = await sendHandover(request, 1);
  const second = await sendHandover(request, 2);
  // No refresh: the inbox asks the hub again by itself.
  await page.clock.fastForward(25_000);
  const row = page.getByRole('row').filter({ hasText: first.clientName });
  await expect(row).toBeVisible();
  await expect(row).toContainText('Nieuw');
  await expect(row).toContainText(/Eerste gesprek: (nog \d+ dag|vandaag)/);
  await expect(page.getByRole('status').filter({ hasText: 'nieuwe overdracht' })).toBeVisible();
  await expectNoAxeViolations(page, 'inbox');

  // Search and the status filter narrow the list.
  await page.getByLabel('Zoeken').fill('geen-naam-zoals-deze');
  await expect(page.getByText('Geen overdrachten gevonden.')).toBeVisible();
  await page.getByLabel('Zoeken').fill(first.clientName.slice(0, 4).toUpperCase());
  await expect(row).toBeVisible();
  await page.getByLabel('Status').selectOption('returned');
  await expect(row).toHaveCount(0);
  await page.getByLabel('Status').selectOption('open');
  await page.getByLabel('Zoeken').fill('');
  await expect(row).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('inbox.png'), fullPage: true });

  // Keyboard: the name is a button that opens the dossier.
  await row.getByRole('button', { name: first.clientName }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: `Dossier ${first.clientName}` })).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Stand van zaken' })).toBeVisible();
  await expectNoAxeViolations(page, 'dossier view');
  // Read on screen, kept nowhere: no browser storage holds the resident's name or the dossier's words.
  const storyLine = (await page.locator('.dossier-preview dd').nth(2).innerText()).trim();
  expect(storyLine.length).toBeGreaterThan(3);
  const stored = await browserStorageText(page);
  expect(stored).not.toContain(first.clientName);
  expect(stored).not.toContain(storyLine);
  await page.screenshot({ path: test.info().outputPath('dossier.png') });
  await page.screenshot({ path: test.info().outputPath('dossier-full.png'), fullPage: true });

  // Returning needs a reason from the list.
  await page.getByRole('button', { name: 'Terugsturen' }).click();
  await expect(page.getByText('Kies een reden.')).toBeVisible();
  // 'Another reason' needs a note that says which: spaces are no note.
  await page.getByLabel('Reden').selectOption({ label: 'Een andere reden' });
  await page.getByLabel('Toelichting voor de buurtteamwerker').fill('   ');
  await page.getByRole('button', { name: 'Terugsturen' }).click();
  await expect(page.getByLabel('Toelichting voor de buurtteamwerker')).toHaveAccessibleDescription(/Schrijf op wat de andere reden is\./);
  await expectNoAxeViolations(page, 'return form with a missing note');

  // A colleague returns it first: this screen still shows 'Nieuw', so the hub answers 409 and the screen shows the new state.
  await returnAsColleague(request, first.dossierId);
  await page.getByRole('button', { name: 'Accepteren' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Een collega heeft deze overdracht net veranderd. Er is niets opgeslagen.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Accepteren' })).toHaveCount(0);
  await expect(page.getByText('De inwoner woont in een andere gemeente')).toBeVisible();
  await expectNoAxeViolations(page, 'dossier view after a conflict');

  // The second one: accept, then plan the first conversation by phone; the number is asked for.
  await page.getByRole('button', { name: 'Terug naar de overdrachten' }).click();
  await page.getByRole('row').filter({ hasText: second.clientName }).getByRole('button', { name: second.clientName }).click();
  await page.getByRole('button', { name: 'Accepteren' }).click();
  await expect(page.getByRole('status').filter({ hasText: `${demo.counsellor.name} is nu het vaste aanspreekpunt.` })).toBeVisible();
  await expect(page.getByText(`Vast aanspreekpunt${demo.counsellor.name}`)).toBeVisible();
  // A year typed wrong is a day before the handover arrived: refused next to the field.
  await page.getByLabel('Datum').fill('03-12-2016');
  await page.getByLabel('Tijd').fill('09:30');
  await page.getByLabel('Hoe').selectOption('phone');
  await page.getByRole('button', { name: 'Gesprek plannen' }).click();
  await expect(page.getByLabel('Datum')).toHaveAccessibleDescription(/Het eerste gesprek kan niet voor de dag zijn waarop de overdracht binnenkwam \(\d{1,2} [a-z]+ \d{4}\)\./);
  // So is a year typed wrong the other way: more than a year after the handover arrived.
  await page.getByLabel('Datum').fill('03-12-2062');
  await page.getByRole('button', { name: 'Gesprek plannen' }).click();
  await expect(page.getByLabel('Datum')).toHaveAccessibleDescription(
    /Het eerste gesprek kan niet later zijn dan een jaar na de dag waarop de overdracht binnenkwam \(uiterlijk \d{1,2} [a-z]+ \d{4}\)\. Kijk het jaar na\./,
  );
  await expect(page.getByRole('status').filter({ hasText: 'is gepland' })).toHaveCount(0);
  await expectNoAxeViolations(page, 'plan form with a year too far ahead');
  // A week from today (the handover arrived today), whatever day this runs.
  const inAWeek = dutchDateOf(new Date(Date.now() + 7 * 86_400_000).toISOString());
  await page.getByLabel('Datum').fill(ddmmyyyy(inAWeek));
  await page.getByRole('button', { name: 'Gesprek plannen' }).click();
  await expect(page.getByText('Vul het telefoonnummer in.')).toBeVisible();
  await page.getByLabel('Telefoonnummer').fill('045 123 45 67');
  await page.getByRole('button', { name: 'Gesprek plannen' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Het eerste gesprek is gepland op ${plainDate(inAWeek)} om 09:30` })).toBeVisible();
  await expect(page.getByText('Eerste gesprek gepland', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page, 'dossier view after planning');

  await page.getByRole('button', { name: 'Terug naar de overdrachten' }).click();
  // Planned, it sorts by its decision term: in an inbox that other specs filled, that can be below the first 50 rows.
  await page.getByLabel('Zoeken').fill(second.clientName);
  await expect(page.getByRole('row').filter({ hasText: second.clientName })).toContainText('Eerste gesprek gepland');
});
