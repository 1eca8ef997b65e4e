import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { lifeDomains, recipients } from '../../../../resources/index';
import { rikIntake } from '../../../../shared/domain/fixtures/rik';
import { ConsentFormFields } from './consent-form-fields';
import { changeConsentForm, consentChoices, emptyConsentForm } from './consent-form-model';

const choices = consentChoices(rikIntake, lifeDomains, recipients);
const render = (value = emptyConsentForm(), error?: string) =>
  renderToStaticMarkup(<ConsentFormFields choices={choices} value={value} onChange={() => undefined} validUntil="2027-11-25" error={error} />);
const checkbox = (html: string, label: string) => new RegExp(`<input type="checkbox"[^>]*>${label.replace(/[()]/g, '\\$&')}`).exec(html)?.[0] ?? '';

describe('ConsentFormFields', () => {
  it('asks what, with whom and how, with nothing ticked and only what there is to share', () => {
    const html = render();
    expect(html.match(/<legend>[^<]+<\/legend>/g)).toEqual([
      '<legend>Wat wordt er gedeeld?</legend>', '<legend>Leefgebieden: wat de bewoner vertelde en de afspraken</legend>', '<legend>Met wie?</legend>',
      '<legend>Hoe gaf de bewoner toestemming?</legend>',
    ]);
    expect(html).not.toContain('checked=""');
    expect(checkbox(html, 'Mentale gezondheid')).not.toBe('');
    expect(checkbox(html, 'Verslaving')).toBe('');
    expect(checkbox(html, 'Gemeente Heerlen, Schuldhulpverlening')).not.toBe('');
    expect(html).toContain('De toestemming geldt tot en met 25 november 2027.');
  });

  it('shows what was chosen, and keeps the notes closed until the signals are shared', () => {
    const closed = render();
    expect(checkbox(closed, 'Aantekeningen bij de signalen')).toContain('disabled');
    let form = changeConsentForm(emptyConsentForm(), { field: 'domain', id: 'geld', on: true });
    form = changeConsentForm(form, { field: 'signals', on: true });
    form = changeConsentForm(form, { field: 'method', method: 'signed' });
    const html = render(form);
    expect(checkbox(html, 'Geld')).toContain('checked');
    expect(checkbox(html, 'Signalen: de zorgen die jullie samen zagen')).toContain('checked');
    expect(checkbox(html, 'Aantekeningen bij de signalen')).not.toContain('disabled');
    expect(html).toMatch(/<input type="radio"[^>]*checked=""[^>]*value="signed"/);
  });

  it('says the first problem at the top, so a screen reader hears it', () => {
    expect(render(emptyConsentForm(), 'Kies met wie de gegevens worden gedeeld.')).toContain('<p class="field__error" role="alert">Kies met wie de gegevens worden gedeeld.</p>');
  });
});

describe('changeConsentForm', () => {
  it('ticks and unticks, once per id, and takes the notes away with the signals', () => {
    let form = changeConsentForm(emptyConsentForm(), { field: 'domain', id: 'geld', on: true });
    form = changeConsentForm(form, { field: 'domain', id: 'geld', on: true });
    expect(form.domains).toEqual(['geld']);
    form = changeConsentForm(changeConsentForm(form, { field: 'signals', on: true }), { field: 'notes', on: true });
    expect(form).toMatchObject({ signals: true, notes: true });
    expect(changeConsentForm(form, { field: 'signals', on: false })).toMatchObject({ signals: false, notes: false });
    expect(changeConsentForm(form, { field: 'domain', id: 'geld', on: false }).domains).toEqual([]);
    expect(changeConsentForm(form, { field: 'recipient', id: 'schuldhulp-heerlen', on: true }).recipients).toEqual(['schuldhulp-heerlen']);
  });
});
