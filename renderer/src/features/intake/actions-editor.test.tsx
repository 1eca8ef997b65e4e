import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ActionsEditor } from './actions-editor';
import { newAction, removeAt, restoreAt } from './domain-entry-model';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('ActionsEditor', () => {
  it('shows a half-filled action with its words and says it is not complete yet', () => {
    const half = { ...newAction(id(1)), who: 'Bart', what: 'Brieven meenemen' };
    const html = renderToStaticMarkup(<ActionsEditor actions={[half]} onChange={() => undefined} />);
    expect(html).toContain('value="Brieven meenemen"');
    expect(text(html)).toContain('Nog niet compleet');
  });

  it('says nothing about completeness when who, what and when are filled in', () => {
    const full = { id: id(1), who: 'Bart', what: 'Brieven meenemen', due: '2026-12-30' };
    expect(text(renderToStaticMarkup(<ActionsEditor actions={[full]} onChange={() => undefined} />))).not.toContain('Nog niet compleet');
  });
});

describe('ActionsEditor at the limit', () => {
  it('stops offering "Afspraak toevoegen" at 50 actions and says why', () => {
    const actions = Array.from({ length: 50 }, (_, i) => ({ id: id(i + 1), who: 'Bart', what: 'Bellen', due: '2026-12-30' }));
    const full = text(renderToStaticMarkup(<ActionsEditor actions={actions} onChange={() => undefined} />));
    expect(full).not.toContain('Afspraak toevoegen');
    expect(full).toContain('Er zijn 50 afspraken. Meer kan niet bij één leefgebied. Verwijder eerst een afspraak die klaar is.');
    expect(text(renderToStaticMarkup(<ActionsEditor actions={actions.slice(1)} onChange={() => undefined} />))).toContain('Afspraak toevoegen');
  });
});

describe('removing and restoring an action', () => {
  const rows = [1, 2, 3].map((n) => ({ ...newAction(id(n)), what: `Stap ${n}` }));

  it('puts an undone action back in its own place', () => {
    const without = removeAt(rows, 1);
    expect(without.map((a) => a.what)).toEqual(['Stap 1', 'Stap 3']);
    expect(restoreAt(without, 1, rows[1] ?? newAction(id(9))).map((a) => a.what)).toEqual(['Stap 1', 'Stap 2', 'Stap 3']);
  });

  it('puts it at the end when the list got shorter, and never twice', () => {
    const last = rows[2] ?? newAction(id(9));
    expect(restoreAt([], 2, last).map((a) => a.what)).toEqual(['Stap 3']);
    expect(restoreAt(rows, 2, last)).toHaveLength(3);
  });
});
