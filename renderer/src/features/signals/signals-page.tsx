import { useState } from 'react';
import { helpCatalogue, lifeDomains, signalCatalogue } from '../../../../resources/index';
import type { RecordedSignal } from '../../../../shared/domain/intake.schema';
import { nlIntake } from '../../i18n/nl-intake';
import { PageTitle } from '../../ui/page-title';
import { TextField } from '../../ui/text-field';
import { IntakeCrumbs, IntakeGate } from '../intake/intake-frame';
import { SaveStatus } from '../intake/save-status';
import { UrgencyBanner } from '../intake/urgency-banner';
import { useClock, useRouteIntake, useToday } from '../intake/use-intake';
import { SignalDetails } from './signal-details';
import { matchSignals, savableSignals, type SignalDraft } from './signals-model';

const t = nlIntake.signals;
const helpName = (id: string) => helpCatalogue.find((h) => h.id === id)?.name ?? id;

/** #/huishoudens/:id/gesprek/signalen — tick what the worker sees or hears, grouped by life domain. */
export function SignalsPage() {
  const editor = useRouteIntake();
  const today = useToday();
  return (
    <IntakeGate data={editor.data}>
      {(ready) => (
        <>
          <IntakeCrumbs ready={ready} />
          <PageTitle title={`${t.title} — ${ready.household.name}`}>{t.title}</PageTitle>
          <UrgencyBanner intake={ready.intake} today={today} />
          <p>{t.intro}</p>
          <SaveStatus state={editor.saveState} />
          <SignalsForm initial={ready.intake.signals} stored={ready.intake.signals} onChange={editor.saveSignals} />
        </>
      )}
    </IntakeGate>
  );
}

function SignalsForm({ initial, stored, onChange }: { initial: RecordedSignal[]; stored: RecordedSignal[]; onChange: (s: RecordedSignal[]) => void }) {
  const clock = useClock();
  const today = useToday();
  const [drafts, setDrafts] = useState<SignalDraft[]>(initial);
  const [query, setQuery] = useState('');
  const [freeText, setFreeText] = useState('');
  const [freeError, setFreeError] = useState<string | undefined>(undefined);

  const commit = (next: SignalDraft[]) => {
    setDrafts(next);
    onChange(savableSignals(next, stored, today));
  };
  const record = (catalogueId: string | null, text: string): SignalDraft => ({
    id: crypto.randomUUID(),
    catalogueId,
    freeText: text,
    note: '',
    observedOn: today,
    recordedAt: new Date(clock()).toISOString(),
  });
  const update = (id: string, patch: Partial<SignalDraft>) => commit(drafts.map((d) => (d.id === id ? { ...d, ...patch } : d)));
  const toggle = (catalogueId: string, on: boolean) =>
    commit(on ? [...drafts, record(catalogueId, '')] : drafts.filter((d) => d.catalogueId !== catalogueId));

  const ticked = new Set(drafts.flatMap((d) => (d.catalogueId ? [d.catalogueId] : [])));
  const matches = new Set(matchSignals(signalCatalogue, query).map((s) => s.id));
  const visible = signalCatalogue.filter((s) => matches.has(s.id) || ticked.has(s.id));
  const free = drafts.filter((d) => d.catalogueId === null);

  return (
    <form className="signals-form" onSubmit={(e) => e.preventDefault()}>
      <div className="search">
        <TextField label={t.search} type="search" value={query} autoComplete="off" onChange={(e) => setQuery(e.target.value)} />
      </div>
      {visible.length === 0 ? <p className="muted">{t.noMatch}</p> : null}
      {lifeDomains.map((domain) => {
        const entries = visible.filter((s) => s.domainId === domain.id);
        if (entries.length === 0) return null;
        return (
          <fieldset key={domain.id} className="form-section signal-group">
            <legend>{domain.title}</legend>
            <ul className="signal-list">
              {entries.map((s) => {
                const draft = drafts.find((d) => d.catalogueId === s.id);
                return (
                  <li key={s.id} className={s.crisis ? 'signal signal--crisis' : 'signal'}>
                    <label className="check signal__label">
                      <input type="checkbox" checked={draft !== undefined} onChange={(e) => toggle(s.id, e.target.checked)} />
                      <span>
                        <span className="signal__title">{s.title}</span>
                        {s.crisis ? <span className="crisis-tag">{t.crisis}</span> : null}
                        <span className="signal__description">{s.description}</span>
                      </span>
                    </label>
                    {s.suggestedHelp.length > 0 ? (
                      <p className="signal__help">
                        {t.help} {s.suggestedHelp.map(helpName).join(', ')}
                      </p>
                    ) : null}
                    {draft ? <SignalDetails draft={draft} title={s.title} today={today} onChange={(patch) => update(draft.id, patch)} /> : null}
                  </li>
                );
              })}
            </ul>
          </fieldset>
        );
      })}

      <fieldset className="form-section">
        <legend>{t.freeTitle}</legend>
        {free.length > 0 ? (
          <ul className="signal-list" aria-label={t.freeList}>
            {free.map((d) => (
              <li key={d.id} className="signal">
                <p className="signal__title">{d.freeText}</p>
                <SignalDetails draft={d} title={d.freeText} today={today} onChange={(patch) => update(d.id, patch)} />
                <button type="button" className="button button--secondary button--small" onClick={() => commit(drafts.filter((x) => x.id !== d.id))}>
                  {t.freeRemove(d.freeText)}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <TextField label={t.freeLabel} value={freeText} maxLength={500} error={freeError} autoComplete="off" onChange={(e) => setFreeText(e.target.value)} />
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            const text = freeText.trim();
            if (!text) return setFreeError(t.freeEmpty);
            setFreeError(undefined);
            setFreeText('');
            commit([...drafts, record(null, text)]);
          }}
        >
          {t.freeAdd}
        </button>
      </fieldset>
    </form>
  );
}
