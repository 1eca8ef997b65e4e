import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DecideActions, DecisionForm, decisionTermText, PlanForm } from './handover-actions';
import { summary } from './testing-summary';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
const planned = summary({
  status: 'first-conversation-planned',
  // 00:30 on 5 March in Heerlen: the hub counts the 8 weeks from 5 March, to 30 April.
  firstConversation: { plannedAt: '2026-03-04T23:30:00.000Z', how: 'video', place: '', phone: '' },
  deadlines: { basis: 'regular', countedFrom: '2026-03-02', firstConversationBy: '2026-03-30', decisionBy: '2026-04-30' },
});

describe('the decision term on the office screen', () => {
  it('appears once the first conversation is planned, counted from its Dutch day, with the hub’s date', () => {
    expect(decisionTermText(summary())).toBeNull();
    expect(decisionTermText(planned)).toBe('Het besluit moet uiterlijk op 30 april 2026 zijn: 8 weken na het eerste gesprek op 5 maart 2026.');
  });

  it('says when the decision was taken, and whether in time', () => {
    expect(decisionTermText(summary({ ...planned, status: 'decided', decision: { decidedOn: '2026-04-30', note: 'Toegelaten.' } }))).toBe(
      'Besluit genomen op 30 april 2026. De termijn was 30 april 2026 (8 weken na het eerste gesprek op 5 maart 2026): op tijd.',
    );
    expect(decisionTermText(summary({ ...planned, status: 'decided', decision: { decidedOn: '2026-05-04', note: '' } }))).toMatch(/: 4 dagen te laat\.$/);
  });

  it('puts the term above the form that records the decision: a date and the outcome, both required', () => {
    const html = renderToStaticMarkup(<DecisionForm handover={planned} today="2026-04-01" act={() => Promise.resolve(true)} onDecide={() => Promise.reject(new Error('not sent'))} />);
    expect(text(html)).toContain('Besluit vastleggen Het besluit moet uiterlijk op 30 april 2026 zijn');
    expect(text(html)).toMatch(/Datum van het besluit/);
    expect(text(html)).toMatch(/Uitkomst/);
    expect(html).toMatch(/<button type="submit" class="button">Besluit vastleggen<\/button>/);
  });

  it('writes the term for the first conversation with the month in words, as the rest of the page does', () => {
    const accepted = summary({ status: 'accepted' });
    const html = renderToStaticMarkup(<PlanForm handover={accepted} act={() => Promise.resolve(true)} onPlan={() => Promise.reject(new Error('not sent'))} />);
    expect(text(html)).toContain('Het eerste gesprek moet uiterlijk op 18 december 2026 zijn.');
    expect(text(html)).not.toMatch(/\d{2}-\d{2}-\d{4} zijn/);
  });

  it('says under the note that “another reason” needs one', () => {
    const html = renderToStaticMarkup(
      <DecideActions handover={summary()} contactName="Consulent" act={() => Promise.resolve(true)} onAccept={() => Promise.reject(new Error('no'))} onReturn={() => Promise.reject(new Error('no'))} />,
    );
    expect(text(html)).toContain('Toelichting voor de buurtteamwerker Nodig bij ‘Een andere reden’, anders niet verplicht.');
  });
});
