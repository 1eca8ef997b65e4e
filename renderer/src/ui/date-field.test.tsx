import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DateField } from './date-field';

describe('DateField', () => {
  it('shows a stored ISO date as dd-mm-jjjj in a plain text box, never a system-language date input', () => {
    const html = renderToStaticMarkup(<DateField label="Wanneer" value="2026-12-03" onChange={() => undefined} />);
    expect(html).toMatch(/<input[^>]*type="text"[^>]*value="03-12-2026"/);
    expect(html).not.toContain('type="date"');
    expect(html.replace(/<[^>]+>/g, '')).toContain('Dag-maand-jaar, zoals 25-12-2026.');
  });

  it('costs two Tab stops: the text box and the calendar button, which names its field', () => {
    const html = renderToStaticMarkup(<DateField label="Sinds wanneer?" aria-label="Sinds wanneer? (Huurachterstand)" value="" onChange={() => undefined} />);
    const focusable = html.match(/<(input|button|select|textarea|a)\b/g) ?? [];
    expect(focusable).toEqual(['<input', '<button']);
    expect(html).toContain('Kalender: Sinds wanneer? (Huurachterstand)');
    expect(html).toMatch(/<button[^>]*aria-haspopup="dialog"/);
  });

  it('ties the hint and the caller’s error to the text box', () => {
    const html = renderToStaticMarkup(<DateField label="Datum van die fase" hint="Laat leeg als het niet bekend is." error="Deze datum ligt in de toekomst." value="2099-01-01" onChange={() => undefined} />);
    const describedBy = /aria-describedby="([^"]+)"/.exec(html)?.[1]?.split(' ') ?? [];
    expect(describedBy).toHaveLength(3);
    const textOf = (id: string) => new RegExp(`<p id="${id}"[^>]*>(.*?)</p>`).exec(html)?.[1]?.replace(/<[^>]+>/g, '');
    expect(describedBy.map(textOf)).toEqual(['Laat leeg als het niet bekend is.', 'Dag-maand-jaar, zoals 25-12-2026.', 'Deze datum ligt in de toekomst.']);
    expect(html).toMatch(/<input[^>]*aria-invalid="true"/);
  });
});
