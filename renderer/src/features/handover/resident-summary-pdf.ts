import type { PDFFont, PDFPage } from 'pdf-lib';
import type { ResidentSummary, SummaryBlock, SummaryInput } from './resident-summary';
import { residentSummary } from './resident-summary';

/**
 * Lays the resident's summary out on A4 with pdf-lib. pdf-lib is loaded on first use (its own chunk),
 * so the app's first load does not carry it. The same code runs in Electron and in the browser.
 */

const A4 = { width: 595.28, height: 841.89 };
const margin = { left: 56, right: 56, top: 60, bottom: 64 };
const contentWidth = A4.width - margin.left - margin.right;
const size = { title: 22, heading: 14.5, body: 11.5, small: 9.5 };
const leading = 1.4;
const gray = { text: 0.1, muted: 0.38, line: 0.78, band: 0.93 };

/** Characters the standard fonts cannot write, as their nearest letter (ł → l); the rest becomes "?". */
const nearest: Readonly<Record<string, string>> = { ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ı: 'i', ø: 'o', Ø: 'O', ħ: 'h', '‐': '-', '−': '-' };

function writable(font: PDFFont): (text: string) => string {
  const supported = new Set(font.getCharacterSet());
  const fix = (ch: string): string => {
    const code = ch.codePointAt(0) ?? 0;
    if (supported.has(code)) return ch;
    if (ch === '\t') return ' ';
    const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
    if (base !== ch && [...base].every((c) => supported.has(c.codePointAt(0) ?? 0))) return base;
    return nearest[ch] ?? '?';
  };
  return (text) => Array.from(text.replace(/\r\n?/g, '\n'), fix).join('');
}

/** Breaks `text` into lines no wider than `width`; a word longer than a line is cut. */
function wrap(text: string, font: PDFFont, fontSize: number, width: number): string[] {
  const fits = (s: string) => font.widthOfTextAtSize(s, fontSize) <= width;
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/ +/).filter((w) => w !== '')) {
      const next = line === '' ? word : `${line} ${word}`;
      if (fits(next)) {
        line = next;
        continue;
      }
      if (line !== '') lines.push(line);
      let rest = word;
      while (!fits(rest)) {
        let cut = rest.length - 1;
        while (cut > 1 && !fits(rest.slice(0, cut))) cut -= 1;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
}

/** The PDF of `summary` as bytes; `createdOn` (`YYYY-MM-DD`) is its creation date, so the same input gives the same file. */
export async function renderSummaryPdf(summary: ResidentSummary, createdOn: string): Promise<Uint8Array> {
  const { PDFDocument, StandardFonts, grayscale } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  const created = new Date(`${createdOn}T12:00:00Z`);
  doc.setTitle(summary.title, { showInWindowTitleBar: true });
  doc.setLanguage('nl-NL');
  doc.setSubject('Samenvatting van het gesprek voor de bewoner');
  doc.setCreator('Keukentafel');
  doc.setProducer('Keukentafel');
  doc.setCreationDate(created);
  doc.setModificationDate(created);
  const fonts: Fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    italic: await doc.embedFont(StandardFonts.HelveticaOblique),
  };
  const clean = writable(fonts.regular);

  let page: PDFPage = doc.addPage([A4.width, A4.height]);
  let y = A4.height - margin.top;
  const newPage = () => {
    page = doc.addPage([A4.width, A4.height]);
    y = A4.height - margin.top;
  };
  const room = (height: number) => {
    if (y - height < margin.bottom) newPage();
  };
  const text = (s: string, x: number, font: PDFFont, fontSize: number, shade = gray.text) =>
    page.drawText(clean(s), { x, y, size: fontSize, font, color: grayscale(shade) });
  const lines = (s: string, font: PDFFont, fontSize: number, width: number) => wrap(clean(s), font, fontSize, width);
  const lineHeight = (fontSize: number) => fontSize * leading;

  // Title and who/when/with whom.
  y -= size.title;
  text(summary.title, margin.left, fonts.bold, size.title);
  y -= 10;
  for (const line of summary.intro.flatMap((l) => lines(l, fonts.regular, size.body, contentWidth))) {
    y -= lineHeight(size.body);
    text(line, margin.left, fonts.regular, size.body, gray.muted);
  }
  y -= 10;
  page.drawLine({ start: { x: margin.left, y }, end: { x: A4.width - margin.right, y }, thickness: 0.8, color: grayscale(gray.line) });

  const paragraph = (s: string, font: PDFFont, indent = 0) => {
    for (const line of lines(s, font, size.body, contentWidth - indent)) {
      room(lineHeight(size.body));
      y -= lineHeight(size.body);
      text(line, margin.left + indent, font, size.body);
    }
    y -= 4;
  };

  const block = (b: SummaryBlock) => {
    switch (b.kind) {
      case 'heading':
        // Keep a heading with at least two lines of what follows.
        room(22 + lineHeight(size.heading) + 2 * lineHeight(size.body));
        y -= 18 + size.heading;
        text(b.text, margin.left, fonts.bold, size.heading);
        y -= 6;
        return;
      case 'paragraph':
        paragraph(b.text, fonts.regular);
        return;
      case 'quote':
        for (const line of lines(`“${b.text}”`, fonts.italic, size.body, contentWidth - 16)) {
          room(lineHeight(size.body));
          page.drawRectangle({ x: margin.left + 2, y: y - lineHeight(size.body) - 3, width: 3, height: lineHeight(size.body), color: grayscale(gray.line) });
          y -= lineHeight(size.body);
          text(line, margin.left + 16, fonts.italic, size.body);
        }
        y -= 8;
        return;
      case 'bullets':
        for (const item of b.items) {
          const itemLines = lines(item, fonts.regular, size.body, contentWidth - 18);
          itemLines.forEach((line, i) => {
            room(lineHeight(size.body));
            y -= lineHeight(size.body);
            if (i === 0) text('•', margin.left + 4, fonts.regular, size.body);
            text(line, margin.left + 18, fonts.regular, size.body);
          });
        }
        y -= 4;
        return;
      case 'actions': {
        const cols = [
          { title: 'Wie', width: 118 },
          { title: 'Wat', width: contentWidth - 118 - 118 },
          { title: 'Wanneer', width: 118 },
        ];
        const header = () => {
          room(lineHeight(size.body) + 8 + lineHeight(size.body));
          page.drawRectangle({ x: margin.left, y: y - lineHeight(size.body) - 4, width: contentWidth, height: lineHeight(size.body) + 4, color: grayscale(gray.band) });
          y -= lineHeight(size.body);
          let x = margin.left + 6;
          for (const c of cols) {
            text(c.title, x, fonts.bold, size.body);
            x += c.width;
          }
          y -= 4;
        };
        header();
        for (const row of b.rows) {
          const cells = [row.who, row.what, row.when].map((v, i) => lines(v, fonts.regular, size.body, (cols[i]?.width ?? 0) - 12));
          const height = Math.max(...cells.map((c) => c.length)) * lineHeight(size.body) + 6;
          if (y - height < margin.bottom) {
            newPage();
            header();
          }
          const top = y;
          let x = margin.left + 6;
          cells.forEach((cellLines, i) => {
            y = top;
            for (const line of cellLines) {
              y -= lineHeight(size.body);
              text(line, x, fonts.regular, size.body);
            }
            x += cols[i]?.width ?? 0;
          });
          y = top - height;
          page.drawLine({ start: { x: margin.left, y }, end: { x: A4.width - margin.right, y }, thickness: 0.5, color: grayscale(gray.line) });
        }
        y -= 4;
        return;
      }
    }
  };
  summary.blocks.forEach(block);

  const pages = doc.getPages();
  pages.forEach((p, i) => {
    const pageNumber = `  ·  Pagina ${i + 1} van ${pages.length}`;
    // A long household name is shortened here: the page number must stay on the page.
    let lead = clean(summary.footer);
    while (lead.length > 1 && fonts.regular.widthOfTextAtSize(lead + pageNumber, size.small) > contentWidth) lead = `${lead.slice(0, -2)}…`;
    p.drawText(lead + pageNumber, { x: margin.left, y: margin.bottom - 30, size: size.small, font: fonts.regular, color: grayscale(gray.muted) });
  });
  return doc.save();
}

/** "Wat we samen hebben besproken" for the resident, as PDF bytes. */
export function residentSummaryPdf(input: SummaryInput): Promise<Uint8Array> {
  return renderSummaryPdf(residentSummary(input), input.today);
}
