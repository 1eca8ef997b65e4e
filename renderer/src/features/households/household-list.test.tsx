import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { HouseholdSummary } from '../../data/contracts';
import { HouseholdList } from './household-list';

const row = (over: Partial<HouseholdSummary>): HouseholdSummary => ({
  id: 'a1', name: 'Familie Jansen', postcode: '6411 AB', adults: 1, children: 2, updatedAt: new Date(2026, 2, 10, 9, 5).toISOString(), sync: 'waiting', ...over,
});

const render = (rows: HouseholdSummary[]) =>
  renderToStaticMarkup(
    <MemoryRouter>
      <HouseholdList rows={rows} now={new Date(2026, 2, 10, 12).getTime()} />
    </MemoryRouter>,
  ).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('HouseholdList', () => {
  it('shows name, postcode, counts, last change and the sync state in words', () => {
    const text = render([row({})]);
    expect(text).toContain('Familie Jansen');
    expect(text).toContain('6411 AB');
    expect(text).toContain('1 volwassene');
    expect(text).toContain('2 kinderen');
    expect(text).toContain('Gewijzigd vandaag om 09:05');
    expect(text).toContain('Wacht op verzending');
  });
  it('names every sync state so colour is never the only signal', () => {
    const text = render([
      row({ id: '1', sync: 'saved-locally' }),
      row({ id: '2', sync: 'sending' }),
      row({ id: '3', sync: 'received' }),
      row({ id: '4', sync: 'stuck' }),
    ]);
    for (const words of ['Opgeslagen op dit apparaat', 'Wordt verstuurd', 'Ontvangen door de gemeente', 'Vastgelopen']) expect(text).toContain(words);
  });
  it('leaves out the children when there are none', () => {
    expect(render([row({ children: 0 })])).not.toContain('kind');
  });
});
