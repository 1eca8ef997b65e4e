import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { holidays, lifeDomains, recipients, settings, signalCatalogue } from '../../../../resources/index';
import { realisticDossier } from '../../../../shared/domain/fixtures/realistic';
import { DossierExport } from './dossier-export';
import { summary } from './testing-summary';

describe('DossierExport', () => {
  it('offers the PDF of the version on screen, with a polite status line for what happens', () => {
    const dossier = realisticDossier(1, { lifeDomains, signalCatalogue, settings, holidays, recipients });
    const read = { handover: summary(), version: 3, receivedAt: '2026-11-20T10:00:00.000Z', versions: [], dossier };
    const html = renderToStaticMarkup(<DossierExport read={read} dossier={dossier} madeBy="Sanne Schuldhulp" />);
    expect(html).toMatch(/<section class="panel" aria-labelledby="export-title"><h2 id="export-title">Dossier als pdf<\/h2>/);
    expect(html).toContain('Download versie 3 van het dossier');
    expect(html).toMatch(/<button type="button" class="button button--secondary">Dossier downloaden \(pdf\)<\/button><p role="status"><\/p>/);
  });
});
