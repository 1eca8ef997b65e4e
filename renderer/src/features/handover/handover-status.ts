import type { Change, ReturnReason } from '../../../../shared/api/changes';
import type { Intake } from '../../../../shared/domain/intake.schema';
import type { Settings, } from '../../../../shared/domain/resources.schema';
import type { SignalCatalogueEntry } from '../../../../shared/domain/intake.schema';
import { dutchDateOf, handoverDeadlines } from '../../../../shared/domain/urgency';
import type { HolidayCalendar } from '../../../../shared/domain/working-days';
import type { HandoverDelivery, HandoverRecord } from '../../data/repositories/handover-repository';
import { nlHandover } from '../../i18n/nl-handover';
import { formatPlainDate } from '../../ui/dutch-date';

const t = nlHandover.status;

/**
 * Where a household's handover is, in words that match what happened: the hub's statuses from the change
 * feed, and what the device itself knows (a version still waiting here, a withdrawal the hub confirmed).
 * "Ontvangen door de gemeente" only when a dossier arrived; the bare case record reads differently.
 */
export type HandoverStatusView =
  | { kind: 'none' }
  | { kind: 'case-only' }
  | { kind: 'waiting' }
  | { kind: 'dossier'; status: Exclude<Change['status'], 'withdrawn'>; reason?: ReturnReason; note?: string; plannedAt?: string; decidedOn?: string }
  | { kind: 'withdrawal-waiting' }
  | { kind: 'withdrawn' };

export function handoverStatusOf(changes: readonly Change[], record: HandoverRecord | null, delivery: HandoverDelivery | null): HandoverStatusView {
  const dossierChanges = changes.filter((c) => c.entity === 'dossier');
  const last = dossierChanges.at(-1);
  const sentNow = record !== null && record.consent !== null && record.sent.some((s) => record.dossierIds[s.recipientId] === s.dossierId);
  // A withdrawal is the latest word until a new consent is sent.
  const lastWithdrawal = record?.withdrawn.at(-1);
  if (lastWithdrawal && !sentNow) {
    const confirmed = delivery?.withdrawalsConfirmed.includes(lastWithdrawal.consentId) === true || last?.status === 'withdrawn';
    return confirmed ? { kind: 'withdrawn' } : { kind: 'withdrawal-waiting' };
  }
  if (!sentNow) return changes.some((c) => c.entity === 'case' && c.status === 'received') ? { kind: 'case-only' } : { kind: 'none' };
  const confirmed = delivery?.confirmedVersion ?? null;
  // A version the hub confirmed after the last status it reported: it arrived, and nothing was done with it yet.
  if (last === undefined || last.status === 'withdrawn' || (confirmed !== null && last.version !== undefined && confirmed.version > last.version)) {
    return confirmed === null ? { kind: 'waiting' } : { kind: 'dossier', status: 'received' };
  }
  // The decision's day stays in view once the handover is closed after it.
  const decidedOn = last.status === 'decided' || last.status === 'closed' ? dossierChanges.findLast((c) => c.status === 'decided')?.decidedOn : undefined;
  return {
    kind: 'dossier',
    status: last.status,
    ...(last.reason ? { reason: last.reason } : {}),
    ...(last.note ? { note: last.note } : {}),
    ...(last.plannedAt ? { plannedAt: last.plannedAt } : {}),
    ...(decidedOn ? { decidedOn } : {}),
  };
}

/** The counsellor's own explanation of a return, when they wrote one: the worker needs it to know what to do. */
export function handoverNoteText(view: HandoverStatusView): string | null {
  return view.kind === 'dossier' && view.status === 'returned' && view.note ? t.returnNote(view.note) : null;
}

const plannedText = (iso: string): string => {
  const time = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
  return `${formatPlainDate(dutchDateOf(iso))} om ${time}`;
};

/** The status in one line, as the worker reads it. */
export function handoverStatusText(view: HandoverStatusView): string {
  switch (view.kind) {
    case 'none':
      return t.none;
    case 'case-only':
      return t.caseOnly;
    case 'waiting':
      return t.waiting;
    case 'withdrawal-waiting':
      return t.withdrawalWaiting;
    case 'withdrawn':
      return t.withdrawn;
    case 'dossier':
      switch (view.status) {
        case 'received':
          return t.received;
        case 'accepted':
          return t.accepted;
        case 'returned':
          return t.returned(t.reasons[view.reason ?? 'other']);
        case 'first-conversation-planned':
          return view.plannedAt ? t.planned(plannedText(view.plannedAt)) : t.plannedNoDate;
        case 'decided':
          return view.decidedOn ? t.decidedOn(formatPlainDate(view.decidedOn)) : t.decided;
        case 'closed':
          return view.decidedOn ? `${t.closed} ${t.decidedOn(formatPlainDate(view.decidedOn))}` : t.closed;
      }
  }
}

/** The Wgs deadline line for a handover that went (or goes) out: the first conversation, or the decision once it is planned. */
export function handoverDeadlineText(
  view: HandoverStatusView,
  intake: Pick<Intake, 'signals' | 'helpRequest'>,
  handoverDate: string,
  ctx: { settings: Pick<Settings, 'crisisTypes' | 'wgs'>; signalCatalogue: readonly SignalCatalogueEntry[]; holidays: HolidayCalendar },
): string | null {
  if (view.kind === 'none' || view.kind === 'case-only' || view.kind === 'withdrawn' || view.kind === 'withdrawal-waiting') return null;
  if (view.kind === 'dossier' && (view.status === 'closed' || view.status === 'decided' || view.status === 'returned')) return null;
  const planned = view.kind === 'dossier' && view.plannedAt ? dutchDateOf(view.plannedAt) : null;
  const d = handoverDeadlines(
    { intake, handoverDate, requestDate: intake.helpRequest?.requestDate ?? null, firstConversationDate: planned },
    ctx.settings,
    ctx.signalCatalogue,
    ctx.holidays,
  );
  return planned ? t.decisionBy(formatPlainDate(d.decisionBy)) : t.firstConversationBy(formatPlainDate(d.firstConversationBy), d.basis === 'crisis');
}
