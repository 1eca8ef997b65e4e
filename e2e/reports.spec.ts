import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { expectNoAxeViolations } from './fixtures/axe';
import { demo } from './fixtures/hub';
import { startReportHub, type ReportHub } from './fixtures/report-hub';
import { counsellorDoes, sendHandoverOn, sendSignalEvents } from './fixtures/report-seed';
import { SignInPage } from './pages/sign-in-page';

/**
 * The team lead's dashboard on a hub of its own whose clock the spec moves: seven handovers sent, opened,
 * accepted or returned, planned and decided weeks apart, and signal events in three months. Every figure
 * below is worked out by hand from these seeds. Then both exports are saved and read back.
 */

let hub: ReportHub;

test.beforeAll(async ({ request }) => {
  test.setTimeout(180_000);
  hub = await startReportHub('2026-09-07T08:00:00.000Z');
  const at = (iso: string) => hub.setNow(iso);
  // Six handovers arrive on 7 September (first conversation due 5 October), a seventh on 1 October (due 29 October).
  const september = [];
  for (const n of [1, 2, 3, 4, 5, 6]) september.push(await sendHandoverOn(request, hub.url, n, '2026-09-07'));
  await at('2026-09-08T08:00:00.000Z');
  for (const id of september) await counsellorDoes(request, hub.url, id, { kind: 'open' });
  await at('2026-09-09T08:00:00.000Z');
  const [returned, ...accepted] = september as [string, ...string[]];
  await counsellorDoes(request, hub.url, returned, { kind: 'return', reason: 'incomplete' });
  for (const id of accepted) await counsellorDoes(request, hub.url, id, { kind: 'accept' });
  for (const id of accepted) await counsellorDoes(request, hub.url, id, { kind: 'plan', plannedAt: '2026-09-21T08:00:00.000Z' });
  await at('2026-10-01T08:00:00.000Z');
  await sendHandoverOn(request, hub.url, 7, '2026-10-01');
  await at('2026-10-19T08:00:00.000Z');
  for (const id of accepted) await counsellorDoes(request, hub.url, id, { kind: 'decide', decidedOn: '2026-10-19' });
  await at('2026-11-26T09:00:00.000Z');
  // Signals: 7 rent arrears in week 37 of which one is taken back, 5 energy arrears in week 41, 7 rent arrears in week 45.
  await sendSignalEvents(request, hub.url, [
    { times: 7, signalId: 'huurachterstand', domainId: 'wonen', postcodeArea: '6411', week: '2026-W37', householdType: 'single-with-children', retractOne: true },
    { times: 5, signalId: 'energieachterstand', domainId: 'geld', postcodeArea: '6412', week: '2026-W41', householdType: 'single' },
    { times: 7, signalId: 'huurachterstand', domainId: 'wonen', postcodeArea: '6411', week: '2026-W45', householdType: 'couple-with-children' },
  ]);
});

test.afterAll(async () => {
  // Unset when the hub did not start: the failure is beforeAll's, not this.
  await (hub as ReportHub | undefined)?.close();
});

/** Every table on the dashboard by its title: header row first, each cell's text. */
async function screenTables(page: Page): Promise<Map<string, string[][]>> {
  const entries = await page.$$eval('.report-block', (blocks) =>
    blocks.map((b) => [
      b.querySelector('h3')?.textContent ?? '',
      [...b.querySelectorAll('tr')].map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())),
    ]),
  );
  return new Map(entries as [string, string[][]][]);
}

/**
 * Runs in the page: every text of a trend chart (figures, axis names) that touches another one, a marker, or a
 * line (tested with the line's own stroke, point by point over the text's box).
 */
function clashesInChart(svg: SVGSVGElement): string[] {
  const box = (e: SVGGraphicsElement) => {
    const b = e.getBBox();
    return { left: b.x, right: b.x + b.width, top: b.y, bottom: b.y + b.height };
  };
  type Box = ReturnType<typeof box>;
  const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  const texts = [...svg.querySelectorAll<SVGTextElement>('.report-chart__values text, .report-chart__time-axis text')].map((t) => ({ text: t.textContent ?? '', box: box(t) }));
  const markers = [...svg.querySelectorAll<SVGGraphicsElement>('.recharts-line-dots .recharts-symbols, .recharts-line-dots .recharts-dot')].map(box);
  const lines = [...svg.querySelectorAll<SVGPathElement>('path.recharts-line-curve')];
  const clashes: string[] = [];
  texts.forEach((t, i) => {
    texts.forEach((u, j) => j > i && overlaps(t.box, u.box) && clashes.push(`"${t.text}" on "${u.text}"`));
    if (markers.some((m) => overlaps(t.box, m))) clashes.push(`"${t.text}" on a marker`);
    for (let x = t.box.left; x <= t.box.right; x += 1)
      for (let y = t.box.top; y <= t.box.bottom; y += 1) if (lines.some((l) => l.isPointInStroke(new DOMPoint(x, y)))) return clashes.push(`"${t.text}" on a line`);
  });
  return clashes;
}

async function openDashboard(page: Page): Promise<void> {
  // The browser's today is the hub's: the default period is 1 September up to 26 November 2026.
  await page.clock.setFixedTime(new Date('2026-11-26T10:00:00+01:00'));
  await hub.route(page);
  await page.goto('/');
  await new SignInPage(page).signIn(demo.teamlead.username, demo.teamlead.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Rapportages' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Signalen per periode' })).toBeVisible();
}

test('the team lead sees the signals, the handover funnel, the Wgs terms and the overdue list, worked out by hand', async ({ page }) => {
  await openDashboard(page);
  const tables = await screenTables(page);

  await expect(page.getByText('In deze periode zijn 18 signalen geteld. Daarvan 13 bij gezinnen met minderjarige kinderen.')).toBeVisible();
  expect(tables.get('Signalen per periode')).toEqual([
    ['Periode', 'Alle signalen', 'Gezinnen met minderjarige kinderen'],
    ['september 2026', '6', '6'],
    ['oktober 2026', '5', '0'],
    ['november 2026', '7', '7'],
    ['Totaal', '18', '13'],
  ]);
  const bySignal = tables.get('Per soort signaal') ?? [];
  expect(bySignal[0]).toEqual(['Signaal', 'september 2026', 'oktober 2026', 'november 2026', 'Totaal']);
  expect(bySignal).toContainEqual(['Achterstand met de huur', '6', '0', '7', '13']);
  expect(bySignal).toContainEqual(['Achterstand bij de energieleverancier', '0', '5', '0', '5']);
  expect(bySignal.at(-1)).toEqual(['Totaal', '6', '5', '7', '18']);
  expect(tables.get('Per wijk')).toContainEqual(['Heerlen-Centrum', '6', '0', '7', '13']);
  expect(tables.get('Per wijk')).toContainEqual(['Heerlen-Noord', '0', '5', '0', '5']);
  expect(tables.get('Per leefgebied')).toContainEqual(['Wonen', '6', '0', '7', '13']);
  expect(tables.get('Per soort huishouden')).toContainEqual(['Alleenstaand met kinderen', '6', '0', '0', '6']);
  expect(tables.get('Per soort huishouden')).toContainEqual(['Stel met kinderen', '0', '0', '7', '7']);
  expect(tables.get('Per soort signaal, alleen gezinnen met minderjarige kinderen')?.at(-1)).toEqual(['Totaal', '6', '0', '7', '13']);

  await expect(page.getByText('In deze periode zijn 7 overdrachten verstuurd naar schuldhulp.')).toBeVisible();
  const steps = tables.get('Stappen van de overdracht') ?? [];
  expect(steps[0]).toEqual(['Stap', 'Aantal', 'Gemeten vanaf', 'Mediaan (dagen)', '90% binnen (dagen)']);
  expect(steps).toContainEqual(['Verstuurd', '7', '–', '–', '–']);
  expect(steps).toContainEqual(['Geopend door schuldhulp', '6', 'Verstuurd', '1', '1']);
  expect(steps).toContainEqual(['Eerste gesprek', '5', 'Geaccepteerd', '12', '12']);
  expect(steps).toContainEqual(['Besluit', '5', 'Eerste gesprek', '28', '28']);
  // One return: too few to show, on screen as in the exports.
  expect(steps.find((r) => r[0] === 'Teruggestuurd')?.[1]).toBe('< 5');
  expect(tables.get('Redenen om terug te sturen')).toContainEqual(['Er ontbreken gegevens', '< 5']);

  expect(tables.get('Besluit binnen 8 weken')).toContainEqual(['november 2026', 'Gewoon', '5', '0', '0', '100%']);
  expect(tables.get('Eerste gesprek op tijd')?.find((r) => r[0] === 'oktober 2026' && r[1] === 'Gewoon')?.slice(2, 4)).toEqual(['5', '< 5']);
  // The seventh handover was never opened: 28 days past its first-conversation term, with no name.
  expect(tables.get('Overdrachten na de termijn')).toEqual([
    ['Status', 'Termijn', 'Soort', 'Dagen te laat'],
    ['Nieuw', 'Eerste gesprek', 'Gewoon', '28'],
  ]);

  // Charts are drawn (SVG) and carry their figures as labels.
  await expect(page.locator('.report-chart svg').first()).toBeVisible();
  await expect(page.locator('[data-table="signals-by-neighbourhood"] .report-chart')).toContainText('13');
  // The trend's figures and month names stand clear of each other, of the markers and of the lines (in September
  // both lines meet at 6, in November at 7): every figure is there, and nothing is written over anything else.
  const trend = page.locator('[data-table="signals-trend"] .report-chart svg:has(.recharts-line-curve)');
  await expect(trend.locator('.report-chart__values text')).toHaveText(['6', '6', '5', '0', '7', '7']);
  await expect(trend.locator('.report-chart__time-axis text')).toHaveText(['september2026', 'oktober', 'november']);
  expect(await trend.evaluate(clashesInChart)).toEqual([]);
  await expectNoAxeViolations(page, 'reports dashboard');
  await page.screenshot({ path: test.info().outputPath('reports-dashboard.png'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 1400 });
  await page.screenshot({ path: test.info().outputPath('reports-dashboard-top.png') });
});

test('both exports hold the same figures as the screen: the CSV for Dutch Excel and the PDF for the council', async ({ page }) => {
  await openDashboard(page);
  const tables = await screenTables(page);

  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Opslaan als Excel-bestand (CSV)' }).click();
  const csvFile = await (await csvDownload).path();
  expect((await csvDownload).suggestedFilename()).toBe('rapportage-keukentafel-2026-11-26.csv');
  const bytes = readFileSync(csvFile);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csv = bytes.toString('utf8');
  expect(csv).toContain('\r\n');
  const rows: string[][] = parse(csv, { delimiter: ';', bom: true, relax_column_count: true });
  expect(rows[1]).toEqual(['Van', '01-09-2026']);
  expect(rows[2]).toEqual(['Tot en met', '26-11-2026']);
  // The CSV's blocks: title, header, rows, then an empty line.
  const sections = new Map<string, string[][]>();
  let current: string[][] | null = null;
  for (const row of rows.slice(rows.findIndex((r) => r.length === 1 && r[0] === '') + 1)) {
    if (row.length === 1 && row[0] === '') current = null;
    else if (current === null) sections.set(row[0] ?? '', (current = []));
    else current.push(row);
  }
  // Excel's form of a screen cell: no % sign, no thousands dot, nothing for a dash.
  const asExcel = (cell: string) => (cell === '–' ? '' : cell.replace(/%$/, '').replace(/(\d)\.(\d{3})/g, '$1$2'));
  expect([...sections.keys()]).toEqual([...tables.keys()]);
  for (const [title, screen] of tables) expect(sections.get(title), title).toEqual(screen.map((r, i) => (i === 0 ? r : r.map(asExcel))));
  expect(sections.get('Stappen van de overdracht')).toContainEqual(['Teruggestuurd', '< 5', 'Geopend door schuldhulp', '< 5', '< 5']);

  const pdfDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Opslaan als PDF' }).click();
  const pdfFile = await (await pdfDownload).path();
  expect((await pdfDownload).suggestedFilename()).toBe('rapportage-keukentafel-2026-11-26.pdf');
  const out = spawnSync('pdftotext', ['-enc', 'UTF-8', '-raw', pdfFile, '-'], { encoding: 'utf8' });
  expect(out.status, out.stderr).toBe(0);
  const lines = out.stdout.split('\n').map((l) => l.trim());
  expect(lines[0]).toBe('Monitoring signalen en schuldhulp');
  expect(lines).toContain('Periode: 01-09-2026 tot en met 26-11-2026, per maand');
  // Every body row of every table, as one line of the PDF.
  for (const [title, screen] of tables) for (const row of screen.slice(1)) expect(lines, `${title}: ${row.join(' ')}`).toContain(row.join(' '));
  // The bars carry their figure.
  expect(lines).toContain('Heerlen-Centrum 13');
  await expect(page.getByRole('status').filter({ hasText: 'Het bestand is opgeslagen' })).toBeVisible();
  // Kept beside the test's results, with its pages as images, for a person to look at.
  await (await pdfDownload).saveAs(test.info().outputPath('reports.pdf'));
  spawnSync('pdftoppm', ['-png', '-r', '80', pdfFile, test.info().outputPath('reports-pdf')]);
});

test('the filters change the figures: per week, one domain, and an empty period said plainly', async ({ page }) => {
  await openDashboard(page);
  // A slow answer: the figures on screen dim and the page says it is loading, until the new ones are there.
  let answer: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (answer = resolve));
  await page.route('**/api/v1/reports/signals?*', async (route) => {
    await held;
    await route.fallback();
  });
  await page.getByLabel('Per', { exact: true }).selectOption('week');
  await expect(page.getByRole('status').filter({ hasText: 'Cijfers laden…' })).toBeVisible();
  await expect(page.locator('.report')).toHaveAttribute('aria-busy', 'true');
  answer();
  await expect(page.getByRole('row', { name: /^week 37 2026 6 6$/ })).toBeVisible();
  await expect(page.locator('.report')).toHaveAttribute('aria-busy', 'false');
  await page.getByLabel('Leefgebied', { exact: true }).selectOption({ label: 'Geld' });
  await expect(page.getByText('In deze periode zijn 5 signalen geteld. Daarvan 0 bij gezinnen met minderjarige kinderen.')).toBeVisible();

  await page.getByRole('textbox', { name: 'Van' }).fill('01-01-2026');
  await page.getByRole('textbox', { name: 'Tot en met' }).fill('31-01-2026');
  await expect(page.getByText('In deze periode zijn geen signalen geteld. Kies een andere periode of minder filters.')).toBeVisible();
  await expect(page.getByText('In deze periode zijn geen overdrachten verstuurd. Kies een andere periode.')).toBeVisible();
  await expectNoAxeViolations(page, 'reports dashboard, empty period');

  // A period that ends before it starts is refused here, before the hub is asked.
  await page.getByRole('textbox', { name: 'Van' }).fill('01-03-2026');
  await expect(page.getByRole('alert').filter({ hasText: 'Kies een begindatum die vóór de einddatum ligt' })).toBeVisible();
});

test('when the hub cannot answer, the dashboard says so and tries again on request', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-26T10:00:00+01:00'));
  await hub.route(page);
  await page.route('**/api/v1/reports/handover-funnel?*', (route) => route.fulfill({ status: 503, json: { error: 'unavailable', message: 'De server is even niet bereikbaar.' } }));
  await page.goto('/');
  await new SignInPage(page).signIn(demo.teamlead.username, demo.teamlead.password);
  const alert = page.getByRole('alert').filter({ hasText: 'De cijfers konden niet worden opgehaald.' });
  await expect(alert).toBeVisible();
  await expectNoAxeViolations(page, 'reports dashboard, hub unavailable');
  await page.unroute('**/api/v1/reports/handover-funnel?*');
  await alert.getByRole('button', { name: 'Probeer opnieuw' }).click();
  await expect(page.getByText('In deze periode zijn 7 overdrachten verstuurd naar schuldhulp.')).toBeVisible();
  await expect(alert).toHaveCount(0);
});
