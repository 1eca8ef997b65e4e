import { use, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { holidays, lifeDomains, recipients, settings, signalCatalogue } from '../../../../resources/index';
import type { Household } from '../../../../shared/domain/household.schema';
import type { Intake } from '../../../../shared/domain/intake.schema';
import { consentValidUntil } from '../../../../shared/domain/consent.schema';
import { buildDossier } from '../../../../shared/domain/dossier';
import { useSession } from '../../ui/services-context';
import type { HandoverRecord } from '../../data/repositories/handover-repository';
import { errorText } from '../../i18n/errors';
import { nl } from '../../i18n/nl';
import { nlHandover } from '../../i18n/nl-handover';
import { PageTitle } from '../../ui/page-title';
import { IntakeQueuesContext, loadAfterSaves, useClock, useToday } from '../intake';
import { ConsentFormFields } from './consent-form-fields';
import type { ConsentForm } from './consent-form-model';
import { consentChoices, consentFromForm } from './consent-form-model';
import { DossierPreviewView } from './dossier-preview-view';
import { handoverNoteText, handoverStatusText } from './handover-status';
import { handoverWorker } from './handover-worker';
import { useHandoverStatus } from './use-handover-status';

const t = nlHandover.page;
const ctx = { lifeDomains, signalCatalogue, settings, holidays, recipients };

type Loaded = { kind: 'loading' } | { kind: 'missing' } | { kind: 'ready'; household: Household; intake: Intake; record: HandoverRecord };
type Action = { kind: 'idle' } | { kind: 'busy' } | { kind: 'sent'; version: number } | { kind: 'withdrawn' } | { kind: 'failed' };

/**
 * #/huishoudens/:id/overdragen — the warm handover: the resident's consent (autosaved, sealed on the
 * device), the dossier exactly as it will be sent, and "Versturen", which puts a new version in the
 * outbox. Without valid consent the button stays disabled and says why. Consent can be withdrawn here.
 */
export function HandoverPage() {
  const { id = '' } = useParams();
  const { households, intakes, handovers, sync, user } = useSession();
  const queues = use(IntakeQueuesContext);
  const today = useToday();
  const clock = useClock();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [form, setForm] = useState<ConsentForm | null>(null);
  const [saved, setSaved] = useState(false);
  const [action, setAction] = useState<Action>({ kind: 'idle' });
  const [confirming, setConfirming] = useState(false);
  const [version, setVersion] = useState(0);
  const status = useHandoverStatus(id, version);
  const returnNote = status ? handoverNoteText(status.view) : null;
  const saves = useRef(Promise.resolve());

  useEffect(() => {
    let live = true;
    const shared = queues?.(id);
    void Promise.all([households.get(id), shared ? loadAfterSaves(shared, intakes, id) : intakes.load(id), handovers.load(id)]).then(
      ([household, intake, record]) => {
        if (!live) return;
        if (!household) return setLoaded({ kind: 'missing' });
        setLoaded({ kind: 'ready', household, intake, record });
        setForm((f) => f ?? record.form);
      },
      () => live && setLoaded({ kind: 'missing' }),
    );
    return () => {
      live = false;
    };
  }, [id, households, intakes, handovers, queues, version]);

  const ready = loaded.kind === 'ready' ? loaded : null;
  const choices = useMemo(() => (ready ? consentChoices(ready.intake, lifeDomains, recipients) : null), [ready]);
  const consent = useMemo(() => {
    if (!ready || !form || !choices) return null;
    return consentFromForm(form, {
      id: ready.record.consentId,
      householdId: ready.household.id,
      today,
      now: new Date(clock()).toISOString(),
      validMonths: settings.consentValidMonths,
      choices,
    });
  }, [ready, form, choices, today, clock]);
  const dossier = useMemo(() => {
    if (!ready || !consent?.ok) return null;
    const h = ready.household;
    return buildDossier(h, ready.intake, consent.value, handoverWorker(h, user, settings.municipality), today, ctx);
  }, [ready, consent, today, user]);

  if (loaded.kind === 'loading' || !form || !choices) return <PageTitle title={t.title}>{nl.common.loading}</PageTitle>;
  if (loaded.kind === 'missing')
    return (
      <>
        <PageTitle title={t.title}>{nl.households.notFound}</PageTitle>
        <Link to="/huishoudens">{nl.households.toList}</Link>
      </>
    );
  const { household, record } = loaded;

  const change = (next: ConsentForm) => {
    setForm(next);
    setSaved(false);
    // Saves go in order; each one is committed before "Opgeslagen" shows.
    saves.current = saves.current.then(() => handovers.saveForm(household.id, next)).then(
      () => setSaved(true),
      () => setSaved(false),
    );
  };

  const why = consent && !consent.ok ? errorText(consent.error) : dossier && !dossier.ok ? errorText(dossier.error) : null;
  const canSend = dossier?.ok === true && action.kind !== 'busy';
  const send = async () => {
    if (!consent?.ok || !dossier?.ok) return;
    setAction({ kind: 'busy' });
    try {
      await saves.current;
      const after = await handovers.send(household.id, consent.value, dossier.value);
      setAction({ kind: 'sent', version: after.sent.at(-1)?.version ?? 1 });
      setVersion((v) => v + 1);
      void sync.syncNow();
    } catch {
      setAction({ kind: 'failed' });
    }
  };
  const withdraw = async () => {
    setAction({ kind: 'busy' });
    try {
      const after = await handovers.withdraw(household.id, today);
      setForm(after.form);
      setConfirming(false);
      setAction({ kind: 'withdrawn' });
      setVersion((v) => v + 1);
      void sync.syncNow();
    } catch {
      setAction({ kind: 'failed' });
    }
  };
  const sentBefore = record.consent !== null;
  const message = { idle: '', busy: '', sent: action.kind === 'sent' ? t.sent(action.version) : '', withdrawn: t.withdrawn, failed: t.sendFailed }[action.kind];

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/huishoudens/${household.id}`}>{t.toHousehold}</Link>
      </p>
      <PageTitle title={`${t.title} — ${household.name}`}>{`${t.title}: ${household.name}`}</PageTitle>
      <p>{t.intro}</p>
      {status ? (
        <div className="panel">
          <p data-testid="handover-status" role="status">
            {handoverStatusText(status.view)}
          </p>
          {/* After a return, the counsellor's explanation says what to add before sending again. */}
          {returnNote ? <p data-testid="handover-return-note">{returnNote}</p> : null}
        </div>
      ) : null}

      <section className="panel" aria-labelledby="consent-title">
        <h2 id="consent-title">{t.consentTitle}</h2>
        <ConsentFormFields choices={choices} value={form} onChange={change} validUntil={consentValidUntil(today, settings.consentValidMonths)} />
        <p className="muted" aria-live="polite">
          {saved ? t.saved : ''}
        </p>
      </section>

      <section aria-labelledby="preview-title">
        <h2 id="preview-title">{t.previewTitle}</h2>
        {dossier?.ok ? <DossierPreviewView dossier={dossier.value} headingLevel={3} /> : <p className="panel">{t.previewEmpty}</p>}
      </section>

      <section className="panel" aria-labelledby="send-title">
        <h2 id="send-title" className="visually-hidden">
          {t.send}
        </h2>
        <button type="button" className="button" disabled={!canSend} aria-describedby={why ? 'send-why' : undefined} onClick={() => void send()}>
          {sentBefore ? t.sendAgain : t.send}
        </button>
        {why ? (
          <p id="send-why" className="field__hint">
            {t.noConsent(why)}
          </p>
        ) : null}
        <p role="status" className={action.kind === 'failed' ? 'field__error' : undefined}>
          {message}
        </p>
      </section>

      {sentBefore ? (
        <section className="panel" aria-labelledby="withdraw-title">
          <h2 id="withdraw-title">{t.withdrawTitle}</h2>
          <p>{t.withdrawExplain}</p>
          {confirming ? (
            <>
              <p>{t.withdrawQuestion}</p>
              <div className="actions">
                <button type="button" className="button button--danger" onClick={() => void withdraw()} disabled={action.kind === 'busy'}>
                  {t.withdrawConfirm}
                </button>
                <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
                  {t.withdrawCancel}
                </button>
              </div>
            </>
          ) : (
            <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
              {t.withdraw}
            </button>
          )}
        </section>
      ) : null}
    </>
  );
}
