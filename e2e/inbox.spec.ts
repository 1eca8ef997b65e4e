import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './fixtures/axe';
import { sendManyHandovers, withdrawConsent } from './fixtures/handover';
import { demo } from './fixtures/hub';
import { dutchDateOf } from '../shared/domain/urgency';
import { addDays } from '../shared/domain/working-days';
import { SignInPage } from './pages/sign-in-page';

/** The counsellor's inbox with more handovers than one page: filters on the hub, "meer laden", polls that keep the filters, a withdrawal, and a consent that runs out. */

async function signInAsCounsellor(page: Page): Promise<void> {
  await page.goto('/');
  await new SignInPage(page).signIn(demo.counsellor.username, demo.counsellor.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Overdrachten' })).toBeVisible();
}

const bodyRows = (page: Page) => page.locator('table.inbox tbody tr');

/** The moment a Dutch day ends (midnight in the Netherlands, winter or summer time), as epoch milliseconds. */
function endOfDutchDay(day: string): number {
  const next = addDays(day, 1);
  const at = [1, 2].map((hours) => Date.parse(`${next}T00:00:00Z`) - hours * 3_600_000).find((t) => dutchDateOf(new Date(t).toISOString()) === next && dutchDateOf(new Date(t - 1).toISOString()) === day);
  if (at === undefined) throw new Error(`no midnight after ${day}`);
  return at;
}

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

test('what the counsellor typed is the search she comes back to, also when she opens a row before the pause in typing', async ({ page, request }) => {
  test.setTimeout(120_000);
  const [wanted] = await sendManyHandovers(request, { prefix: 'Inbox Zoek', count: 3, area: '6438' });
  if (!wanted) throw new Error('nothing sent');
  await page.clock.install();
  await signInAsCounsellor(page);
  await page.getByLabel('Wijk').selectOption('6438');
  await expect(bodyRows(page)).toHaveCount(3);

  // Time stands still in the page, so the pause in typing does not end by itself before the row is opened; and the
  // hub holds its answer to the search, so the way back finds the search asked but not yet answered.
  await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1_000));
  let answer = () => undefined as void;
  const held = new Promise<void>((resolve) => (answer = resolve));
  await page.route(
    (url) => url.pathname === '/api/v1/handovers' && url.searchParams.get('q') === wanted.name,
    async (route) => {
      await held;
      await route.continue();
    },
  );
  await page.getByLabel('Zoeken').fill(wanted.name);
  // The list has not been searched yet, and says so.
  await expect(page.getByRole('status').filter({ hasText: 'Zoeken…' })).toBeVisible();
  await expect(page.locator('[aria-busy="true"]').locator(bodyRows(page))).toHaveCount(3);
  await bodyRows(page).filter({ hasText: wanted.name }).getByRole('button', { name: wanted.name }).press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: `Dossier ${wanted.name}` })).toBeFocused();

  await page.getByRole('button', { name: 'Terug naar de overdrachten' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Overdrachten' })).toBeFocused();
  await expect(page.getByLabel('Zoeken')).toHaveValue(wanted.name);
  await expect(page.getByLabel('Wijk')).toHaveValue('6438');
  // No rows of another search meanwhile: the list says it is searching.
  await expect(page.getByRole('status').filter({ hasText: 'Zoeken…' })).toBeVisible();
  await expect(bodyRows(page)).toHaveCount(0);
  await page.clock.resume(); // axe waits on timers
  await expectNoAxeViolations(page, 'inbox while the hub answers a search');
  answer();
  await expect(bodyRows(page)).toHaveCount(1);
  await expect(bodyRows(page).first()).toContainText(wanted.name);
  await expect(page.getByText('1 overdracht', { exact: true })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Zoeken…' })).toHaveCount(0);
  await expectNoAxeViolations(page, 'inbox after a dossier opened mid-search');
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

test('an open dossier says so when the consent’s last day passes while it is open, and its words leave the page', async ({ page, request }) => {
  test.setTimeout(120_000);
  // Consent through today, the hub's today. This computer's clock starts two minutes before that day ends (the hub's
  // own clock stays: it still lists the dossier, so the page must see the date pass by itself).
  const lastDay = dutchDateOf(new Date().toISOString());
  const midnight = endOfDutchDay(lastDay);
  const [handover] = await sendManyHandovers(request, { prefix: 'Inbox Laatste Dag', count: 1, area: '6436', validUntil: lastDay });
  if (!handover) throw new Error('nothing sent');
  await page.clock.install({ time: midnight - 120_000 });
  await signInAsCounsellor(page);
  await page.getByLabel('Zoeken').fill(handover.name);
  await page.getByRole('button', { name: handover.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Dossier ${handover.name}` })).toBeVisible();
  const storyLine = (await page.locator('.dossier-preview dd').nth(2).innerText()).trim();
  expect(storyLine.length).toBeGreaterThan(3);
  expect(await page.evaluate(() => Date.now())).toBeLessThan(midnight);

  // The counsellor reads on past midnight.
  await page.clock.setSystemTime(midnight + 1_000);
  await page.clock.fastForward(20_000);
  await expect(page.getByRole('heading', { level: 1, name: 'Toestemming afgelopen' })).toBeFocused();
  const lastDayText = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${lastDay}T00:00:00Z`));
  await expect(page.getByRole('alert')).toContainText(`De toestemming van de inwoner gold tot en met ${lastDayText}.`);
  await expect(page.getByRole('alert')).toContainText('Vraag de buurtteamwerker');
  await expect(page.getByRole('heading', { name: 'Stand van zaken' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Dossier downloaden (pdf)' })).toHaveCount(0);
  expect(await page.locator('main').innerText()).not.toContain(storyLine);
  await expect(page.getByText(handover.name)).toHaveCount(0);
  await expectNoAxeViolations(page, 'dossier whose consent ran out while open');
  await page.screenshot({ path: test.info().outputPath('dossier-consent-ended.png') });

  await page.getByRole('button', { name: 'Terug naar de overdrachten' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Overdrachten' })).toBeFocused();
});

test('an open dossier turns into the notice when the hub refuses a step because the consent has ended', async ({ page, request }) => {
  test.setTimeout(120_000);
  const [handover] = await sendManyHandovers(request, { prefix: 'Inbox Geweigerd', count: 1, area: '6437' });
  if (!handover) throw new Error('nothing sent');
  await signInAsCounsellor(page);
  await page.getByLabel('Zoeken').fill(handover.name);
  await page.getByRole('button', { name: handover.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Dossier ${handover.name}` })).toBeVisible();
  // The hub's clock is past the consent's last day before this computer's is: it answers as it does then.
  await page.route('**/api/v1/handovers/*/accept', (route) =>
    route.fulfill({ status: 403, json: { error: 'consent_expired', message: 'De toestemming van de inwoner is afgelopen.' } }),
  );
  await page.getByRole('button', { name: 'Accepteren' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Toestemming afgelopen' })).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Stand van zaken' })).toHaveCount(0);
  await expect(page.getByText(handover.name)).toHaveCount(0);
  await expectNoAxeViolations(page, 'dossier refused by the hub for ended consent');
});
