import { useCallback, useEffect, useRef, useState } from 'react';
import { dossierSchema, type Dossier } from '../../../../shared/api/dossier';
import { handoverTransitions, type HandoverDossierResponse, type HandoverSummary } from '../../../../shared/api/handover';
import type { OfficeSession } from '../../data/office-session';
import { errorText } from '../../i18n/errors';
import type { HubCall } from '../../sync/hub-client';
import { Alert } from '../../ui/alert';
import { formatDateTime, formatPlainDate } from '../../ui/dutch-date';
import { PageTitle } from '../../ui/page-title';
import { DossierPreviewView } from '../handover';
import { DossierExport } from './dossier-export';
import { withHubDeadlines } from './dossier-pdf';
import { DossierVersions } from './dossier-versions';
import { receivedText } from './received-text';
import { CloseAction, DecideActions, DecisionForm, decisionTermText, PlanForm, type Act } from './handover-actions';
import { deadlineText, officeToday, returnReasonLabels, statusLabels, urgencyLabels } from './inbox-model';

type Loaded = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'open'; read: HandoverDossierResponse; dossier: Dossier | null };

const conflictText = 'Een collega heeft deze overdracht net veranderd. Er is niets opgeslagen. Hieronder staat hoe het nu is. Kijk of deze stap nog nodig is.';

/** One handover: the whole dossier, its status and deadline, and what the counsellor can do now. */
export function DossierPage({ session, dossierId, onBack, onExpired }: { session: OfficeSession; dossierId: string; onBack: () => void; onExpired: () => void }) {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);

  const load = useCallback(async () => {
    const answer = await session.dossier(dossierId);
    if (answer.kind === 'http' && answer.status === 401) return onExpired();
    if (answer.kind !== 'ok') return setLoaded({ kind: 'failed', message: errorText(answer.error) });
    const parsed = dossierSchema.safeParse(answer.value.dossier);
    setLoaded({ kind: 'open', read: answer.value, dossier: parsed.success ? parsed.data : null });
  }, [session, dossierId, onExpired]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    if (message) messageRef.current?.focus();
  }, [message]);

  const act: Act = async (call, done) => {
    setMessage(null);
    const answer: HubCall<HandoverSummary> = await call();
    if (answer.kind === 'ok') {
      setLoaded((l) => (l.kind === 'open' ? { ...l, read: { ...l.read, handover: answer.value } } : l));
      setMessage({ kind: 'success', text: done });
      return true;
    }
    if (answer.kind === 'http' && answer.status === 401) {
      onExpired();
      return false;
    }
    setMessage({ kind: 'error', text: answer.kind === 'http' && answer.status === 409 ? conflictText : errorText(answer.error) });
    await load();
    return false;
  };

  const back = (
    <button type="button" className="link-button" onClick={onBack}>
      Terug naar de overdrachten
    </button>
  );

  if (loaded.kind !== 'open') {
    return (
      <>
        <nav aria-label="Kruimelpad" className="breadcrumb">
          {back}
        </nav>
        <PageTitle title="Dossier">Dossier</PageTitle>
        {loaded.kind === 'loading' ? <p className="loading">Dossier laden…</p> : <Alert>{loaded.message}</Alert>}
      </>
    );
  }

  const h = loaded.read.handover;
  const urgency = urgencyLabels[h.urgency];
  const revision = h.revision;
  const canDecide = h.status === 'received' || h.status === 'accepted';
  const canPlan = h.status === 'accepted' || h.status === 'first-conversation-planned';
  const canRecordDecision = h.status === 'first-conversation-planned';
  const canClose = (handoverTransitions.close.from as readonly string[]).includes(h.status);
  const today = officeToday(Date.now());
  const term = decisionTermText(h);
  return (
    <>
      <nav aria-label="Kruimelpad" className="breadcrumb">
        {back}
      </nav>
      <PageTitle title={`Dossier ${h.clientName}`}>Dossier {h.clientName}</PageTitle>
      {message ? (
        <div ref={messageRef} tabIndex={-1}>
          <Alert kind={message.kind}>{message.text}</Alert>
        </div>
      ) : null}
      <section className="panel" aria-labelledby="status-title">
        <h2 id="status-title">Stand van zaken</h2>
        <dl className="details">
          <dt>Status</dt>
          <dd>
            {statusLabels[h.status]} {urgency ? <span className={`badge badge--${h.urgency === 'overdue' ? 'urgent' : 'crisis'}`}>{urgency}</span> : null}
          </dd>
          <dt>Termijn</dt>
          <dd>{deadlineText(h, today)}</dd>
          <dt>Ontvangen</dt>
          <dd>{receivedText(loaded.read)}</dd>
          {h.contactPerson ? (
            <>
              <dt>Vast aanspreekpunt</dt>
              <dd>{h.contactPerson.name}</dd>
            </>
          ) : null}
          {h.firstConversation ? (
            <>
              <dt>Eerste gesprek</dt>
              <dd>{formatDateTime(h.firstConversation.plannedAt)}</dd>
            </>
          ) : null}
          {term ? (
            <>
              <dt>Besluit</dt>
              <dd>{term}</dd>
            </>
          ) : null}
          {h.decision ? (
            <>
              <dt>Uitkomst</dt>
              <dd className="preserve-lines">{h.decision.note}</dd>
            </>
          ) : null}
          {h.returned ? (
            <>
              <dt>Teruggestuurd omdat</dt>
              <dd className="preserve-lines">{[returnReasonLabels[h.returned.reason], h.returned.note].filter(Boolean).join('\n')}</dd>
            </>
          ) : null}
          <dt>Toestemming geldt tot</dt>
          <dd>{formatPlainDate(h.consentValidUntil)}</dd>
        </dl>
      </section>
      {canDecide || canPlan || canClose ? (
        <section aria-labelledby="act-title">
          <h2 id="act-title">Volgende stap</h2>
          {canDecide ? (
            <DecideActions
              handover={h}
              contactName={session.user.displayName}
              act={act}
              onAccept={() => session.accept(h.dossierId, revision)}
              onReturn={(reason, note) => session.returnHandover(h.dossierId, { revision, reason, note })}
            />
          ) : null}
          {canRecordDecision ? <DecisionForm handover={h} today={today} act={act} onDecide={(decidedOn, note) => session.decide(h.dossierId, { revision, decidedOn, note })} /> : null}
          {canPlan ? <PlanForm handover={h} act={act} onPlan={(firstConversation) => session.plan(h.dossierId, { revision, firstConversation })} /> : null}
          {canClose ? <CloseAction act={act} onClose={() => session.close(h.dossierId, revision)} /> : null}
        </section>
      ) : null}
      <DossierVersions read={loaded.read} dossier={loaded.dossier} loadVersion={(version) => session.dossierVersion(h.dossierId, version)} onExpired={onExpired} />
      {loaded.dossier ? (
        <DossierExport
          read={loaded.read}
          dossier={loaded.dossier}
          madeBy={session.user.displayName}
          record={() => session.recordExport(h.dossierId, loaded.read.version)}
          onExpired={onExpired}
        />
      ) : null}
      <h2>Het dossier</h2>
      {loaded.dossier ? <DossierPreviewView dossier={withHubDeadlines(loaded.dossier, h)} headingLevel={3} /> : <Alert>Dit dossier kan niet worden getoond. Vraag de buurtteamwerker om het opnieuw te sturen.</Alert>}
    </>
  );
}
