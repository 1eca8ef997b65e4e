import type { PDFFont } from 'pdf-lib';
import { contentWidth, gray, margin, openPdf, size } from '../../ui/pdf/pdf-writer';
import type { ResidentSummary, SummaryBlock, SummaryInput } from './resident-summary';
import { residentSummary } from './resident-summary';

/** Lays the resident's summary out on A4 with the app's shared PDF writer (pdf-lib, loaded on first use). */

/** The PDF of `summary` as bytes; `createdOn` (`YYYY-MM-DD`) is its creation date, so the same input gives the same file. */
export async function renderSummaryPdf(summary: ResidentSummary, createdOn: string): Promise<Uint8Array> {
  const pdf = await openPdf({ title: summary.title, subject: 'Samenvatting van het gesprek voor de bewoner', createdOn });
  const { fonts } = pdf;
  const { grayscale } = pdf.lib;
  const { text, lines, lineHeight, room } = pdf;

  // Title and who/when/with whom.
  pdf.y -= size.title;
  text(summary.title, margin.left, fonts.bold, size.title);
  pdf.y -= 10;
  for (const line of summary.intro.flatMap((l) => lines(l, fonts.regular, size.body, contentWidth))) {
    pdf.y -= lineHeight(size.body);
    text(line, margin.left, fonts.regular, size.body, gray.muted);
  }
  pdf.y -= 10;
  pdf.rule();

  const paragraph = (s: string, font: PDFFont, indent = 0) => {
    for (const line of lines(s, font, size.body, contentWidth - indent)) {
      room(lineHeight(size.body));
      pdf.y -= lineHeight(size.body);
      text(line, margin.left + indent, font, size.body);
    }
    pdf.y -= 4;
  };

  const block = (b: SummaryBlock) => {
    switch (b.kind) {
      case 'heading':
        // Keep a heading with at least two lines of what follows.
        room(22 + lineHeight(size.heading) + 2 * lineHeight(size.body));
        pdf.y -= 18 + size.heading;
        text(b.text, margin.left, fonts.bold, size.heading);
        pdf.y -= 6;
        return;
      case 'paragraph':
        paragraph(b.text, fonts.regular);
        return;
      case 'quote':
        for (const line of lines(`“${b.text}”`, fonts.italic, size.body, contentWidth - 16)) {
          room(lineHeight(size.body));
          pdf.page.drawRectangle({ x: margin.left + 2, y: pdf.y - lineHeight(size.body) - 3, width: 3, height: lineHeight(size.body), color: grayscale(gray.line) });
          pdf.y -= lineHeight(size.body);
          text(line, margin.left + 16, fonts.italic, size.body);
        }
        pdf.y -= 8;
        return;
      case 'bullets':
        for (const item of b.items) {
          const itemLines = lines(item, fonts.regular, size.body, contentWidth - 18);
          itemLines.forEach((line, i) => {
            room(lineHeight(size.body));
            pdf.y -= lineHeight(size.body);
            if (i === 0) text('•', margin.left + 4, fonts.regular, size.body);
            text(line, margin.left + 18, fonts.regular, size.body);
          });
        }
        pdf.y -= 4;
        return;
      case 'actions': {
        const cols = [
          { title: 'Wie', width: 118 },
          { title: 'Wat', width: contentWidth - 118 - 118 },
          { title: 'Wanneer', width: 118 },
        ];
        const header = () => {
          room(lineHeight(size.body) + 8 + lineHeight(size.body));
          pdf.page.drawRectangle({ x: margin.left, y: pdf.y - lineHeight(size.body) - 4, width: contentWidth, height: lineHeight(size.body) + 4, color: grayscale(gray.band) });
          pdf.y -= lineHeight(size.body);
          let x = margin.left + 6;
          for (const c of cols) {
            text(c.title, x, fonts.bold, size.body);
            x += c.width;
          }
          pdf.y -= 4;
        };
        header();
        for (const row of b.rows) {
          const cells = [row.who, row.what, row.when].map((v, i) => lines(v, fonts.regular, size.body, (cols[i]?.width ?? 0) - 12));
          const height = Math.max(...cells.map((c) => c.length)) * lineHeight(size.body) + 6;
          if (pdf.y - height < margin.bottom) {
            pdf.newPage();
            header();
          }
          const top = pdf.y;
          let x = margin.left + 6;
          cells.forEach((cellLines, i) => {
            pdf.y = top;
            for (const line of cellLines) {
              pdf.y -= lineHeight(size.body);
              text(line, x, fonts.regular, size.body);
            }
            x += cols[i]?.width ?? 0;
          });
          pdf.y = top - height;
          pdf.rule(0.5);
        }
        pdf.y -= 4;
        return;
      }
    }
  };
  summary.blocks.forEach(block);
  return pdf.finish(summary.footer);
}

/** "Wat we samen hebben besproken" for the resident, as PDF bytes. */
export function residentSummaryPdf(input: SummaryInput): Promise<Uint8Array> {
  return renderSummaryPdf(residentSummary(input), input.today);
}
