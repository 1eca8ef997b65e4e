import { randomInt } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './fixtures/axe';
import { sendHandover } from './fixtures/handover';
import { demo, hubUrl } from './fixtures/hub';
import { HouseholdFormPage } from './pages/household-form-page';
import { HouseholdListPage } from './pages/household-list-page';
import { IntakeDomainPage, IntakeOverviewPage } from './pages/intake-pages';
import { ChoosePinPage, SignInPage } from './pages/sign-in-page';

/**
 * Two people, two browsers: the buurtteam worker on her laptop (device shell) and the debt counsellor at the
 * office (office shell), each in a browser context of their own, meeting only through the hub.
 */

const dutch = { locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' } as const;
test.use(dutch);

/** A household name no other spec of this run uses: the hub and the counsellor's inbox are shared by the run. */
const household = `Familie ${['Brouwer', 'Claessen', 'Dassen', 'Frissen', 'Geurts', 'Habets'][randomInt(6)]}-${'abcdefghij'[randomInt(10)]}${'klmnopqrst'[randomInt(10)]}${'uvwxyz'[randomInt(6)]}`;
const ownWords = 'Ik durf de post niet meer open te maken. Er komen steeds meer aanmaningen.';

const status = (page: Page) => page.getByTestId('handover-status');

test('a worker hands over a household she just recorded; the counsellor in the office accepts it and plans the first conversation, the worker’s laptop shows when; after the resident withdraws consent the inbox no longer shows it', async ({
  page: device,
  browser,
  request,
}) => {
  test.setTimeout(240_000);

  // The counsellor is at the office, signed in, before anything is sent: the office shell is the page the hub
  // itself serves (no install), with the hub's headers for special-category data.
  const officeContext = await browser.newContext({ ...dutch, baseURL: hubUrl });
  const office = await officeContext.newPage();
  await office.clock.install();
  const served = await office.goto('/');
  expect(served?.headers()['x-frame-options']).toBe('DENY');
  await expectNoAxeViolations(office, 'office sign-in');
  await new SignInPage(office).signIn(demo.counsellor.username, demo.counsellor.password);
  await expect(office.getByRole('heading', { level: 1, name: 'Overdrachten' })).toBeVisible();
  await expectNoAxeViolations(office, 'office inbox');

  // The worker records a new household at the kitchen table, with the resident's own words about money.
  await device.goto('/');
  await new SignInPage(device).signIn(demo.worker.username, demo.worker.password);
  const choosePin = new ChoosePinPage(device);
  await expect(choosePin.heading()).toBeVisible();
  await expectNoAxeViolations(device, 'choose PIN');
  await choosePin.choose('864210');
  const list = new HouseholdListPage(device);
  await expect(list.heading()).toBeVisible();
  await expectNoAxeViolations(device, 'household list');
  await list.newHousehold().click();
  const form = new HouseholdFormPage(device);
  await form.fill({ name: household, postcode: '6411 CD', members: [{ firstName: 'Jeroen', lastName: household.slice(8), role: 'adult', age: 40 }] });
  await expectNoAxeViolations(device, 'new household form');
  await form.save().click();
  await expect(device.getByRole('heading', { level: 1, name: household })).toBeVisible();
  const caseId = /#\/huishoudens\/([0-9a-f-]{36})/.exec(device.url())?.[1];
  expect(caseId, 'household id in the URL').toBeTruthy();

  await device.getByRole('link', { name: 'Gesprek beginnen' }).click();
  await new IntakeOverviewPage(device).tile('Geld').click();
  const domain = new IntakeDomainPage(device);
  await expect(device.getByRole('heading', { level: 1, name: 'Geld' })).toBeVisible();
  await domain.score(2).check();
  await domain.ownView().fill(ownWords);
  await domain.done().check();
  await expect(domain.saved()).toBeVisible();
  await expectNoAxeViolations(device, 'intake domain page');

  // Consent for money, to the municipality's schuldhulp, given aloud; then the handover.
  await device.goto(`/#/huishoudens/${caseId}`);
  await device.getByRole('link', { name: 'Overdragen aan schuldhulp' }).click();
  await expect(device.getByRole('heading', { level: 1, name: `Overdragen aan schuldhulp: ${household}` })).toBeVisible();
  await device.getByRole('checkbox', { name: 'Geld', exact: true }).check();
  await device.getByRole('checkbox', { name: 'Gemeente Heerlen, Schuldhulpverlening' }).check();
  await device.getByRole('radio', { name: 'Mondeling' }).check();
  await expect(device.getByRole('region', { name: 'Zo wordt het dossier verstuurd' })).toContainText(ownWords);
  await expectNoAxeViolations(device, 'handover page with consent');
  await device.getByRole('button', { name: 'Versturen' }).click();
  await device.getByRole('link', { name: 'Terug naar het huishouden' }).click();
  await expect(status(device)).toHaveText(/^Ontvangen door de gemeente\./, { timeout: 60_000 });
  await expectNoAxeViolations(device, 'household page with the handover received');

  // The office: the handover appears without a reload (the inbox asks the hub again every 20 seconds).
  await office.clock.fastForward(25_000);
  const row = office.getByRole('row').filter({ hasText: household });
  await expect(row).toBeVisible();
  await expect(row).toContainText('Nieuw');
  await expectNoAxeViolations(office, 'office inbox with the new handover');
  await row.getByRole('button', { name: household }).click();
  await expect(office.getByRole('heading', { level: 1, name: `Dossier ${household}` })).toBeVisible();
  // The whole story once: the resident's words as the worker wrote them.
  await expect(office.getByText(ownWords)).toBeVisible();
  await expectNoAxeViolations(office, 'dossier view');

  await office.getByRole('button', { name: 'Accepteren' }).click();
  await expect(office.getByRole('status').filter({ hasText: `${demo.counsellor.name} is nu het vaste aanspreekpunt.` })).toBeVisible();
  // A week from now, at the office.
  const day = new Date(Date.now() + 7 * 86_400_000);
  const ddmmyyyy = new Intl.DateTimeFormat('nl-NL', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(day);
  const dayText = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(day);
  await office.getByLabel('Datum').fill(ddmmyyyy);
  await office.getByLabel('Tijd').fill('09:30');
  await office.getByLabel('Hoe').selectOption('office');
  await office.getByLabel('Plaats').fill('Stadhuis Heerlen, kamer 2.14');
  await office.getByRole('button', { name: 'Gesprek plannen' }).click();
  await expect(office.getByRole('status').filter({ hasText: `Het eerste gesprek is gepland op ${dayText} om 09:30` })).toBeVisible();
  await expectNoAxeViolations(office, 'dossier view after planning');

  // Back in the inbox the row says so at once, not only after the next 20-second poll.
  await office.getByRole('button', { name: 'Terug naar de overdrachten' }).click();
  await expect(row).toContainText('Eerste gesprek gepland', { timeout: 5_000 });

  // The worker's laptop learns it from the hub's change feed.
  await expect(status(device)).toHaveText(`Eerste gesprek gepland op ${dayText} om 09:30.`, { timeout: 60_000 });
  await expectNoAxeViolations(device, 'household page with the planned first conversation');

  // The resident changes their mind: the worker withdraws the consent.
  await device.getByRole('link', { name: 'Overdragen aan schuldhulp' }).click();
  await device.getByRole('button', { name: 'Toestemming intrekken' }).click();
  await device.getByRole('button', { name: 'Ja, toestemming intrekken' }).click();
  await expect(device.getByText('De toestemming is ingetrokken.')).toBeVisible();
  await expect(status(device)).toHaveText('Ingetrokken. De gemeente heeft het dossier verwijderd.', { timeout: 60_000 });
  await expectNoAxeViolations(device, 'handover page after the withdrawal');

  // The office's inbox asks the hub again: another handover that arrived meanwhile shows, this one no longer does,
  // in the open view nor among all handovers.
  const another = await sendHandover(request, 3);
  await office.clock.fastForward(25_000);
  await expect(office.getByRole('row').filter({ hasText: another.clientName })).toBeVisible();
  await expect(office.getByRole('row').filter({ hasText: household })).toHaveCount(0);
  await office.getByLabel('Status').selectOption('all');
  await expect(office.getByRole('row').filter({ hasText: household })).toHaveCount(0);
  await expectNoAxeViolations(office, 'office inbox after the withdrawal');
  await officeContext.close();
});
