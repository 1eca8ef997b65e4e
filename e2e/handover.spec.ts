import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { loginResponseSchema } from '../shared/api/auth';
import { dossierSchema } from '../shared/api/dossier';
import { handoverDossierResponseSchema, handoverListResponseSchema, handoverPath, handoverPaths } from '../shared/api/handover';
import { dutchDateOf, dutchDateTime } from '../shared/domain/urgency';
import { expectNoAxeViolations } from './fixtures/axe';
import { cutHub, demo, hubUrl, restoreHub } from './fixtures/hub';
import { HouseholdListPage } from './pages/household-list-page';
import { ChoosePinPage, SignInPage } from './pages/sign-in-page';

test.use({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });

/** The counsellor's token (demo account `schuldhulp`, in the schuldhulp team apart from the buurtteam). */
async function counsellor(request: APIRequestContext): Promise<Record<string, string>> {
  const login = await request.post(`${hubUrl}/api/v1/auth/login`, { data: { username: demo.counsellor.username, password: demo.counsellor.password } });
  expect(login.status()).toBe(200);
  return { authorization: `Bearer ${loginResponseSchema.parse(await login.json()).token}` };
}

/** Every handover of this case the counsellor can see, returned ones included. */
async function handoversOf(request: APIRequestContext, auth: Record<string, string>, caseId: string) {
  const list = await request.get(`${hubUrl}${handoverPaths.handovers}?view=all&limit=100`, { headers: auth });
  expect(list.status()).toBe(200);
  return handoverListResponseSchema.parse(await list.json()).handovers.filter((h) => h.caseId === caseId);
}

async function signInAndOpen(page: Page, name: string): Promise<string> {
  const list = new HouseholdListPage(page);
  await page.goto('/');
  await new SignInPage(page).signIn(demo.worker.username, demo.worker.password);
  await new ChoosePinPage(page).choose('975310');
  await expect(list.heading()).toBeVisible();
  await list.open(name).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  return /huishoudens\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
}

const status = (page: Page) => page.getByTestId('handover-status');

test('a young man from crisis shelter is handed over offline with consent for money and housing only; the counsellor returns it, a second version follows, and the planned first conversation comes back', async ({ page, context, request }, testInfo) => {
  // The demo's Daan Lemmens: 19, from crisis shelter, € 40 a week, debts (CJIB, phone).
  const caseId = await signInAndOpen(page, 'Daan Lemmens');
  // The case record may reach the hub at once; it carries no personal data, and the page says so.
  await expect(status(page)).toHaveText(/^(Nog niet overgedragen\.|Aangemeld bij de gemeente, zonder gegevens\. Er is nog geen dossier verstuurd\.)$/);
  await page.getByRole('link', { name: 'Overdragen aan schuldhulp' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Overdragen aan schuldhulp: Daan Lemmens' })).toBeVisible();

  // Nothing is ticked; without consent the button stays off and says why.
  const send = page.getByRole('button', { name: 'Versturen' });
  await expect(send).toBeDisabled();
  await expect(page.getByText(/^Versturen kan nog niet\./)).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Leefgebied:/ })).toHaveCount(0);
  await expectNoAxeViolations(page, 'handover page without consent');

  await page.getByRole('checkbox', { name: 'Geld', exact: true }).check();
  await page.getByRole('checkbox', { name: 'Wonen', exact: true }).check();
  await page.getByRole('checkbox', { name: 'Gemeente Heerlen, Schuldhulpverlening' }).check();
  await expect(send).toBeDisabled();
  await page.getByRole('radio', { name: 'Mondeling' }).check();
  await expect(page.getByText('Opgeslagen op dit apparaat.')).toBeVisible();

  // The exact preview: the two domains, nothing of the others, no signals.
  const preview = page.getByRole('region', { name: 'Zo wordt het dossier verstuurd' });
  await expect(preview.getByRole('heading', { name: 'Leefgebied: Geld' })).toBeVisible();
  await expect(preview.getByRole('heading', { name: 'Leefgebied: Wonen' })).toBeVisible();
  await expect(preview.getByRole('heading', { name: /^Leefgebied:/ })).toHaveCount(2);
  await expect(preview).toContainText('Ik leef van 40 euro per week.');
  // The worker to call, with the work phone the hub gave at sign-in.
  await expect(preview).toContainText('06-12345678');
  await expect(preview).not.toContainText('ADHD');
  await expect(preview.getByRole('heading', { name: 'Signalen' })).toHaveCount(0);
  await expectNoAxeViolations(page, 'handover page with the preview');
  await page.screenshot({ path: testInfo.outputPath('consent-preview.png'), fullPage: true });

  // Handed over at the kitchen table without network.
  await cutHub(context);
  await expect(send).toBeEnabled();
  await send.click();
  await expect(page.getByText('Versie 1 staat klaar om te versturen.', { exact: false })).toBeVisible();
  await expect(status(page)).toHaveText(/^Verstuurd vanaf dit apparaat, wacht op de gemeente\./);
  await expect(page.getByRole('button', { name: 'Nieuwe versie versturen' })).toBeVisible();

  // Back online: the dossier arrives after its case.
  await restoreHub(context);
  await page.getByRole('link', { name: 'Terug naar het huishouden' }).click();
  await expect(status(page)).toHaveText(/^Ontvangen door de gemeente\./, { timeout: 60_000 });
  await expect(page.getByTestId('handover-deadline')).toHaveText(/^Eerste gesprek uiterlijk /);

  // The resident's summary now says what was shared, and with whom.
  const summary = page.getByRole('region', { name: 'Samenvatting voor de bewoner' });
  const [download] = await Promise.all([page.waitForEvent('download'), summary.getByRole('button', { name: 'Samenvatting downloaden (pdf)' }).click()]);
  const pdf = testInfo.outputPath('samenvatting.pdf');
  await download.saveAs(pdf);
  const pdfText = spawnSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
  expect(pdfText.status, pdfText.stderr).toBe(0);
  expect(pdfText.stdout.replace(/\s+/g, ' ')).toContain('toestemming op 26 november 2026. We delen dit met het schuldhulpteam van de gemeente Heerlen');

  // The hub holds exactly one dossier for Daan, with only the consented parts.
  const auth = await counsellor(request);
  const handovers = await handoversOf(request, auth, caseId);
  expect(handovers).toHaveLength(1);
  const [handover] = handovers;
  expect(handover!.latestVersion).toBe(1);
  const read = await request.get(`${hubUrl}${handoverPath(handoverPaths.handover, { dossierId: handover!.dossierId })}`, { headers: auth });
  expect(read.status()).toBe(200);
  const dossier = dossierSchema.parse(handoverDossierResponseSchema.parse(await read.json()).dossier);
  expect(dossier.caseId).toBe(caseId);
  expect(dossier.client.name).toBe('Daan Lemmens');
  expect(dossier.domains.map((d) => d.domainId).sort()).toEqual(['geld', 'wonen']);
  expect(dossier.signals).toBeUndefined();
  expect(dossier.consent.scope).toEqual({ domains: ['geld', 'wonen'], finances: false, signals: false, notes: false });
  const body = JSON.stringify(dossier);
  for (const unshared of ['ADHD', 'voetbaltrainer', 'zwartrijden', 'Geen geld voor rijbewijs']) expect(body).not.toContain(unshared);

  // The counsellor returns it; the household page says so, with the reason.
  const back = await request.post(`${hubUrl}${handoverPath(handoverPaths.return, { dossierId: handover!.dossierId })}`, {
    headers: auth,
    data: { reason: 'incomplete', note: 'Graag de schulden op een rij.' },
  });
  expect(back.status()).toBe(200);
  await expect(status(page)).toHaveText('Teruggestuurd: er ontbreken gegevens.', { timeout: 60_000 });
  // …and the counsellor's own explanation, so the worker knows what to add.
  await expect(page.getByTestId('handover-return-note')).toHaveText('Uitleg van schuldhulp: Graag de schulden op een rij.');
  await expectNoAxeViolations(page, 'household page with a returned handover');
  await page.getByRole('region', { name: 'Overdracht aan schuldhulp' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('household-returned.png') });

  // The worker adds the finances and sends again: a second version of the same dossier, the first one kept.
  await page.getByRole('link', { name: 'Overdragen aan schuldhulp' }).click();
  await expect(page.getByTestId('handover-return-note')).toHaveText('Uitleg van schuldhulp: Graag de schulden op een rij.');
  await page.getByRole('checkbox', { name: 'Geld: inkomen, vaste lasten en schulden' }).check();
  await page.getByRole('button', { name: 'Nieuwe versie versturen' }).click();
  await expect(page.getByText('Versie 2 staat klaar om te versturen.', { exact: false })).toBeVisible();
  await expect(status(page)).toHaveText(/^Ontvangen door de gemeente\./, { timeout: 60_000 });
  await expect(page.getByTestId('handover-return-note')).toHaveCount(0);
  const [again] = await handoversOf(request, auth, caseId);
  expect(again).toMatchObject({ dossierId: handover!.dossierId, latestVersion: 2, status: 'received' });
  const first = await request.get(`${hubUrl}${handoverPath(handoverPaths.handoverVersion, { dossierId: handover!.dossierId, version: 1 })}`, { headers: auth });
  expect(dossierSchema.parse(handoverDossierResponseSchema.parse(await first.json()).dossier).finances).toBeUndefined();
  const second = await request.get(`${hubUrl}${handoverPath(handoverPaths.handoverVersion, { dossierId: handover!.dossierId, version: 2 })}`, { headers: auth });
  expect(dossierSchema.parse(handoverDossierResponseSchema.parse(await second.json()).dossier).finances).toBeDefined();

  // The counsellor accepts it and holds the first conversation today (a decision is recorded once taken, so not
  // ahead of today in the Netherlands); the household page shows when.
  const day = dutchDateOf(new Date().toISOString());
  expect((await request.post(`${hubUrl}${handoverPath(handoverPaths.accept, { dossierId: handover!.dossierId })}`, { headers: auth, data: {} })).status()).toBe(200);
  const plan = await request.post(`${hubUrl}${handoverPath(handoverPaths.plan, { dossierId: handover!.dossierId })}`, {
    headers: auth,
    // 10:30 in Heerlen that day, with that day's offset (+01:00 in winter, +02:00 in summer).
    data: { firstConversation: { plannedAt: dutchDateTime(day, '10:30'), how: 'office', place: 'Stadhuis Heerlen' } },
  });
  expect(plan.status()).toBe(200);
  await page.getByRole('link', { name: 'Terug naar het huishouden' }).click();
  const dayText = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
  await expect(status(page)).toHaveText(`Eerste gesprek gepland op ${dayText} om 10:30.`, { timeout: 60_000 });
  await expect(page.getByTestId('handover-deadline')).toHaveText(/^Besluit van schuldhulp uiterlijk /);
  await expectNoAxeViolations(page, 'household page with a planned first conversation');

  // The counsellor records the decision: it reaches the device through the change feed, with its day.
  const decided = await request.post(`${hubUrl}${handoverPath(handoverPaths.decision, { dossierId: handover!.dossierId })}`, {
    headers: auth,
    data: { decidedOn: day, note: 'Toegelaten tot de schuldregeling.' },
  });
  expect(decided.status()).toBe(200);
  await expect(status(page)).toHaveText(`Besluit genomen op ${dayText}.`, { timeout: 60_000 });
  await expect(page.getByText('Toegelaten tot de schuldregeling.')).toHaveCount(0);
  await expectNoAxeViolations(page, 'household page with a decision');
});

test('withdrawn consent reaches the hub, and the dossier is gone from its answers', async ({ page, request }) => {
  const caseId = await signInAndOpen(page, 'Marco Jacobs');
  await page.getByRole('link', { name: 'Overdragen aan schuldhulp' }).click();
  await page.getByRole('checkbox', { name: 'Geld', exact: true }).check();
  await page.getByRole('checkbox', { name: 'Gemeente Heerlen, Schuldhulpverlening' }).check();
  await page.getByRole('radio', { name: 'Met een handtekening' }).check();
  await page.getByRole('button', { name: 'Versturen' }).click();
  await expect(status(page)).toHaveText(/^Ontvangen door de gemeente\./, { timeout: 60_000 });

  const auth = await counsellor(request);
  const [handover] = await handoversOf(request, auth, caseId);
  expect(handover).toBeDefined();
  const url = `${hubUrl}${handoverPath(handoverPaths.handover, { dossierId: handover!.dossierId })}`;
  expect((await request.get(url, { headers: auth })).status()).toBe(200);

  await page.getByRole('button', { name: 'Toestemming intrekken' }).click();
  await expectNoAxeViolations(page, 'handover page asking to confirm the withdrawal');
  await page.getByRole('button', { name: 'Ja, toestemming intrekken' }).click();
  await expect(page.getByText('De toestemming is ingetrokken.')).toBeVisible();
  await expect(status(page)).toHaveText('Ingetrokken. De gemeente heeft het dossier verwijderd.', { timeout: 60_000 });
  // The form starts over: nothing ticked, nothing can be sent.
  await expect(page.getByRole('checkbox', { name: 'Geld', exact: true })).not.toBeChecked();
  await expect(page.getByRole('button', { name: 'Versturen' })).toBeDisabled();
  await expectNoAxeViolations(page, 'handover page after the withdrawal');

  expect(await handoversOf(request, auth, caseId)).toEqual([]);
  expect((await request.get(url, { headers: auth })).status()).toBe(410);
});

test('a household without consent: no request to the hub carries a name, an address or free text', async ({ page }) => {
  // Everything personal the demo households hold: names, addresses, phone numbers and the free text of their intakes.
  const demoHouseholds = JSON.parse(readFileSync('resources/demo/households.json', 'utf8')) as unknown[];
  const personal = new Set<string>();
  const collect = (value: unknown, key = ''): void => {
    if (typeof value === 'string') {
      if (['name', 'firstName', 'lastName', 'street', 'phone', 'email', 'bestTime', 'note', 'ownView', 'goesWell', 'wishes', 'what', 'freeText', 'ownWords', 'triedSoFar', 'creditor'].includes(key) && value.trim().length >= 4)
        personal.add(value);
      if (key === 'postcode') personal.add(value).add(value.replace(/\s/g, ''));
    } else if (Array.isArray(value)) value.forEach((v) => collect(v, key));
    else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) collect(v, k);
  };
  collect(demoHouseholds);
  expect(personal.size).toBeGreaterThan(30);

  const sent: { url: string; body: string }[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) sent.push({ url: request.url(), body: request.postData() ?? '' });
  });

  await signInAndOpen(page, 'Familie Hendriks');
  // The worker starts the consent but does not finish it: no method chosen, so no valid consent.
  await page.getByRole('link', { name: 'Overdragen aan schuldhulp' }).click();
  await page.getByRole('checkbox', { name: 'Geld', exact: true }).check();
  await page.getByRole('checkbox', { name: 'Gemeente Heerlen, Schuldhulpverlening' }).check();
  await expect(page.getByRole('button', { name: 'Versturen' })).toBeDisabled();
  await expect(page.getByText('Opgeslagen op dit apparaat.')).toBeVisible();
  // Everything in the outbox has gone (the new cases and the signal events), but the header does not say
  // "Alles is verstuurd": the started handover still sits on this laptop.
  await page.getByRole('link', { name: 'Verzenden' }).click();
  await page.getByRole('button', { name: 'Nu versturen' }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: '1 overdracht nog niet verstuurd' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('banner').getByRole('link', { name: 'Alles is verstuurd' })).toHaveCount(0);
  await expectNoAxeViolations(page, 'sync page after a household without consent');

  const writes = sent.filter((r) => r.body !== '' && !r.url.endsWith('/api/v1/auth/login'));
  expect(writes.some((r) => r.url.includes('/api/v1/cases'))).toBe(true);
  expect(sent.some((r) => r.url.includes('/dossiers'))).toBe(false);
  for (const request of sent) {
    const found = [...personal].filter((text) => request.url.includes(text) || request.body.includes(text));
    expect(found, `${request.url} carries personal data`).toEqual([]);
  }
});
