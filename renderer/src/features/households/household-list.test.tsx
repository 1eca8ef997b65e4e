import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { HouseholdSummary, HouseholdUrgency } from '../../data/contracts';
import { HouseholdList, urgentFirst, withIntakeChanges } from './household-list';

const row = (over: Partial<HouseholdSummary>): HouseholdSummary => ({
  id: 'a1', name: 'Familie Jansen', postcode: '6411 AB', adults: 1, children: 2, updatedAt: new Date(2026, 2, 10, 9, 5).toISOString(), sync: 'waiting', ...over,
});

const html = (rows: HouseholdSummary[], urgency?: ReadonlyMap<string, HouseholdUrgency>) =>
  renderToStaticMarkup(
    <MemoryRouter>
      <HouseholdList rows={rows} now={new Date(2026, 2, 10, 12).getTime()} {...(urgency ? { urgency } : {})} />
    </MemoryRouter>,
  );
const render = (rows: HouseholdSummary[], urgency?: ReadonlyMap<string, HouseholdUrgency>) =>
  html(rows, urgency).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

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
    for (const words of ['Opgeslagen op dit apparaat', 'Wordt verstuurd', 'Aangemeld bij de gemeente, zonder gegevens', 'Vastgelopen']) expect(text).toContain(words);
  });
  it('leaves out the children when there are none', () => {
    expect(render([row({ children: 0 })])).not.toContain('kind');
  });
  it('marks an urgent household with "Spoed" in words, the crisis by name and an explanation for screen readers', () => {
    const urgency = new Map([['u', { crisisTypes: ['huisuitzetting', 'afsluiting-energie'], deadline: '2026-03-12' }]]);
    const markup = html([row({ id: 'u', name: 'Marco Jacobs' }), row({ id: 'c', name: 'Familie Rust' })], urgency);
    const text = render([row({ id: 'u', name: 'Marco Jacobs' }), row({ id: 'c', name: 'Familie Rust' })], urgency);
    expect(text.match(/Spoed: crisis/g)).toHaveLength(1);
    expect(text).toContain('Dreigende huisuitzetting, Afsluiting van gas, stroom of stadsverwarming');
    expect(markup).toMatch(/<span class="visually-hidden">Er is een crisis\. Het eerste gesprek met schuldhulp moet binnen 3 werkdagen zijn\.<\/span>/);
    // The badge belongs to Marco's card, not to the calm household after it.
    expect(text.indexOf('Spoed')).toBeGreaterThan(text.indexOf('Marco Jacobs'));
    expect(text.indexOf('Spoed')).toBeLessThan(text.indexOf('Familie Rust'));
  });
});

describe('handover status in the list', () => {
  it('shows each household\'s handover status, with "Nieuw" only where it changed since the household was opened', () => {
    const handovers = new Map([
      ['a1', { text: 'Ontvangen door schuldhulp.', changed: true }],
      ['b2', { text: 'Ontvangen door de gemeente.', changed: false }],
    ]);
    const text = renderToStaticMarkup(
      <MemoryRouter>
        <HouseholdList rows={[row({}), row({ id: 'b2', name: 'Marco Jacobs' }), row({ id: 'c3', name: 'Familie Nieuw' })]} now={Date.now()} handovers={handovers} />
      </MemoryRouter>,
    ).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    const jansen = text.slice(0, text.indexOf('Marco Jacobs'));
    const marco = text.slice(text.indexOf('Marco Jacobs'), text.indexOf('Familie Nieuw'));
    const nieuw = text.slice(text.indexOf('Familie Nieuw'));
    expect(jansen).toContain('Nieuw De overdracht is veranderd');
    expect(jansen).toContain('Overdracht: Ontvangen door schuldhulp.');
    expect(marco).toContain('Overdracht: Ontvangen door de gemeente.');
    expect(marco).not.toContain('Nieuw');
    expect(nieuw).not.toContain('Overdracht');
  });
});

describe('urgentFirst', () => {
  it('puts urgent households on top and keeps newest first within each group', () => {
    const rows = ['new', 'calm', 'urgent-old', 'older', 'urgent-oldest'].map((id) => row({ id }));
    const urgency = new Map([['urgent-old', { crisisTypes: ['huisuitzetting'], deadline: '2026-03-12' }], ['urgent-oldest', { crisisTypes: ['afsluiting-water'], deadline: '2026-03-12' }]]);
    expect(urgentFirst(rows, urgency).map((r) => r.id)).toEqual(['urgent-old', 'urgent-oldest', 'new', 'calm', 'older']);
    expect(urgentFirst(rows, new Map()).map((r) => r.id)).toEqual(['new', 'calm', 'urgent-old', 'older', 'urgent-oldest']);
  });
});

describe('crisis households by deadline', () => {
  it('puts the nearest deadline first, whatever changed last; one without a deadline after them', () => {
    const rows = ['later', 'calm', 'sooner', 'unknown'].map((id) => row({ id }));
    const urgency = new Map([
      ['later', { crisisTypes: ['huisuitzetting'], deadline: '2026-03-16' }],
      ['sooner', { crisisTypes: ['afsluiting-water'], deadline: '2026-03-11' }],
      ['unknown', { crisisTypes: ['afsluiting-water'], deadline: null }],
    ]);
    expect(urgentFirst(rows, urgency).map((r) => r.id)).toEqual(['sooner', 'later', 'unknown', 'calm']);
  });

  it('shows the deadline date on the card, and says when it has passed', () => {
    const soon = new Map([['u', { crisisTypes: ['huisuitzetting'], deadline: '2026-03-12' }]]);
    expect(render([row({ id: 'u' })], soon)).toContain('Eerste gesprek uiterlijk donderdag 12 maart 2026.');
    const past = new Map([['u', { crisisTypes: ['huisuitzetting'], deadline: '2026-03-09' }]]);
    expect(render([row({ id: 'u' })], past)).toContain('Termijn voorbij sinds maandag 9 maart 2026.');
  });
});

describe('withIntakeChanges', () => {
  const at = (h: number, m: number) => new Date(2026, 2, 10, h, m).getTime();
  it('shows the intake\'s later change as "Gewijzigd" and puts that household first again', () => {
    const rows = [row({ id: 'a', updatedAt: new Date(at(9, 0)).toISOString() }), row({ id: 'b', updatedAt: new Date(at(8, 0)).toISOString() })];
    const out = withIntakeChanges(rows, new Map([['b', at(11, 30)]]), true);
    expect(out.map((r) => r.id)).toEqual(['b', 'a']);
    expect(render([...out])).toContain('Gewijzigd vandaag om 11:30');
  });

  it('keeps a search\'s order and ignores an intake change older than the household\'s own', () => {
    const rows = [row({ id: 'a', updatedAt: new Date(at(9, 0)).toISOString() }), row({ id: 'b', updatedAt: new Date(at(8, 0)).toISOString() })];
    expect(withIntakeChanges(rows, new Map([['b', at(11, 30)]]), false).map((r) => r.id)).toEqual(['a', 'b']);
    expect(withIntakeChanges(rows, new Map([['a', at(7, 0)]]), true)).toBe(rows);
  });
});
