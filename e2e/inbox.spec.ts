import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './fixtures/axe';
import { sendManyHandovers, withdrawConsent } from './fixtures/handover';
import { demo } from './fixtures/hub';
import { SignInPage } from './pages/sign-in-page';

/** The counsellor's inbox with more handovers than one page: filters on the hub, "meer laden", polls that keep the filters, and a withdrawal. */

async function signInAsCounsellor(page: Page): Promise<void> {
  await page.goto('/');
  await new SignInPage(page).signIn(demo.counsellor.username, demo.counsellor.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Overdrachten' })).toBeVisible();
}

const bodyRows = (page: Page) => page.locator('table.inbox tbody tr');

test('a long inbox: filter by neighbourhood, urgency, worker and search, load more, and keep the filters through a poll', async ({ page, request }) => {
  test.setTimeout(150_000);
  // Areas of this spec alone, so handovers of other specs in the same run do not count.
  await sendManyHandovers(request, { prefix: 'Inbox Wijk', count: 55, area: '6431', crisisEvery: 5 });
  await sendManyHandovers(request, { prefix: 'Inbox Ander', count: 3, area: '6432' });
  await page.clock.install();
  await signInAsCounsellor(page);

  // Neighbourhoods by postcode and name (resources/neighbourhoods.json), with how many handovers each has.
  await expect(page.getByLabel('Wijk').locator('option', { hasText: '6431 Nieuw-Einde (55)' })).toHaveCount(1);
  await page.getByLabel('Wijk').selectOption('6431');
  await expect(page.getByText('50 van de 55 overdrachten')).toBeVisible();
  await expect(bodyRows(page)).toHaveCount(50);
  // Crises come first and say so in words.
  await expect(bodyRows(page).first()).toContainText('Spoed');
  await expect(bodyRows(page).nth(10)).toContainText('Spoed'); // 11 crises: every fifth of 55
  await expect(bodyRows(page).nth(11)).not.toContainText('Spoed');
  await expectNoAxeViolations(page, 'inbox with filters and more to load');

  await page.getByRole('button', { name: 'Meer overdrachten laden' }).click();
  await expect(page.getByText('55 overdrachten', { exact: true })).toBeVisible();
  await expect(bodyRows(page)).toHaveCount(55);
  await expect(page.getByRole('button', { name: 'Meer overdrachten laden' })).toHaveCount(0);
  // Focus went to the first row that was added, so the keyboard reads on there.
  await expect(bodyRows(page).nth(50).getByRole('button')).toBeFocused();

  await page.getByLabel('Alleen spoed en te laat').check();
  await expect(bodyRows(page)).toHaveCount(11);
  for (const row of await bodyRows(page).all()) await expect(row).toContainText('Spoed');
  await page.getByLabel('Alleen spoed en te laat').uncheck();

  await expect(page.getByLabel('Buurtteamwerker').locator('option', { hasText: demo.worker.name })).toHaveCount(1);
  await page.getByLabel('Buurtteamwerker').selectOption({ label: (await page.getByLabel('Buurtteamwerker').locator('option', { hasText: demo.worker.name }).innerText()).trim() });
  await expect(page.getByText('50 van de 55 overdrachten')).toBeVisible();

  await page.getByLabel('Zoeken').fill('inbox wijk 07');
  await expect(bodyRows(page)).toHaveCount(1);
  await expect(bodyRows(page).first()).toContainText('Inbox Wijk 07');
  await page.getByLabel('Zoeken').fill('niemand heet zo');
  await expect(page.getByText('Geen overdrachten gevonden. Pas de zoekwoorden of de filters aan')).toBeVisible();
  await expectNoAxeViolations(page, 'inbox, nothing found');
  await page.getByRole('button', { name: 'Filters wissen' }).click();
  await expect(page.getByLabel('Zoeken')).toHaveValue('');
  await expect(page.getByLabel('Wijk')).toHaveValue('');
  await expect(bodyRows(page)).toHaveCount(50);

  // A poll keeps the chosen filter, and a new handover in it appears and is announced politely.
  await page.getByLabel('Wijk').selectOption('6432');
  await expect(bodyRows(page)).toHaveCount(3);
  await sendManyHandovers(request, { prefix: 'Inbox Nieuw', count: 1, area: '6432' });
  await sendManyHandovers(request, { prefix: 'Inbox Elders', count: 1, area: '6431' });
  await page.clock.fastForward(25_000);
  await expect(bodyRows(page)).toHaveCount(4);
  await expect(page.getByRole('row').filter({ hasText: 'Inbox Nieuw 01' })).toBeVisible();
  await expect(page.getByLabel('Wijk')).toHaveValue('6432');
  await expect(page.getByRole('status').filter({ hasText: /\d\d:\d\d: 1 nieuwe overdracht\.$/ })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Inbox Elders' })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('inbox-filtered.png'), fullPage: true });
});

test('an open dossier says so when the resident withdraws consent, and the handover leaves the inbox', async ({ page, request }) => {
  test.setTimeout(120_000);
  const [handover] = await sendManyHandovers(request, { prefix: 'Inbox Ingetrokken', count: 1, area: '6435' });
  if (!handover) throw new Error('nothing sent');
  await page.clock.install();
  await signInAsCounsellor(page);
  await page.getByLabel('Zoeken').fill(handover.name);
  await page.getByRole('button', { name: handover.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Dossier ${handover.name}` })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Stand van zaken' })).toBeVisible();

  // The worker's device sends the withdrawal while the counsellor reads; the inbox's poll brings it to this screen.
  await withdrawConsent(request, handover.caseId, handover.consentId);
  await page.clock.fastForward(25_000);
  await expect(page.getByRole('heading', { level: 1, name: 'Toestemming ingetrokken' })).toBeFocused();
  await expect(page.getByRole('alert')).toContainText('De inwoner heeft de toestemming ingetrokken.');
  await expect(page.getByRole('heading', { name: 'Stand van zaken' })).toHaveCount(0);
  await expect(page.getByText(handover.name)).toHaveCount(0);
  await expectNoAxeViolations(page, 'dossier withdrawn while open');
  await page.screenshot({ path: test.info().outputPath('dossier-withdrawn.png') });

  await page.getByRole('button', { name: 'Terug naar de overdrachten' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Overdrachten' })).toBeVisible();
  await expect(page.getByLabel('Zoeken')).toHaveValue(handover.name);
  await expect(page.getByText('Geen overdrachten gevonden.', { exact: false })).toBeVisible();
});
