import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { dutchDateOf } from '../shared/domain/urgency';
import { expectNoAxeViolations } from './fixtures/axe';
import { browserStorageText } from './fixtures/browser-storage';
import { actAsColleague, sendHandover, sendNextVersion } from './fixtures/handover';
import { demo } from './fixtures/hub';
import { SignInPage } from './pages/sign-in-page';

async function signInAsCounsellor(page: Page): Promise<void> {
  await page.goto('/');
  await new SignInPage(page).signIn(demo.counsellor.username, demo.counsellor.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Overdrachten' })).toBeVisible();
}

const localDay = (d = new Date()) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const plainDate = (iso: string) => new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

test('the counsellor sees what changed in a second version, records the decision with its term, and meets a colleague who closed it first', async ({ page, request }, testInfo) => {
  test.setTimeout(120_000);
  const row = await sendHandover(request, 3);
  const v2 = await sendNextVersion(request, row.dossierId, (d) => {
    d.hulpvraag = 'Er is nu ook een brief van de deurwaarder over de huur. Ik wil weten waar ik moet beginnen.';
    d.finances?.schulden.unshift({ schuldeiser: { naam: 'Waterbedrijf Limburg' }, bedragCents: null, schuldsoort: 'Nuts', debtType: 'water', stage: 'aanmaning', stageDate: localDay() });
  });
  expect(v2.finances, 'persona 3 shares the finances').toBeDefined();
  const today = localDay();
  await actAsColleague(request, row.dossierId, 'accept');
  await actAsColleague(request, row.dossierId, 'plan', { firstConversation: { plannedAt: `${today}T08:00:00Z`, how: 'video' } });

  await page.clock.install();
  await signInAsCounsellor(page);
  // Other specs of the run fill the inbox: find this one by its name.
  await page.getByLabel('Zoeken').fill(row.clientName);
  await page.getByRole('row').filter({ hasText: row.clientName }).getByRole('button', { name: row.clientName }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Dossier ${row.clientName}` })).toBeVisible();

  // Both versions are listed, newest first, with the day they arrived.
  const versions = page.getByRole('region', { name: 'Versies' });
  await expect(versions.getByRole('listitem')).toHaveText([/^Versie 2, ontvangen op .+ \(deze versie staat hieronder\)$/, /^Versie 1, ontvangen op /]);
  await expectNoAxeViolations(page, 'dossier view with two versions');

  // What changed, in sentences: the resident's words before and after, and the new debt without an amount.
  await versions.getByRole('button', { name: 'Toon wat er veranderd is' }).click();
  await expect(page.getByRole('heading', { name: 'Wat er veranderd is van versie 1 naar versie 2' })).toBeFocused();
  await expect(versions.getByText('Schuld bij Waterbedrijf Limburg toegevoegd: bedrag nog onbekend, aanmaning')).toBeVisible();
  const words = versions.getByRole('listitem').filter({ hasText: 'De hulpvraag in eigen woorden is gewijzigd' });
  await expect(words.locator('dd').last()).toHaveText('Er is nu ook een brief van de deurwaarder over de huur. Ik wil weten waar ik moet beginnen.');
  await expect(words.locator('dt')).toHaveText(['Was', 'Nu']);
  await expectNoAxeViolations(page, 'dossier view with the changes between versions');
  await versions.screenshot({ path: testInfo.outputPath('versions-diff.png') });

  // The dossier as a PDF for the counsellor's own system: a blob URL, revoked afterwards; nothing kept in the browser.
  const exportPanel = page.getByRole('region', { name: 'Dossier als pdf' });
  // An export the hub cannot put on record does not happen: the counsellor reads why, and no file appears.
  const recordPath = `**/api/v1/handovers/${row.dossierId}/versions/2/exports`;
  await page.route(recordPath, (route) => route.abort('internetdisconnected'));
  let downloads = 0;
  page.on('download', () => downloads++);
  await exportPanel.getByRole('button', { name: 'Dossier downloaden (pdf)' }).click();
  await expect(exportPanel.getByRole('status')).toHaveText(/^De pdf is niet gedownload\. Elke download van een dossier wordt vastgelegd bij de gemeente, en dat lukte nu niet\./);
  expect(downloads).toBe(0);
  await expectNoAxeViolations(page, 'dossier view after an export that could not be recorded');
  await exportPanel.screenshot({ path: testInfo.outputPath('export-not-recorded.png') });
  await page.unroute(recordPath);
  // Put on record at the hub (who, version 2, when), then handed over.
  const recorded = page.waitForResponse((r) => r.url().endsWith(`/api/v1/handovers/${row.dossierId}/versions/2/exports`) && r.request().method() === 'POST');
  const downloading = page.waitForEvent('download');
  await exportPanel.getByRole('button', { name: 'Dossier downloaden (pdf)' }).click();
  expect((await recorded).status()).toBe(201);
  const download = await downloading;
  expect(downloads).toBe(1);
  expect(download.suggestedFilename()).toMatch(/^Dossier-schuldhulp-[0-9a-f]{8}-versie-2-\d{4}-\d{2}-\d{2}\.pdf$/);
  expect(download.url()).toMatch(/^blob:/);
  await expect(exportPanel.getByRole('status')).toHaveText(/^De pdf is gedownload\./);
  const pdf = spawnSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: await readFile(await download.path()), encoding: 'utf8' });
  const pdfText = pdf.stdout.replace(/\s+/g, ' ');
  expect(pdfText).toContain(`Dossier ${row.clientName}`);
  expect(pdfText).toMatch(/Schuld Waterbedrijf Limburg \(Water\): bedrag nog onbekend/);
  expect(pdfText).toContain('Er is nu ook een brief van de deurwaarder over de huur.');
  await page.clock.fastForward(61_000);
  expect(await page.evaluate((url) => fetch(url).then(() => 'readable', () => 'revoked'), download.url())).toBe('revoked');
  const stored = await browserStorageText(page);
  expect(stored).not.toContain(row.clientName);
  expect(stored).not.toContain('Waterbedrijf Limburg');
  await expectNoAxeViolations(page, 'dossier view after the export');

  // One way of writing dates in the state of the handover: the month in words, never 26-11-2026.
  const state = page.getByRole('region', { name: 'Stand van zaken' });
  // Both versions arrived today: the line names the day of each, not only the first one's.
  const arrived = plainDate(dutchDateOf(new Date().toISOString()));
  await expect(state).toContainText(`OntvangenVersie 1 op ${arrived}; versie 2 op ${arrived}`);
  await state.screenshot({ path: testInfo.outputPath('state-received.png') });
  await expect(state).toContainText(new RegExp(`Eerste gesprek${plainDate(today)} om \\d\\d:00`));
  await expect(state).toContainText(/Toestemming geldt tot\d{1,2} [a-z]+ \d{4}/);
  expect(await state.innerText()).not.toMatch(/\d{2}-\d{2}-\d{4}/);

  // The 8-week term for the decision, counted from the first conversation today.
  await expect(page.getByText(new RegExp(`^Het besluit moet uiterlijk op \\d+ \\w+ \\d{4} zijn: 8 weken na het eerste gesprek op ${plainDate(today)}\\.$`)).first()).toBeVisible();

  // Recording the decision asks for its day and the outcome.
  const decision = page.getByRole('region', { name: 'Besluit vastleggen' });
  await decision.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await expect(decision.getByText('Vul de datum van het besluit in, zoals 20-03-2026.')).toBeVisible();
  await expect(decision.getByText('Schrijf kort wat het besluit is.')).toBeVisible();
  await expectNoAxeViolations(page, 'decision form with errors');
  // A day that has not come yet is refused next to the field, before anything is sent.
  const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('-');
  const tomorrow = dutchDateOf(new Date(Date.now() + 86_400_000).toISOString());
  await decision.getByLabel('Datum van het besluit').fill(ddmmyyyy(tomorrow));
  await decision.getByLabel('Uitkomst').fill('Toegelaten tot de schuldregeling.');
  await decision.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await expect(decision.getByLabel('Datum van het besluit')).toHaveAccessibleDescription(/Het besluit kan niet in de toekomst liggen\. Leg het vast als het genomen is\./);
  await expect(page.getByRole('status').filter({ hasText: 'is vastgelegd' })).toHaveCount(0);
  await decision.getByLabel('Datum van het besluit').fill(ddmmyyyy(today));
  await decision.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Het besluit van ${plainDate(today)} is vastgelegd.` })).toBeVisible();
  await expect(page.getByText(new RegExp(`^Besluit genomen op ${plainDate(today)}\\. De termijn was .+: op tijd\\.$`))).toBeVisible();
  await expect(page.getByText('Toegelaten tot de schuldregeling.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Besluit vastleggen' })).toHaveCount(0);
  await expectNoAxeViolations(page, 'dossier view after the decision');
  await page.screenshot({ path: testInfo.outputPath('dossier-decided.png'), fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 1500 } });

  // A colleague closes it first: this screen's close gets the hub's 409, said plainly, and the new state.
  await actAsColleague(request, row.dossierId, 'close');
  await page.getByRole('button', { name: 'Overdracht afsluiten' }).click();
  await expect(page.getByRole('dialog', { name: 'Overdracht afsluiten?' })).toBeVisible();
  await expectNoAxeViolations(page, 'close confirmation');
  await page.getByRole('button', { name: 'Ja, afsluiten' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Een collega heeft deze overdracht net veranderd. Er is niets opgeslagen.' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Stand van zaken' })).toContainText('Afgesloten');
  await expect(page.getByRole('button', { name: 'Overdracht afsluiten' })).toHaveCount(0);
  await expectNoAxeViolations(page, 'dossier view after a conflict on closing');
});
