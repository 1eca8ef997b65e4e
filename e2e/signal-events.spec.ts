import { expect, test, type Request } from '@playwright/test';
import { expectNoAxeViolations } from './fixtures/axe';
import { demo } from './fixtures/hub';
import { AppShell } from './pages/app-shell';
import { HouseholdFormPage } from './pages/household-form-page';
import { HouseholdListPage } from './pages/household-list-page';
import { IntakeSignalsPage } from './pages/intake-pages';
import { ChoosePinPage, SignInPage } from './pages/sign-in-page';

const PIN = '864213';

test.use({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });

interface SentEvent {
  type: 'recorded' | 'retracted';
  eventId: string;
  retracts?: string;
  signalId?: string;
  postcodeArea?: string;
  householdType?: string;
}

test('a ticked signal reaches the municipality as a count without a name, and unticking takes it back', async ({ page }) => {
  test.setTimeout(60_000);
  const list = new HouseholdListPage(page);
  const shell = new AppShell(page);
  const signals = new IntakeSignalsPage(page);
  const batches: { body: string; events: SentEvent[] }[] = [];
  page.on('request', (request: Request) => {
    if (request.method() !== 'POST' || !request.url().endsWith('/api/v1/signal-events/batch')) return;
    const body = request.postData() ?? '';
    batches.push({ body, events: (JSON.parse(body) as { events: SentEvent[] }).events });
  });

  await page.goto('/');
  await new SignInPage(page).signIn(demo.worker.username, demo.worker.password);
  await new ChoosePinPage(page).choose(PIN);
  await expect(list.heading()).toBeVisible();

  await list.newHousehold().click();
  const form = new HouseholdFormPage(page);
  await form.fill({ name: 'Familie Verbeek', postcode: '6413 EF', members: [{ firstName: 'Noor', lastName: 'Verbeek', role: 'adult', age: 44 }] });
  await form.save().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Familie Verbeek' })).toBeVisible();
  const id = /#\/huishoudens\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
  expect(id).not.toBe('');

  // The signals screen says plainly what leaves the device, also without consent.
  await page.goto(`/#/huishoudens/${id}/gesprek/signalen`);
  await expect(page.getByText('De gemeente krijgt van elk signaal een telling zonder naam of adres, voor haar rapporten. Dat gebeurt ook zonder toestemming voor een overdracht.')).toBeVisible();
  await expectNoAxeViolations(page, 'signals page with the reports sentence');
  await signals.search().fill('huur');
  await signals.signal('Achterstand met de huur').check();
  await expect(signals.saved()).toBeVisible();

  await shell.syncPage().click();
  await page.getByRole('button', { name: 'Nu versturen' }).click();
  await expect(page.getByText('Er wacht niets op verzending.')).toBeVisible({ timeout: 30_000 });
  await expect(shell.syncIndicator()).toContainText('Alles is verstuurd');
  const recorded = batches.flatMap((b) => b.events).find((e) => e.type === 'recorded');
  expect(recorded).toMatchObject({ signalId: 'huurachterstand', postcodeArea: '6413', householdType: 'single' });

  // Unticking sends a retraction that names the event, and nothing that says who.
  await page.goto(`/#/huishoudens/${id}/gesprek/signalen`);
  await signals.search().fill('huur');
  await signals.signal('Achterstand met de huur').uncheck();
  await expect(signals.saved()).toBeVisible();
  await shell.syncPage().click();
  await page.getByRole('button', { name: 'Nu versturen' }).click();
  await expect(page.getByText('Er wacht niets op verzending.')).toBeVisible({ timeout: 30_000 });
  const retraction = batches.flatMap((b) => b.events).find((e) => e.type === 'retracted');
  expect(retraction?.retracts).toBe(recorded?.eventId);
  for (const { body } of batches) {
    expect(body).not.toContain(id);
    expect(body).not.toContain('Verbeek');
    expect(body).not.toContain('6413 EF');
  }
  await expectNoAxeViolations(page, 'sync page after sending signal events');
});
