import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { initialInbox } from './inbox-loader';
import { noFilters } from './inbox-model';
import { InboxPage } from './inbox-page';
import { summary } from './testing-summary';
import type { Inbox } from './use-inbox';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const page = (over: Partial<Inbox>) => {
  const inbox: Inbox = { ...initialInbox, setFilters: () => undefined, type: () => undefined, searchNow: () => undefined, loadMore: () => undefined, refresh: () => undefined, ...over };
  return renderToStaticMarkup(<InboxPage inbox={inbox} onOpen={() => undefined} />);
};

describe('InboxPage', () => {
  it('says plainly when the team has no handovers, and when the filters find none', () => {
    expect(text(page({ handovers: [] }))).toContain('Er zijn geen overdrachten voor dit team. Nieuwe overdrachten verschijnen hier vanzelf.');
    const filtered = text(page({ handovers: [], filters: { ...noFilters, area: '6411' } }));
    expect(filtered).toContain('Geen overdrachten gevonden. Pas de zoekwoorden of de filters aan');
    expect(filtered).not.toContain('geen overdrachten voor dit team');
    expect(filtered).toContain('Filters wissen');
  });

  it('says whether the rows on screen are older, or whether none could be loaded, when the hub cannot be reached', () => {
    const error = { code: 'net.offline' } as const;
    expect(text(page({ handovers: [summary()], total: 1, error, refreshedAt: new Date(2026, 10, 26, 9, 40).getTime() }))).toContain('De lijst hieronder is van 09:40. We proberen het zo opnieuw.');
    const none = text(page({ handovers: null, error }));
    expect(none).toContain('De overdrachten konden niet worden geladen. We proberen het zo opnieuw.');
    expect(none).not.toContain('hieronder');
  });

  it('shows how much of a long list is on screen, with a button for more', () => {
    const html = page({ handovers: [summary(), summary()], total: 5000, nextCursor: '2.2026-12-01.7' });
    expect(text(html)).toContain('2 van de 5.000 overdrachten');
    expect(html).toMatch(/<button type="button" class="button button--secondary">Meer overdrachten laden<\/button>/);
    const all = page({ handovers: [summary()], total: 1, nextCursor: null });
    expect(text(all)).toContain('1 overdracht');
    expect(all).not.toContain('Meer overdrachten laden');
  });

  it('offers each neighbourhood and sending worker with its count, and says what the last poll brought in a polite status', () => {
    const html = page({
      handovers: [summary()],
      total: 1,
      areas: [{ postcodeArea: '6411', count: 3 }],
      workers: [{ userId: 'c0ffee00-0000-4000-8000-000000000000', name: 'Sanne de Vries', count: 3 }],
      news: '1 nieuwe overdracht',
      refreshedAt: new Date(2026, 10, 26, 10, 5).getTime(),
    });
    expect(html).toContain('<option value="6411">6411 Heerlen-Centrum (3)</option>');
    expect(html).toContain('<option value="c0ffee00-0000-4000-8000-000000000000">Sanne de Vries (3)</option>');
    expect(html).toMatch(/<p role="status" class="muted">10:05: 1 nieuwe overdracht\.<\/p>/);
  });
});
