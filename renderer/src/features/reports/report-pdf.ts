import type { PDFFont } from 'pdf-lib';
import { A4, contentWidth, gray, margin, openPdf, size, type PdfWriter } from '../../ui/pdf/pdf-writer';
import type { BarSpec, ChartSpec, LineSpec } from './report-chart';
import type { Dashboard, ReportBlock } from './report-model';
import { formatCell, type DisplayTable } from './report-table';
import { reportText as t } from './report-text';

/**
 * The dashboard as an A4 PDF for the council's monitoring report, on the app's shared PDF writer. Charts are
 * drawn as labelled grey bars (every bar carries its figure), tables follow with the same cells as the
 * screen ("< 5" included). A table too wide for the page is cut into parts that repeat the first column.
 */

const cell = { size: 9, padX: 4, padY: 3.5 };
const shade = { dark: 0.25, light: 0.72 };

export async function reportPdf(board: Dashboard, today: string): Promise<Uint8Array> {
  const pdf = await openPdf({ title: pdfTitle, subject: t.pdf.subject, createdOn: today });
  const { fonts } = pdf;

  pdf.y -= size.title;
  pdf.text(pdfTitle, margin.left, fonts.bold, size.title);
  pdf.y -= 8;
  const facts = new Map(board.facts);
  const factLines = [
    `${t.pdf.period}: ${facts.get(t.filters.from) ?? ''} ${t.pdf.until} ${facts.get(t.filters.to) ?? ''}, ${t.pdf.per} ${(facts.get(t.filters.granularity) ?? '').toLowerCase()}`,
    board.facts
      .filter(([label]) => label === t.filters.team || label === t.filters.domain || label === t.filters.crisis)
      .map(([label, value]) => `${label}: ${value}`)
      .join('  ·  '),
    `${t.pdf.made} ${facts.get(t.pdf.made) ?? ''}. ${t.smallCounts(board.threshold)}`,
  ];
  for (const line of factLines.flatMap((l) => pdf.lines(l, fonts.regular, size.body, contentWidth))) {
    pdf.y -= pdf.lineHeight(size.body);
    pdf.text(line, margin.left, fonts.regular, size.body, gray.muted);
  }
  pdf.y -= 10;
  pdf.rule();

  const pageHeight = A4.height - margin.top - margin.bottom;
  for (const section of board.sections) {
    // Keep the heading and its words with the first block (when that block fits on a page at all).
    const intro = 30 + pdf.lineHeight(size.heading) + (section.intro.length + (section.empty ? 1 : 0) + 1) * 2 * pdf.lineHeight(size.body);
    const first = section.blocks[0] ? blockHeight(pdf, section.blocks[0]) : 0;
    keepTogether(pdf, intro + (intro + first < pageHeight ? first : 0), pageHeight);
    pdf.y -= 20 + size.heading;
    pdf.text(section.title, margin.left, fonts.bold, size.heading);
    pdf.y -= 4;
    for (const line of section.intro) paragraph(pdf, line, fonts.regular);
    if (section.empty) paragraph(pdf, section.empty, fonts.italic);
    for (const block of section.blocks) {
      keepTogether(pdf, blockHeight(pdf, block), pageHeight);
      pdf.y -= 10 + size.body;
      pdf.text(block.table.title, margin.left, fonts.bold, size.body);
      pdf.y -= 4;
      if (block.table.note) paragraph(pdf, block.table.note, fonts.regular, size.small);
      if (block.chart) chart(pdf, block.chart);
      table(pdf, block.table, board.threshold);
    }
  }
  return pdf.finish(`Keukentafel  ·  ${pdfTitle}  ·  ${facts.get(t.pdf.made) ?? ''}`);
}

const pdfTitle = t.pdf.title;

/**
 * Keeps what follows (`height` high) on one page when that costs little: a new page starts when it does not fit in
 * what is left of this one and less than half a page is left. With more left, or when it is longer than a page, it
 * starts here and breaks where it must (the chart between periods, the table between rows, its header repeated):
 * a quarter by week would otherwise leave the first page empty under the title.
 */
function keepTogether(pdf: PdfWriter, height: number, pageHeight: number): void {
  const left = pdf.y - margin.bottom;
  if (height <= left) return;
  if (height < pageHeight && left < pageHeight / 2) pdf.newPage();
  else pdf.room(60);
}

/** About how tall a block comes out: title, note, chart and table (headers of up to three lines). */
function blockHeight(pdf: PdfWriter, block: ReportBlock): number {
  const lineH = pdf.lineHeight(cell.size);
  const note = block.table.note ? pdf.lines(block.table.note, pdf.fonts.regular, size.small, contentWidth).length * pdf.lineHeight(size.small) + 3 : 0;
  const chartHeight = !block.chart ? 0 : block.chart.kind === 'bar' ? block.chart.bars.length * 15 + 6 : 16 + block.chart.x.length * (block.chart.series.length * 10 + 6) + 6;
  const tableHeight = 3 * lineH + 2 * cell.padY + block.table.rows.length * (lineH + 2 * cell.padY) + 8;
  return 14 + size.body + note + chartHeight + tableHeight;
}

function paragraph(pdf: PdfWriter, s: string, font: PDFFont, fontSize: number = size.body): void {
  for (const line of pdf.lines(s, font, fontSize, contentWidth)) {
    pdf.room(pdf.lineHeight(fontSize));
    pdf.y -= pdf.lineHeight(fontSize);
    pdf.text(line, margin.left, font, fontSize);
  }
  pdf.y -= 3;
}

function chart(pdf: PdfWriter, spec: ChartSpec): void {
  if (spec.kind === 'bar') bars(pdf, spec);
  else groupedBars(pdf, spec);
  pdf.y -= 6;
}

const labelWidth = 170;
const barArea = contentWidth - labelWidth - 50;

/** Horizontal bars, one per row, the figure written after each bar; a hidden figure has no bar, only "< 5". */
function bars(pdf: PdfWriter, spec: BarSpec): void {
  const { grayscale } = pdf.lib;
  const max = spec.valueKind === 'percent' ? 1 : Math.max(1, ...spec.bars.map((b) => b.value ?? 0));
  const rowHeight = 15;
  for (const b of spec.bars) {
    pdf.room(rowHeight);
    pdf.y -= rowHeight;
    const label = fit(pdf, b.label, pdf.fonts.regular, cell.size, labelWidth - 8);
    pdf.text(label, margin.left, pdf.fonts.regular, cell.size);
    const width = ((b.value ?? 0) / max) * barArea;
    if (width > 0) pdf.page.drawRectangle({ x: margin.left + labelWidth, y: pdf.y - 2, width, height: 10, color: grayscale(shade.dark) });
    pdf.text(b.text, margin.left + labelWidth + width + 4, pdf.fonts.bold, cell.size);
  }
}

/** A line chart's figures as bars per period, one per series: dark and light grey, with a legend and the figure after each bar. */
function groupedBars(pdf: PdfWriter, spec: LineSpec): void {
  const { grayscale } = pdf.lib;
  const fills = [shade.dark, shade.light];
  const max = spec.valueKind === 'percent' ? 1 : Math.max(1, ...spec.series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const text = (v: number | null) => (v === null ? '–' : formatCell(spec.valueKind === 'percent' ? 'percent' : 'count', v, 0));
  // Legend: a swatch per series.
  pdf.room(16);
  pdf.y -= 12;
  let x = margin.left + labelWidth;
  spec.series.forEach((s, i) => {
    pdf.page.drawRectangle({ x, y: pdf.y - 1, width: 10, height: 8, color: grayscale(fills[i % fills.length] ?? shade.dark), borderColor: grayscale(shade.dark), borderWidth: 0.6 });
    pdf.text(s.name, x + 14, pdf.fonts.regular, cell.size);
    x += 24 + pdf.fonts.regular.widthOfTextAtSize(s.name, cell.size);
  });
  const barHeight = 8;
  spec.x.forEach((label, p) => {
    const groupHeight = spec.series.length * (barHeight + 2) + 6;
    pdf.room(groupHeight);
    pdf.y -= 6;
    const top = pdf.y;
    pdf.y -= barHeight;
    pdf.text(fit(pdf, label, pdf.fonts.regular, cell.size, labelWidth - 8), margin.left, pdf.fonts.regular, cell.size);
    spec.series.forEach((s, i) => {
      const v = s.values[p] ?? null;
      const y = top - (i + 1) * (barHeight + 2);
      const width = ((v ?? 0) / max) * barArea;
      if (width > 0)
        pdf.page.drawRectangle({ x: margin.left + labelWidth, y, width, height: barHeight, color: grayscale(fills[i % fills.length] ?? shade.dark), borderColor: grayscale(shade.dark), borderWidth: 0.6 });
      const saved = pdf.y;
      pdf.y = y + 1;
      pdf.text(text(v), margin.left + labelWidth + width + 4, pdf.fonts.regular, cell.size - 1);
      pdf.y = saved;
    });
    pdf.y = top - groupHeight + 6;
  });
}

function fit(pdf: PdfWriter, s: string, font: PDFFont, fontSize: number, width: number): string {
  let out = s;
  while (out.length > 1 && font.widthOfTextAtSize(out, fontSize) > width) out = `${out.slice(0, -2)}…`;
  return out === s ? s : out;
}

/** The table, cut into parts that fit the width; each part repeats the first column. Headers repeat on a new page. */
function table(pdf: PdfWriter, tbl: DisplayTable, threshold: number): void {
  const { grayscale } = pdf.lib;
  const { regular, bold } = pdf.fonts;
  const texts = tbl.rows.map((row) => tbl.columns.map((c, i) => formatCell(c.kind, row[i] ?? null, threshold)));
  const natural = tbl.columns.map((c, i) => {
    const widest = Math.max(...texts.map((r) => regular.widthOfTextAtSize(r[i] ?? '', cell.size)), 0);
    // Headers may wrap onto two or three lines; never narrower than their longest word.
    const longestWord = Math.max(...c.label.split(' ').map((w) => bold.widthOfTextAtSize(w, cell.size)));
    return Math.max(widest, longestWord, bold.widthOfTextAtSize(c.label, cell.size) / 3) + 2 * cell.padX + 2;
  });
  const first = Math.min(natural[0] ?? 0, 190);
  // Greedy: as many further columns as fit beside the first.
  const parts: number[][] = [];
  let current: number[] = [];
  let used = first;
  for (let i = 1; i < tbl.columns.length; i++) {
    const w = natural[i] ?? 0;
    if (current.length > 0 && used + w > contentWidth) {
      parts.push(current);
      current = [];
      used = first;
    }
    current.push(i);
    used += w;
  }
  parts.push(current);
  // Even parts read better than a full one and a stub: spread the columns over the same number of parts.
  const per = Math.ceil((tbl.columns.length - 1) / parts.length);
  const even = parts.map((_, k) => Array.from({ length: tbl.columns.length - 1 }, (__, i) => i + 1).slice(k * per, (k + 1) * per)).filter((p) => p.length > 0);
  const fits = even.every((p) => first + p.reduce((sum, i) => sum + (natural[i] ?? 0), 0) <= contentWidth);

  for (const part of fits ? even : parts) {
    const cols = [0, ...part];
    const spare = contentWidth - first - part.reduce((s, i) => s + (natural[i] ?? 0), 0);
    // Extra room goes to the first column (up to a point), so short tables do not stretch every number apart.
    const widths = cols.map((i) => (i === 0 ? first + Math.min(Math.max(spare, 0), 120) : (natural[i] ?? 0)));
    const lineH = pdf.lineHeight(cell.size);
    const headerLines = cols.map((i, k) => pdf.lines(tbl.columns[i]?.label ?? '', bold, cell.size, (widths[k] ?? 0) - 2 * cell.padX));
    const headerHeight = Math.max(...headerLines.map((l) => l.length)) * lineH + 2 * cell.padY;
    // One row of cells from `top`: text left in the first column, numbers right-aligned, each cell's lines stacked.
    const drawCells = (top: number, font: PDFFont, linesOf: (k: number, column: number) => readonly string[]) => {
      let x = margin.left;
      cols.forEach((i, k) => {
        const w = widths[k] ?? 0;
        const numeric = tbl.columns[i]?.kind !== 'text';
        pdf.y = top - cell.padY;
        for (const line of linesOf(k, i)) {
          pdf.y -= lineH - 2;
          const lx = numeric ? x + w - cell.padX - font.widthOfTextAtSize(line, cell.size) : x + cell.padX;
          pdf.text(line, lx, font, cell.size);
          pdf.y -= 2;
        }
        x += w;
      });
    };
    const header = () => {
      pdf.room(headerHeight + lineH + 2 * cell.padY);
      const top = pdf.y;
      const total = widths.reduce((s, w) => s + w, 0);
      pdf.page.drawRectangle({ x: margin.left, y: top - headerHeight, width: total, height: headerHeight, color: grayscale(gray.band) });
      drawCells(top, bold, (k) => headerLines[k] ?? []);
      pdf.y = top - headerHeight;
    };
    header();
    texts.forEach((row, r) => {
      const isTotal = r >= texts.length - (tbl.totalRows ?? 0);
      const font = isTotal ? bold : regular;
      const firstLines = pdf.lines(row[0] ?? '', font, cell.size, (widths[0] ?? 0) - 2 * cell.padX);
      const rowHeight = firstLines.length * lineH + 2 * cell.padY;
      if (pdf.y - rowHeight < margin.bottom) {
        pdf.newPage();
        header();
      }
      const top = pdf.y;
      drawCells(top, font, (k, i) => (k === 0 ? firstLines : [row[i] ?? '']));
      pdf.y = top - rowHeight;
      const total = widths.reduce((s, w) => s + w, 0);
      pdf.page.drawLine({ start: { x: margin.left, y: pdf.y }, end: { x: margin.left + total, y: pdf.y }, thickness: isTotal ? 0.9 : 0.4, color: grayscale(gray.line) });
    });
    pdf.y -= 8;
  }
}
