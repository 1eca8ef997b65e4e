import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { IntakeValidationError } from '../../data/repositories/intake-repository';
import { SaveStatus } from './save-status';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const failed = (...errors: unknown[]) => text(renderToStaticMarkup(<SaveStatus state={{ kind: 'failed', retry: () => undefined, errors }} />));
const tooMany = new IntakeValidationError([{ path: 'actions', message: 'Er kunnen maximaal 50 afspraken bij één leefgebied. Verwijder een afspraak die klaar is.' }]);

describe('SaveStatus', () => {
  it('says what to change when the data was refused, without a pointless "Opnieuw bewaren"', () => {
    const shown = failed(tooMany);
    expect(shown).toContain('Dit is niet bewaard. Pas eerst dit aan:');
    expect(shown).toContain('Verwijder een afspraak die klaar is.');
    expect(shown).not.toContain('Opnieuw bewaren');
    expect(shown).not.toContain('probeer het opnieuw');
  });

  it('offers "Opnieuw bewaren" when the disk or store failed', () => {
    const shown = failed(new Error('QuotaExceededError'));
    expect(shown).toContain('Bewaren is niet gelukt');
    expect(shown).toContain('Opnieuw bewaren');
  });

  it('shows both when one section was refused and another failed', () => {
    const shown = failed(tooMany, new Error('disk full'));
    expect(shown).toContain('Verwijder een afspraak die klaar is.');
    expect(shown).toContain('Opnieuw bewaren');
  });
});
