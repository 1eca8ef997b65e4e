import type { HandoverDossierResponse, HandoverSummary } from '../../../../shared/api/handover';
import type { HubCall } from '../../data/hub-call';
import type { OfficeSession } from '../../data/office-session';

/** Why an open dossier may no longer be on screen: the resident withdrew consent, or its last day has passed. */
export type ConsentGone = 'withdrawn' | 'ended';

/** The open dossier and what is known of its consent: its last day as the hub last said it, and a refusal the hub gave. */
export interface OpenDossier {
  dossierId: string;
  /** `YYYY-MM-DD`: the consent holds through this day (the newest the hub has told). */
  validUntil: string;
  refused: ConsentGone | null;
}

/**
 * Why the open dossier must leave the screen, or null. The hub says so in the inbox's poll (`withdrawn`, `ended`) or by
 * refusing a request of the dossier page (410, 403 consent_expired); and a consent whose last day has passed has ended
 * by the calendar too, even while the hub cannot be reached.
 */
export function consentGone(open: OpenDossier, known: { withdrawn: ReadonlySet<string>; ended: ReadonlySet<string> }, today: string): ConsentGone | null {
  if (open.refused === 'withdrawn' || known.withdrawn.has(open.dossierId)) return 'withdrawn';
  if (open.refused === 'ended' || known.ended.has(open.dossierId) || open.validUntil < today) return 'ended';
  return null;
}

/** What a hub answer says of the dossier's consent: withdrawn (410), ended (403 consent_expired), or nothing. */
export function refusalOf(answer: HubCall<unknown>): ConsentGone | null {
  if (answer.kind !== 'http') return null;
  if (answer.status === 410) return 'withdrawn';
  if (answer.status === 403 && answer.error.code === 'hub.consent_expired') return 'ended';
  return null;
}

/**
 * The session as the open dossier's page uses it: every answer about this dossier passes through unchanged, and tells
 * `onGone` when the hub refuses it because the consent is gone, and `onValidUntil` the consent's last day when it reads it.
 */
export function watchConsent(
  session: OfficeSession,
  dossierId: string,
  { onGone, onValidUntil }: { onGone: (why: ConsentGone) => void; onValidUntil: (validUntil: string) => void },
): OfficeSession {
  const watch = <T>(id: string, asked: Promise<HubCall<T>>, summaryOf: ((value: T) => HandoverSummary) | null): Promise<HubCall<T>> =>
    asked.then((answer) => {
      if (id !== dossierId) return answer;
      if (answer.kind === 'ok' && summaryOf) onValidUntil(summaryOf(answer.value).consentValidUntil);
      const gone = refusalOf(answer);
      if (gone) onGone(gone);
      return answer;
    });
  const read = (r: HandoverDossierResponse) => r.handover;
  const same = (h: HandoverSummary) => h;
  return {
    ...session,
    dossier: (id) => watch(id, session.dossier(id), read),
    dossierVersion: (id, version) => watch(id, session.dossierVersion(id, version), read),
    accept: (id, revision) => watch(id, session.accept(id, revision), same),
    returnHandover: (id, request) => watch(id, session.returnHandover(id, request), same),
    plan: (id, request) => watch(id, session.plan(id, request), same),
    decide: (id, request) => watch(id, session.decide(id, request), same),
    close: (id, revision) => watch(id, session.close(id, revision), same),
    recordExport: (id, version) => watch(id, session.recordExport(id, version), null),
  };
}
