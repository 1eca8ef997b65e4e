import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SignalDetails } from './signal-details';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const draft = {
  id: '00000000-0000-4000-8000-000000000001', catalogueId: 'dreigende-huisuitzetting', freeText: '', note: '',
  observedOn: '2026-02-01', recordedAt: '2026-03-09T10:00:00.000Z',
};
const render = (d: typeof draft, spoed = false) =>
  renderToStaticMarkup(<SignalDetails draft={d} title="Dreigende huisuitzetting" today="2026-03-10" spoed={spoed} onChange={() => undefined} />);

describe('SignalDetails', () => {
  it('starts folded: a summary and one button, the date and note hidden until asked for', () => {
    const html = render(draft);
    expect(text(html)).toContain('Sinds 1 februari 2026');
    expect(html).toMatch(/<button[^>]*aria-expanded="false"/);
    expect(html).toMatch(/<div id="[^"]+" class="signal__details" hidden="">/);
    expect(text(html)).toContain('Datum en opmerking bij Dreigende huisuitzetting');
  });

  it('says a note is there without showing it', () => {
    expect(text(render({ ...draft, note: 'Brief gezien' }))).toContain('Sinds 1 februari 2026, met opmerking');
  });

  it('opens by itself when the date cannot be stored, so the error is seen', () => {
    const html = render({ ...draft, observedOn: '2099-01-01' });
    expect(html).toMatch(/aria-expanded="true"/);
    expect(html).not.toContain('hidden=""');
    expect(text(html)).toContain('Deze datum ligt in de toekomst.');
  });

  it('for a Spoed signal, says the working days count from the day it was told, not from this date', () => {
    expect(text(render(draft, true))).toContain('De 3 werkdagen tellen niet vanaf deze datum. Ze tellen vanaf 9 maart 2026: de dag dat de bewoner het vertelde.');
    expect(text(render(draft, false))).not.toContain('werkdagen');
  });
});
