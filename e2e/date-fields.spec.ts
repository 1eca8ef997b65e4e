import { mkdirSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import config from '../playwright.config';
import { nlIntake } from '../renderer/src/i18n/nl-intake';
import { expectNoAxeViolations } from './fixtures/axe';
import { cutHub, demo } from './fixtures/hub';
import { HouseholdFormPage } from './pages/household-form-page';
import { HouseholdListPage } from './pages/household-list-page';
import { IntakeDomainPage, IntakeMoneyPage, IntakeSignalsPage } from './pages/intake-pages';
import { ChoosePinPage, SignInPage } from './pages/sign-in-page';
import { UnlockPage } from './pages/unlock-page';

const PIN = '864200';
const SHOTS = '/tmp/shots';
const base = config.use?.launchOptions ?? {};
// Labels from the catalogue: this spec is about how dates are read, not about the wording around them.
const money = nlIntake.money;

// A laptop whose system speaks English: a native date input would show mm/dd/yyyy and read 03122026 as 12 March.
test.use({
  locale: 'en-US',
  timezoneId: 'Europe/Amsterdam',
  launchOptions: { ...base, args: [...(base.args ?? []), '--lang=en-US'] },
});

/** The date field's calendar dialog, opened from its button. */
const calendar = (page: Page) => page.getByRole('dialog', { name: /^Kies een datum/ });

/** Opens the calendar of `field` and checks it shows 3 December 2026 as the chosen day; closes it with Escape, and focus is back in the text box. */
async function expectCalendarOn3December(page: Page, field: Locator): Promise<void> {
  await field.press('Alt+ArrowDown');
  await expect(calendar(page)).toBeVisible();
  await expect(calendar(page).getByRole('grid')).toHaveAccessibleName(/december 2026/i);
  await expect(calendar(page).getByRole('button', { name: /3 december 2026, geselecteerd/ })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(calendar(page)).toHaveCount(0);
  await expect(field).toBeFocused();
}

test('in an English-language browser, 03-12-2026 is 3 December in every date field of the app', async ({ page, context }) => {
  mkdirSync(SHOTS, { recursive: true });
  // After 3 December 2026, so the fields that refuse a future date accept it.
  await page.clock.setFixedTime(new Date('2027-01-15T10:00:00+01:00'));
  await page.goto('/');
  expect(await page.evaluate(() => navigator.language)).toBe('en-US');
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
  // The browser really reproduces the bug: its own date input, typed 03122026, gives 12 March.
  await page.evaluate(() => {
    const probe = document.createElement('input');
    probe.type = 'date';
    probe.id = 'native-date-probe';
    probe.setAttribute('aria-label', 'probe');
    document.body.append(probe);
  });
  await page.locator('#native-date-probe').pressSequentially('03122026');
  await expect(page.locator('#native-date-probe')).toHaveValue('2026-03-12');
  await page.evaluate(() => document.getElementById('native-date-probe')?.remove());

  await new SignInPage(page).signIn(demo.worker.username, demo.worker.password);
  await new ChoosePinPage(page).choose(PIN);
  const list = new HouseholdListPage(page);
  await expect(list.heading()).toBeVisible();
  await cutHub(context);
  await list.newHousehold().click();
  const form = new HouseholdFormPage(page);
  await form.fill({ name: 'Familie Smeets', postcode: '6411 AB', members: [{ firstName: 'Jeroen', lastName: 'Smeets', role: 'adult', age: 40 }] });
  await form.save().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Familie Smeets' })).toBeVisible();
  const id = /#\/huishoudens\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
  expect(id).not.toBe('');

  // 1. An agreed action's date, typed as eight digits, the way the bug was found.
  const domain = new IntakeDomainPage(page);
  await page.goto(`/#/huishoudens/${id}/gesprek/domein/geld`);
  await domain.addAction().click();
  await domain.fillAction(1, { who: 'Jeroen', what: 'Brief van het energiebedrijf meenemen', due: '03122026' });
  const due = domain.action(1).getByLabel('Wanneer');
  await expect(due).toHaveValue('03-12-2026');
  await expect(domain.saved()).toBeVisible();
  await expectCalendarOn3December(page, due);

  // A date that does not exist gets a plain Dutch message, not a silent wrong day.
  await due.fill('31-02-2026');
  await expect(domain.action(1).getByText('Deze datum bestaat niet. Kijk de dag en de maand na.')).toBeVisible();
  await expect(due).toHaveAttribute('aria-invalid', 'true');
  await due.fill('3-12');
  await due.press('Tab');
  await expect(domain.action(1).getByText('Schrijf de datum als dag-maand-jaar, zoals 25-12-2026.')).toBeVisible();
  await expectNoAxeViolations(page, 'domain page, date field with an error');
  await due.fill('03-12-2026');
  await expect(domain.action(1).getByText(/Deze datum bestaat niet|Schrijf de datum als/)).toHaveCount(0);

  // Keyboard: the text box and the calendar button are the only stops, and the button shows its focus.
  await due.focus();
  await page.keyboard.press('Tab');
  const open = domain.action(1).getByRole('button', { name: 'Kalender: Wanneer' });
  await expect(open).toBeFocused();
  const outline = await open.evaluate((el) => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).outlineWidth);
  expect(outline).toBe('solid 3px');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('.date-field'))).toBeNull();

  // Picking in the calendar by keyboard: one day on is 4 December.
  await open.press('Enter');
  await expect(calendar(page)).toBeVisible();
  await expectNoAxeViolations(page, 'date calendar');
  await page.screenshot({ path: `${SHOTS}/date-calendar-en.png` });
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(calendar(page)).toHaveCount(0);
  await expect(due).toHaveValue('04-12-2026');
  await expect(due).toBeFocused();
  await due.fill('03-12-2026');
  await expect(domain.saved()).toBeVisible();

  // 2. Since when a signal is there.
  const signals = new IntakeSignalsPage(page);
  await page.goto(`/#/huishoudens/${id}/gesprek/signalen`);
  await signals.search().fill('huisuit');
  await signals.signal('Dreigende huisuitzetting').check();
  await signals.openDetails('Dreigende huisuitzetting');
  await signals.observedOn('Dreigende huisuitzetting').fill('03-12-2026');
  await expect(page.getByText('Deze datum ligt in de toekomst.')).toHaveCount(0);
  await signals.observedOn('Dreigende huisuitzetting').press('Tab');
  await expect(signals.saved()).toBeVisible();
  await expectCalendarOn3December(page, signals.observedOn('Dreigende huisuitzetting'));
  await signals.observedOn('Dreigende huisuitzetting').fill('03-12-2027');
  await expect(page.getByText('Deze datum ligt in de toekomst.')).toBeVisible();
  await signals.observedOn('Dreigende huisuitzetting').fill('03-12-2026');
  await expect(page.getByText('Deze datum ligt in de toekomst.')).toHaveCount(0);
  await expect(signals.saved()).toBeVisible();
  await expectNoAxeViolations(page, 'signals with a date');

  // 3. and 4. The date of a debt's stage, and since when the income is low.
  const moneyPage = new IntakeMoneyPage(page);
  await page.goto(`/#/huishoudens/${id}/gesprek/geld`);
  await moneyPage.add('Schuld toevoegen').click();
  const debt = moneyPage.group('Schuld 1');
  await debt.getByLabel(money.creditor).fill('Energiebedrijf');
  await debt.getByLabel('Bedrag', { exact: true }).fill('600,00');
  const stageDate = debt.getByLabel(money.stageDate);
  await stageDate.fill('03-12-2026');
  await stageDate.press('Tab');
  const lowSince = page.getByLabel(money.lowIncomeSince);
  await lowSince.fill('03122026');
  await expect(lowSince).toHaveValue('03-12-2026');
  await expect(moneyPage.saved()).toBeVisible();
  await expectCalendarOn3December(page, stageDate);
  await expectCalendarOn3December(page, lowSince);
  await expectNoAxeViolations(page, 'money with dates');
  await lowSince.scrollIntoViewIfNeeded();
  await page.getByRole('group', { name: 'Schuld 1', exact: true }).screenshot({ path: `${SHOTS}/date-field-en.png` });

  // After a reload every field still says 3 December: that is what was stored.
  await page.reload();
  await new UnlockPage(page).unlock(PIN);
  await expect(stageDate).toHaveValue('03-12-2026');
  await expect(lowSince).toHaveValue('03-12-2026');
  await expectCalendarOn3December(page, lowSince);
  await page.goto(`/#/huishoudens/${id}/gesprek/signalen`);
  await signals.openDetails('Dreigende huisuitzetting');
  await expect(signals.observedOn('Dreigende huisuitzetting')).toHaveValue('03-12-2026');
  await page.goto(`/#/huishoudens/${id}/gesprek/domein/geld`);
  await expect(due).toHaveValue('03-12-2026');
  await expectCalendarOn3December(page, due);
});
