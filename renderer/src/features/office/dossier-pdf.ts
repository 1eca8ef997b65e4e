import type { Dossier } from '../../../../shared/api/dossier';
import type { HandoverDossierResponse, HandoverSummary } from '../../../../shared/api/handover';
import { contentWidth, gray, margin, openPdf, size } from '../../ui/pdf/pdf-writer';
import { formatDateTime, formatPlainDate } from '../../ui/dutch-date';
import { dossierPreview, type PreviewSection } from '../handover';
import { decisionTermText } from './handover-actions';
import { returnReasonLabels, statusLabels } from './inbox-model';

/**
 * The dossier as a PDF for the counsellor's own case system: the same parts and words as the screen
 * (dossierPreview), after the handover's state at the moment of export, laid out with the app's shared
 * A4 writer like the resident's summary. Built in memory; nothing is written to the browser's storage.
 */

export interface DossierPdfInput {
  read: Pick<HandoverDossierResponse, 'handover' | 'version' | 'receivedAt'>;
  dossier: Dossier;
  /** Who made the export, and when (`YYYY-MM-DD`). */
  madeBy: string;
  today: string;
}

/**
 * The dossier with the Wgs terms the hub holds now. The worker's device wrote its own estimate into the
 * dossier when sending (the decision 8 weeks after the latest day for the first conversation); once the
 * conversation is planned the hub's term differs, and a counsellor must not read two dates for one term.
 */
export function withHubDeadlines(dossier: Dossier, handover: Pick<HandoverSummary, 'deadlines'>): Dossier {
  return { ...dossier, aanmelding: { ...dossier.aanmelding, deadlines: { ...handover.deadlines } } };
}

/** The file name holds no name of the resident: a downloads folder is not a private place. */
export const dossierPdfFileName = (dossierId: string, version: number, today: string): string =>
  `Dossier-schuldhulp-${dossierId.slice(0, 8)}-versie-${version}-${today}.pdf`;

/** The handover's state as the hub had it at the export: a section before the dossier's own parts. */
function stateSection(read: DossierPdfInput['read']): PreviewSection {
  const h = read.handover;
  const lines = [
    { label: 'Status', value: statusLabels[h.status] },
    { label: 'Versie', value: `${read.version}, ontvangen op ${formatDateTime(read.receivedAt)}` },
    ...(h.contactPerson ? [{ label: 'Vast aanspreekpunt', value: h.contactPerson.name }] : []),
    ...(h.firstConversation ? [{ label: 'Eerste gesprek', value: formatDateTime(h.firstConversation.plannedAt) }] : [{ label: 'Eerste gesprek uiterlijk', value: formatPlainDate(h.deadlines.firstConversationBy) }]),
  ];
  const term = decisionTermText(h);
  if (term) lines.push({ label: 'Besluit', value: term });
  if (h.decision) lines.push({ label: 'Uitkomst', value: h.decision.note.trim() === '' ? 'Niet ingevuld' : h.decision.note });
  if (h.returned) lines.push({ label: 'Teruggestuurd omdat', value: [returnReasonLabels[h.returned.reason], h.returned.note].filter(Boolean).join('. ') });
  return { key: 'state', title: 'Stand van zaken', lines };
}

export async function dossierPdf({ read, dossier, madeBy, today }: DossierPdfInput): Promise<Uint8Array> {
  const title = `Dossier ${dossier.client.name}`;
  const pdf = await openPdf({ title, subject: 'Warme overdracht van het buurtteam aan schuldhulpverlening', createdOn: today });
  const { fonts, text, lines, lineHeight, room } = pdf;
  const body = lineHeight(size.body);
  const labelWidth = 150;
  const valueX = margin.left + labelWidth + 12;
  const valueWidth = contentWidth - labelWidth - 12;

  pdf.y -= size.title;
  text(title, margin.left, fonts.bold, size.title);
  pdf.y -= 10;
  const intro = [
    `Warme overdracht van ${dossier.contactpersoon.organisation || 'het buurtteam'} aan ${dossier.recipients.map((r) => r.name).join(', ')}.`,
    `Gemaakt op ${formatPlainDate(today)} door ${madeBy}. Vertrouwelijk: bewaar dit in het eigen dossiersysteem en verwijder daarna de download.`,
  ];
  for (const line of intro.flatMap((l) => lines(l, fonts.regular, size.body, contentWidth))) {
    pdf.y -= body;
    text(line, margin.left, fonts.regular, size.body, gray.muted);
  }
  pdf.y -= 10;
  pdf.rule();

  const section = (s: PreviewSection) => {
    // Keep a heading with at least two lines of what follows.
    room(22 + lineHeight(size.heading) + 2 * body);
    pdf.y -= 18 + size.heading;
    text(s.title, margin.left, fonts.bold, size.heading);
    pdf.y -= 6;
    for (const row of s.lines) {
      const label = lines(row.label, fonts.bold, size.body, labelWidth);
      const value = lines(row.value, fonts.regular, size.body, valueWidth);
      const count = Math.max(label.length, value.length);
      // A short row stays whole; a long story may run on to the next page, line by line.
      room(Math.min(count, 3) * body + 4);
      pdf.y -= 4;
      for (let i = 0; i < count; i += 1) {
        room(body);
        pdf.y -= body;
        const l = label[i];
        const v = value[i];
        if (l !== undefined) text(l, margin.left, fonts.bold, size.body, gray.muted);
        if (v !== undefined) text(v, valueX, fonts.regular, size.body);
      }
    }
  };
  [stateSection(read), ...dossierPreview(withHubDeadlines(dossier, read.handover))].forEach(section);
  return pdf.finish(`Keukentafel · ${title} · versie ${read.version} · vertrouwelijk`);
}
