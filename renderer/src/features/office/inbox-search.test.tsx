import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createInboxLoader, SEARCH_DELAY_MS, type InboxLoader } from './inbox-loader';
import { noFilters } from './inbox-model';
import { InboxPage } from './inbox-page';
import { fakeInboxHub } from './testing-inbox-hub';
import type { Inbox } from './use-inbox';

const nothing = () => undefined;

/** What the counsellor sees of the inbox the loader holds: the search box, the status line and the names listed. */
function screen(loader: InboxLoader) {
  const inbox: Inbox = { ...loader.state(), setFilters: nothing, type: nothing, searchNow: nothing, loadMore: nothing, refresh: nothing };
  const html = renderToStaticMarkup(<InboxPage inbox={inbox} onOpen={nothing} />);
  return {
    box: /<input[^>]*type="search"[^>]*value="([^"]*)"/.exec(html)?.[1] ?? null,
    status: /<p role="status" class="inbox__searching">([^<]*)<\/p>/.exec(html)?.[1] ?? null,
    busy: html.includes('aria-busy="true"'),
    loading: html.includes('Overdrachten laden…'),
    clearButton: html.includes('Filters wissen'),
    area: /<option value="([^"]*)" selected="">[^<]*<\/option><\/select>/.exec(html.slice(html.indexOf('Alle wijken') - 40))?.[1] ?? null,
    names: [...html.matchAll(/<button type="button" class="link-button">([^<]*)<\/button>/g)].map((m) => m[1]),
  };
}

function setup() {
  const hub = fakeInboxHub(20); // Inwoner 0 … 19; the odd ones in 6412
  const loader = createInboxLoader({ list: hub.list, onChange: nothing, onExpired: nothing });
  const searched = () => hub.queries.filter((q) => q.q !== undefined).map((q) => q.q);
  return { hub, loader, searched };
}

describe('the inbox search box and the list', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('keeps what was typed when a dossier is opened before the pause in typing, and comes back to it with the rows that match', async () => {
    const { loader, searched } = setup();
    await loader.setFilters({ ...noFilters, area: '6412' });
    expect(screen(loader).names).toHaveLength(10);

    loader.type('Inwoner 7');
    await vi.advanceTimersByTimeAsync(SEARCH_DELAY_MS - 100);
    // Within the pause: the box holds the words, and the list, still the old one, says it is searching.
    expect(screen(loader)).toMatchObject({ box: 'Inwoner 7', status: 'Zoeken…', busy: true, clearButton: true });
    expect(screen(loader).names).toHaveLength(10);
    expect(searched()).toEqual([]);

    // She opens a row now: leaving the inbox searches at once (inbox-home.tsx), and the pause's own search never follows.
    await loader.searchNow();
    await vi.advanceTimersByTimeAsync(SEARCH_DELAY_MS * 3);
    expect(searched()).toEqual(['Inwoner 7']);

    // Back from the dossier the inbox asks again, with the same search and filters.
    await loader.poll();
    expect(screen(loader)).toEqual({ box: 'Inwoner 7', status: '', busy: false, loading: false, clearButton: true, area: '6412', names: ['Inwoner 7'] });
    expect(searched()).toEqual(['Inwoner 7', 'Inwoner 7']);
  });

  it('asks the hub once, for the last words, after a pause in typing; words that change nothing ask nothing', async () => {
    const { loader, searched } = setup();
    await loader.setFilters(noFilters);
    for (const typed of ['I', 'In', 'Inwoner 1']) {
      loader.type(typed);
      await vi.advanceTimersByTimeAsync(100);
    }
    await vi.advanceTimersByTimeAsync(SEARCH_DELAY_MS - 101);
    expect(searched()).toEqual([]);
    expect(screen(loader).status).toBe('Zoeken…');
    await vi.advanceTimersByTimeAsync(1);
    expect(searched()).toEqual(['Inwoner 1']);
    expect(screen(loader)).toMatchObject({ box: 'Inwoner 1', status: '', busy: false });
    expect(screen(loader).names).toHaveLength(11); // 1 and 10 … 19

    // A space at the end, or typing away and back before the pause: the list already matches.
    loader.type('Inwoner 1 ');
    await vi.advanceTimersByTimeAsync(SEARCH_DELAY_MS * 2);
    loader.type('Inwoner 12');
    await vi.advanceTimersByTimeAsync(100);
    loader.type('Inwoner 1');
    await vi.advanceTimersByTimeAsync(SEARCH_DELAY_MS * 2);
    expect(searched()).toEqual(['Inwoner 1']);
    expect(screen(loader)).toMatchObject({ box: 'Inwoner 1', status: '', busy: false });
  });

  it('says it is searching, not loading, until the hub answers a search, and never shows rows of another search meanwhile', async () => {
    const { hub, loader } = setup();
    await loader.setFilters(noFilters);
    loader.type('Inwoner 3');
    const release = hub.holdNext();
    const answered = loader.searchNow(); // Enter in the box
    expect(screen(loader)).toMatchObject({ box: 'Inwoner 3', status: 'Zoeken…', loading: false, names: [] });
    release();
    await answered;
    expect(screen(loader)).toMatchObject({ box: 'Inwoner 3', status: '', names: ['Inwoner 3'] });
  });

  it('empties the box with "Filters wissen", and forgets a search still waiting when the inbox closes', async () => {
    const { loader, searched } = setup();
    await loader.setFilters(noFilters);
    loader.type('Inwoner 4');
    await loader.setFilters(noFilters);
    expect(screen(loader)).toMatchObject({ box: '', status: '', clearButton: false });
    loader.type('Inwoner 5');
    loader.stop();
    await vi.advanceTimersByTimeAsync(SEARCH_DELAY_MS * 2);
    expect(searched()).toEqual([]);
  });
});
