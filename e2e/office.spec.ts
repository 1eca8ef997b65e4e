import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './fixtures/axe';
import { demo } from './fixtures/hub';
import { SignInPage } from './pages/sign-in-page';

/** What the browser keeps for this origin: IndexedDB rows, localStorage, sessionStorage and Cache Storage, as text. */
async function browserStorageText(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const parts: string[] = [];
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(info.name ?? '');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error ?? new Error('open failed'));
      });
      for (const name of Array.from(db.objectStoreNames)) {
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => resolve(request.result as unknown[]);
          request.onerror = () => reject(request.error ?? new Error('read failed'));
        });
        parts.push(JSON.stringify(rows));
      }
      db.close();
    }
    parts.push(JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage }));
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) parts.push(request.url, await (await cache.match(request))?.text() ?? '');
    }
    return parts.join('\n');
  });
}

test('a counsellor signs in to the office shell: no PIN, nothing stored, signed out again after a reload', async ({ page }) => {
  const signIn = new SignInPage(page);
  await page.goto('/');
  await signIn.signIn(demo.counsellor.username, demo.counsellor.password);

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
