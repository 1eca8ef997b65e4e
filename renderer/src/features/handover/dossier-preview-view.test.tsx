import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { holidays, lifeDomains, recipients, settings, signalCatalogue } from '../../../../resources/index';
import { buildDossier } from '../../../../shared/domain/dossier';
import { rikConsent, rikHousehold, rikIntake, sanne } from '../../../../shared/domain/fixtures/rik';
import { DossierPreviewView } from './dossier-preview-view';

const built = buildDossier(rikHousehold, rikIntake, rikConsent, sanne, '2026-11-26', { lifeDomains, signalCatalogue, settings, holidays, recipients });
if (!built.ok) throw new Error(built.error.code);
const dossier = built.value;

describe('DossierPreviewView', () => {
  it('shows each part as a titled panel with label and value pairs, in the order a counsellor reads', () => {
    const html = renderToStaticMarkup(<DossierPreviewView dossier={dossier} />);
    const headings = [...html.matchAll(/<h2 id="preview-[^"]+">([^<]+)<\/h2>/g)].map((m) => m[1]);
    expect(headings).toEqual([
      'Overdracht', 'Huishouden', 'Hulpvraag', 'Leefgebied: Geld', 'Leefgebied: Werk en school', 'Leefgebied: Wonen', 'Signalen', 'Geld',
      'Contactpersoon bij het buurtteam',
    ]);
    expect(html).toContain('<dt>In eigen woorden</dt><dd class="preserve-lines">Ik wil mijn schulden terugbetalen');
    expect(html).toContain('aria-labelledby="preview-finances"');
  });

  it('keeps the page heading order when it sits under an h2', () => {
    const html = renderToStaticMarkup(<DossierPreviewView dossier={dossier} headingLevel={3} />);
    expect(html).not.toContain('<h2');
    expect(html).toContain('<h3 id="preview-handover">Overdracht</h3>');
  });
});
