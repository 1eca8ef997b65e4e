import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../../ui/dutch-date';
import { DossierDiffView, DossierVersions } from './dossier-versions';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
const never = () => Promise.reject(new Error('not asked'));

describe('DossierVersions', () => {
  const versions = [
    { version: 1, receivedAt: '2026-11-20T09:05:00.000Z' },
    { version: 2, receivedAt: '2026-11-25T14:40:00.000Z' },
  ];

  it('lists every version, newest first, with the day and time it arrived and which one is on screen', () => {
    const html = renderToStaticMarkup(<DossierVersions read={{ version: 2, versions }} dossier={null} loadVersion={never} onExpired={() => undefined} />);
    expect(text(html)).toContain(`Versie 2 , ontvangen op ${formatDateTime(versions[1]!.receivedAt)} (deze versie staat hieronder)`);
    expect(text(html)).toContain(`Versie 1 , ontvangen op ${formatDateTime(versions[0]!.receivedAt)}`);
    expect(text(html).indexOf('Versie 2')).toBeLessThan(text(html).indexOf('Versie 1'));
    expect(formatDateTime('2026-11-20T09:05:00.000Z')).toMatch(/^20 november 2026 om \d\d:05$/);
  });

  it('offers no comparison for a first version', () => {
    const html = renderToStaticMarkup(<DossierVersions read={{ version: 1, versions: versions.slice(0, 1) }} dossier={null} loadVersion={never} onExpired={() => undefined} />);
    expect(html).not.toContain('Toon wat er veranderd is');
  });
});

describe('DossierDiffView', () => {
  it('groups the changes by part of the dossier, with the old and new words in full', () => {
    const html = renderToStaticMarkup(
      <DossierDiffView
        from={1}
        to={2}
        changes={[
          { section: 'request', text: 'De hulpvraag in eigen woorden is gewijzigd', before: 'Ik wil rust.', after: 'Ik wil rust en een plan.' },
          { section: 'debts', text: 'Schuld bij CJIB: bedrag gewijzigd van bedrag nog onbekend naar € 340,00' },
        ]}
      />,
    );
    expect(text(html)).toBe(
      'Er zijn 2 dingen veranderd. Hulpvraag De hulpvraag in eigen woorden is gewijzigd Was Ik wil rust. Nu Ik wil rust en een plan. Schulden Schuld bij CJIB: bedrag gewijzigd van bedrag nog onbekend naar € 340,00',
    );
    expect(html).toMatch(/<h4 id="diff-debts">Schulden<\/h4>/);
  });

  it('says so when two versions are the same', () => {
    expect(text(renderToStaticMarkup(<DossierDiffView from={1} to={2} changes={[]} />))).toBe('Versie 2 is gelijk aan versie 1. Er is niets veranderd.');
  });
});
