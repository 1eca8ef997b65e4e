import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { InboxTable } from './inbox-table';
import { summary } from './testing-summary';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('InboxTable', () => {
  const rows = [
    summary({ clientName: 'Rik Jansen', urgency: 'overdue', deadlines: { basis: 'regular', countedFrom: '2026-10-01', firstConversationBy: '2026-11-24', decisionBy: '2027-01-19' } }),
    summary({ clientName: 'Bart Bos', urgency: 'crisis', deadlines: { basis: 'crisis', countedFrom: '2026-11-25', firstConversationBy: '2026-11-28', decisionBy: '2027-01-23' } }),
    summary({ clientName: 'Jeroen Smit', status: 'first-conversation-planned' }),
  ];
  const html = renderToStaticMarkup(<InboxTable rows={rows} today="2026-11-26" onOpen={() => undefined} />);

  it('marks overdue and crisis rows in words, not only in colour', () => {
    expect(html).toMatch(/<tr class="inbox__row--overdue">/);
    expect(html).toMatch(/<tr class="inbox__row--crisis">/);
    expect(text(html)).toContain('Rik Jansen Te laat');
    expect(text(html)).toContain('Bart Bos Spoed');
    expect(text(html)).not.toMatch(/Jeroen Smit (Te laat|Spoed)/);
  });

  it('gives each row its status and the time left to its deadline', () => {
    expect(text(html)).toContain('Nieuw Eerste gesprek: 2 dagen te laat');
    expect(text(html)).toContain('Nieuw Eerste gesprek: nog 2 dagen');
    expect(text(html)).toContain('Eerste gesprek gepland Besluit: nog 78 dagen');
  });

  it('opens a dossier from a button with the resident’s name, in the row header', () => {
    expect(html).toMatch(/<th scope="row"><button type="button" class="link-button">Rik Jansen<\/button>/);
  });
});
