import { spawnSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './fixtures/axe';
import { demo } from './fixtures/hub';
import { HouseholdListPage } from './pages/household-list-page';
import { ChoosePinPage, SignInPage } from './pages/sign-in-page';

test.use({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });

test('the worker downloads "Wat we samen hebben besproken" for the resident from the household page', async ({ page }, testInfo) => {
  const list = new HouseholdListPage(page);
  await page.goto('/');
  await new SignInPage(page).signIn(demo.worker.username, demo.worker.password);
  await new ChoosePinPage(page).choose('975310');
  await expect(list.heading()).toBeVisible();

  // The demo's Daan Lemmens (19, from crisis shelter) agreed actions on housing and work.
  await list.open('Daan Lemmens').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Daan Lemmens' })).toBeVisible();
  const panel = page.getByRole('region', { name: 'Samenvatting voor de bewoner' });
  await expect(panel).toBeVisible();
  await expectNoAxeViolations(page, 'household page with the resident summary panel');

  const button = panel.getByRole('button', { name: 'Samenvatting downloaden (pdf)' });
  await button.focus();
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toMatch(/^Wat-we-samen-hebben-besproken-\d{4}-\d{2}-\d{2}\.pdf$/);
  await expect(panel.getByRole('status')).toHaveText('De samenvatting is gedownload. Print hem of bewaar hem voor de bewoner.');

  const file = testInfo.outputPath('samenvatting.pdf');
  await download.saveAs(file);
  const out = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  expect(out.status, out.stderr).toBe(0);
  const text = out.stdout.replace(/\s+/g, ' ');
  expect(text).toContain('Wat we samen hebben besproken Voor: Daan Lemmens');
  expect(text).toContain('Urgentie voor een woning aanvragen bij de woningcorporatie.');
  expect(text).toContain('Met de bewindvoerder praten over sparen voor rijlessen.');
  // No consent is recorded yet, so the resident reads that nothing was shared.
  expect(text).toContain('Daarom delen we niets met anderen.');
  await expectNoAxeViolations(page, 'household page after the summary was downloaded');

  // For a person to look at: the panel, and the PDF's pages as images (test-results/).
  await panel.screenshot({ path: testInfo.outputPath('summary-panel.png') });
  const png = spawnSync('pdftoppm', ['-png', '-r', '80', file, testInfo.outputPath('samenvatting')], { encoding: 'utf8' });
  expect(png.status, png.stderr).toBe(0);
});
