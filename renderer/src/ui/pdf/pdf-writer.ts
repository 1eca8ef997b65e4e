import type * as PdfLib from 'pdf-lib';
import type { PDFDocument, PDFFont, PDFPage } from 'pdf-lib';

/**
 * The A4 page layout every PDF of the app shares (resident summary, team-lead report): fonts, margins,
 * greys, a cursor that moves down the page and breaks to a new one, text the standard fonts can write,
 * wrapping, and the page footer. pdf-lib is loaded on first use (its own chunk), so the app's first load
 * does not carry it. The same code runs in Electron and in the browser.
 */

export const A4 = { width: 595.28, height: 841.89 };
export const margin = { left: 56, right: 56, top: 60, bottom: 64 };
export const contentWidth = A4.width - margin.left - margin.right;
export const size = { title: 22, heading: 14.5, body: 11.5, small: 9.5 };
export const leading = 1.4;
/** Greys only: the PDFs print well on a black-and-white office printer. */
export const gray = { text: 0.1, muted: 0.38, line: 0.78, band: 0.93 };

/** Characters the standard fonts cannot write, as their nearest letter (ł → l); the rest becomes "?". */
const nearest: Readonly<Record<string, string>> = { ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ı: 'i', ø: 'o', Ø: 'O', ħ: 'h', '‐': '-', '−': '-', '\u202f': ' ' };

export function writable(font: PDFFont): (text: string) => string {
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
export function wrap(text: string, font: PDFFont, fontSize: number, width: number): string[] {
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

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
}

export interface PdfMeta {
  title: string;
  subject: string;
  /** `YYYY-MM-DD`: the file's creation date, so the same input gives the same file. */
  createdOn: string;
}

/** An A4 document with a cursor `y` that runs from the top margin down; `room` starts a new page when needed. */
export interface PdfWriter {
  readonly doc: PDFDocument;
  readonly fonts: Fonts;
  readonly lib: typeof PdfLib;
  readonly page: PDFPage;
  y: number;
  newPage: () => void;
  /** Starts a new page unless `height` still fits above the bottom margin. */
  room: (height: number) => void;
  /** Writes `s` at the cursor's baseline. */
  text: (s: string, x: number, font: PDFFont, fontSize: number, shade?: number) => void;
  /** `s` cleaned to what the font can write, wrapped to `width`. */
  lines: (s: string, font: PDFFont, fontSize: number, width: number) => string[];
  lineHeight: (fontSize: number) => number;
  /** A thin grey rule across the content width at the cursor. */
  rule: (thickness?: number) => void;
  /** Writes "<lead> · Pagina i van n" at the foot of every page and returns the bytes. */
  finish: (footer: string) => Promise<Uint8Array>;
}

export async function openPdf(meta: PdfMeta): Promise<PdfWriter> {
  const lib = await import('pdf-lib');
  const { PDFDocument, StandardFonts, grayscale } = lib;
  const doc = await PDFDocument.create();
  const created = new Date(`${meta.createdOn}T12:00:00Z`);
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setLanguage('nl-NL');
  doc.setSubject(meta.subject);
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

  const writer: PdfWriter = {
    doc,
    fonts,
    lib,
    get page() {
      return page;
    },
    y: A4.height - margin.top,
    newPage() {
      page = doc.addPage([A4.width, A4.height]);
      writer.y = A4.height - margin.top;
    },
    room(height) {
      if (writer.y - height < margin.bottom) writer.newPage();
    },
    text(s, x, font, fontSize, shade = gray.text) {
      page.drawText(clean(s), { x, y: writer.y, size: fontSize, font, color: grayscale(shade) });
    },
    lines: (s, font, fontSize, width) => wrap(clean(s), font, fontSize, width),
    lineHeight: (fontSize) => fontSize * leading,
    rule(thickness = 0.8) {
      page.drawLine({ start: { x: margin.left, y: writer.y }, end: { x: A4.width - margin.right, y: writer.y }, thickness, color: grayscale(gray.line) });
    },
    async finish(footer) {
      const pages = doc.getPages();
      pages.forEach((p, i) => {
        const pageNumber = `  ·  Pagina ${i + 1} van ${pages.length}`;
        // A long lead is shortened here: the page number must stay on the page.
        let lead = clean(footer);
        while (lead.length > 1 && fonts.regular.widthOfTextAtSize(lead + pageNumber, size.small) > contentWidth) lead = `${lead.slice(0, -2)}…`;
        p.drawText(lead + pageNumber, { x: margin.left, y: margin.bottom - 30, size: size.small, font: fonts.regular, color: grayscale(gray.muted) });
      });
      return doc.save();
    },
  };
  return writer;
}
