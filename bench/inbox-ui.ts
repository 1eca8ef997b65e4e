import type { Browser } from '@playwright/test';
import { percentile } from '../server/bench/bench-hub';
import { inboxAreas, inboxBenchPassword, type InboxHub } from '../server/bench/inbox.bench';

/**
 * The counsellor's inbox in Chromium, served by a hub that holds thousands of handovers: from the list request
 * leaving the page to the sorted rows on screen (the next animation frame after they are in the DOM).
 */

export interface InboxUiFigures {
  /** Sign-in to the first rows, once. */
  firstRowsMs: number;
  /** A filter chosen (neighbourhood, or all again): request start → rows shown. */
  filterP50Ms: number;
  filterP95Ms: number;
  /** The same, measured from the change of the select (includes React's work before the request). */
  filterFromInputP95Ms: number;
  /** The hub's part of it: request start → response end, as the browser saw it. */
  filterNetworkP95Ms: number;
  /** A search: request start (after the typing pause) → rows shown. */
  searchP95Ms: number;
  changes: number;
}

interface Timing {
  fromRequest: number;
  fromInput: number;
  network: number;
}

export async function benchInboxUi(browser: Browser, hub: InboxHub, changes = 40): Promise<InboxUiFigures> {
  const address = await hub.app.listen({ port: 0, host: '127.0.0.1' });
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    page.on('pageerror', (e) => console.log('inbox bench page error:', e.message));
    await page.goto(address);
    await page.getByLabel('Gebruikersnaam').fill(hub.counsellorName);
    await page.getByLabel('Wachtwoord').fill(inboxBenchPassword);
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.locator('table.inbox tbody tr').first().waitFor();
    const firstRowsMs = Date.now() - t0;

    /** Changes one control as a person would (a select's value, or typing in search), then waits for the new rows. */
    const measure = (control: { label: string; value: string }) =>
      page.evaluate(async ({ label, value }): Promise<Timing> => {
        performance.clearResourceTimings();
        const field = [...document.querySelectorAll('label')].find((l) => l.textContent === label)?.control;
        if (!(field instanceof HTMLSelectElement) && !(field instanceof HTMLInputElement)) throw new Error(`no field ${label}`);
        const shown = new Promise<number>((resolve, reject) => {
          // A screen that no longer shows its busy state would leave the bench waiting for ever: fail instead.
          setTimeout(() => reject(new Error(`no new rows within 10 s after changing ${label}`)), 10_000);
          // New rows: the list went to "laden" (or, for a search, "Zoeken…") for the new choice, and came back with rows.
          let loading = false;
          const observer = new MutationObserver(() => {
            const busy = document.querySelector('.loading') !== null || (document.querySelector('.inbox__searching')?.textContent ?? '') !== '';
            if (busy) loading = true;
            if (!loading || busy || !document.querySelector('table.inbox tbody tr')) return;
            observer.disconnect();
            requestAnimationFrame(() => resolve(performance.now()));
          });
          observer.observe(document.querySelector('main') ?? document.body, { childList: true, subtree: true, characterData: true });
        });
        const start = performance.now();
        if (field instanceof HTMLSelectElement) {
          field.value = value;
          field.dispatchEvent(new Event('change', { bubbles: true }));
        } else {
          // React listens to input events and reads the value through the native setter.
          Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(field, value);
          field.dispatchEvent(new Event('input', { bubbles: true }));
        }
        const end = await shown;
        const request = performance
          .getEntriesByType('resource')
          .filter((e): e is PerformanceResourceTiming => e instanceof PerformanceResourceTiming && e.name.includes('/api/v1/handovers?') && e.startTime >= start)
          .at(0);
        if (!request) throw new Error('no list request seen');
        return { fromRequest: end - request.startTime, fromInput: end - start, network: request.responseEnd - request.startTime };
      }, control);

    const filters: Timing[] = [];
    const values = [...inboxAreas, ''];
    for (let i = 0; i < changes + 3; i++) {
      const t = await measure({ label: 'Wijk', value: values[i % values.length]! });
      if (i >= 3) filters.push(t); // the first three warm up the JIT and the caches
    }
    await measure({ label: 'Wijk', value: '' });
    const searches: Timing[] = [];
    const words = ['jansen', 'peters', 'smeets', 'bakker', 'willems'];
    for (let i = 0; i < Math.ceil(changes / 2) + 2; i++) {
      const t = await measure({ label: 'Zoeken', value: words[i % words.length]! });
      if (i >= 2) searches.push(t);
    }
    return {
      firstRowsMs,
      filterP50Ms: percentile(filters.map((t) => t.fromRequest), 50),
      filterP95Ms: percentile(filters.map((t) => t.fromRequest), 95),
      filterFromInputP95Ms: percentile(filters.map((t) => t.fromInput), 95),
      filterNetworkP95Ms: percentile(filters.map((t) => t.network), 95),
      searchP95Ms: percentile(searches.map((t) => t.fromRequest), 95),
      changes: filters.length,
    };
  } finally {
    await context.close();
  }
}
