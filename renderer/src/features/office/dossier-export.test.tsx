import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { holidays, lifeDomains, recipients, settings, signalCatalogue } from '../../../../resources/index';
import { realisticDossier } from '../../../../shared/domain/fixtures/realistic';
import type { HubCall } from '../../data/hub-call';
import { DossierExport, exportDossier } from './dossier-export';
import { summary } from './testing-summary';

describe('DossierExport', () => {
  it('offers the PDF of the version on screen, with a polite status line for what happens', () => {
    const dossier = realisticDossier(1, { lifeDomains, signalCatalogue, settings, holidays, recipients });
    const read = { handover: summary(), version: 3, receivedAt: '2026-11-20T10:00:00.000Z', versions: [], dossier };
    const html = renderToStaticMarkup(
      <DossierExport read={read} dossier={dossier} madeBy="Sanne Schuldhulp" record={() => Promise.reject(new Error('not asked'))} onExpired={() => undefined} />,
    );
    expect(html).toMatch(/<section class="panel" aria-labelledby="export-title"><h2 id="export-title">Dossier als pdf<\/h2>/);
    expect(html).toContain('Download versie 3 van het dossier');
    expect(html).toMatch(/<button type="button" class="button button--secondary">Dossier downloaden \(pdf\)<\/button><p role="status"><\/p>/);
  });
});

describe('exporting a dossier', () => {
  const pdf = new Uint8Array([37, 80, 68, 70]);
  /** The steps of one export, in the order they happened. */
  function run(recorded: HubCall<unknown>, make: () => Promise<Uint8Array> = () => Promise.resolve(pdf)) {
    const steps: string[] = [];
    const outcome = exportDossier({
      make: async () => {
        steps.push('make');
        return make();
      },
      record: () => {
        steps.push('record');
        return Promise.resolve(recorded);
      },
      save: (bytes) => steps.push(`save ${bytes.length} bytes`),
    });
    return outcome.then((o) => ({ outcome: o, steps }));
  }

  it('hands the PDF over only after the hub has put the export on record', async () => {
    expect(await run({ kind: 'ok', value: {} })).toEqual({ outcome: 'done', steps: ['make', 'record', 'save 4 bytes'] });
  });

  it('does not hand it over when the export cannot be put on record: offline, a hub failure, or a refusal', async () => {
    const answers: HubCall<unknown>[] = [
      { kind: 'network', error: { code: 'net.offline' } },
      { kind: 'http', status: 500, error: { code: 'hub.internal' } },
      { kind: 'http', status: 403, error: { code: 'hub.consent_expired' } },
      { kind: 'http', status: 410, error: { code: 'hub.dossier_withdrawn' } },
    ];
    for (const answer of answers) expect(await run(answer)).toEqual({ outcome: 'not-recorded', steps: ['make', 'record'] });
  });

  it('sends the counsellor to sign in again when the session ended, without a PDF', async () => {
    expect(await run({ kind: 'http', status: 401, error: { code: 'hub.unauthorized' } })).toEqual({ outcome: 'expired', steps: ['make', 'record'] });
  });

  it('puts nothing on record when the PDF could not be made', async () => {
    expect(await run({ kind: 'ok', value: {} }, () => Promise.reject(new Error('pdf-lib failed')))).toEqual({ outcome: 'failed', steps: ['make'] });
  });
});
