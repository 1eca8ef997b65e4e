import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TextField } from './text-field';

const parse = (html: string) => ({
  attr: (name: string) => new RegExp(`<input[^>]*\\s${name}="([^"]*)"`).exec(html)?.[1],
  idOf: (text: string) => new RegExp(`<p id="([^"]+)"[^>]*>${text}</p>`).exec(html)?.[1],
});

describe('TextField', () => {
  it('ties the error and the hint to the input, so a screen reader reads them', () => {
    const html = renderToStaticMarkup(<TextField label="Postcode" hint="Zoals 6411 AB." error="Vul een Nederlandse postcode in." required />);
    const f = parse(html);
    expect(f.attr('aria-invalid')).toBe('true');
    expect(f.attr('aria-describedby')?.split(' ')).toEqual([f.idOf('Zoals 6411 AB.'), f.idOf('Vul een Nederlandse postcode in.')]);
    expect(html).toMatch(/<label for="([^"]+)">Postcode<\/label>/);
    expect(f.attr('id')).toBe(/<label for="([^"]+)">/.exec(html)?.[1]);
  });

  it('is not marked invalid without an error', () => {
    const f = parse(renderToStaticMarkup(<TextField label="Achternaam" />));
    expect(f.attr('aria-invalid')).toBeUndefined();
    expect(f.attr('aria-describedby')).toBeUndefined();
  });
});
