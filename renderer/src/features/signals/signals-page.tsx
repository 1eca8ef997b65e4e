import { useState } from 'react';
import { helpCatalogue, lifeDomains, settings, signalCatalogue } from '../../../../resources/index';
import { countMembers } from '../../../../shared/domain/household.schema';
import type { RecordedSignal, SignalCatalogueEntry } from '../../../../shared/domain/intake.schema';
import { signalMark } from '../../../../shared/domain/urgency';
import { nlIntake } from '../../i18n/nl-intake';
import { PageTitle } from '../../ui/page-title';
import { TextField } from '../../ui/text-field';
import { IntakeCrumbs, IntakeGate, SaveStatus, UrgencyBanner, useClock, useRouteIntake, useToday } from '../intake';
import { SignalDetails } from './signal-details';
import { domainsThatDoNotApply, hiddenSignalIds, matchSignals, savableSignals, type SignalDraft } from './signals-model';

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
          <ul className="signal-marks">
            <li>
              <span className="crisis-tag">{t.crisis}</span> {t.introSpoed(settings.wgs.urgentWorkingDays)}
            </li>
            <li>
              <span className="serious-tag">{t.serious}</span> {t.introSerious}
            </li>
          </ul>
          <p className="muted">{t.reports}</p>
          <SaveStatus state={editor.saveState} />
          <SignalsForm
            initial={ready.intake.signals}
            stored={ready.intake.signals}
            childCount={countMembers(ready.household.members).children}
            notApplicable={new Set(Object.entries(ready.intake.domains).flatMap(([id, e]) => (e.notApplicable === true ? [id] : [])))}
            onChange={editor.saveSignals}
          />
        </>
      )}
    </IntakeGate>
  );
}

interface SignalsFormProps {
  initial: RecordedSignal[];
  stored: RecordedSignal[];
  childCount: number;
  /** Life domains marked not applicable. */
  notApplicable: ReadonlySet<string>;
  onChange: (s: RecordedSignal[]) => void;
}

function SignalsForm({ initial, stored, childCount, notApplicable, onChange }: SignalsFormProps) {
  const clock = useClock();
  const today = useToday();
  const [drafts, setDrafts] = useState<SignalDraft[]>(initial);
  const [query, setQuery] = useState('');
  const [shown, setShown] = useState<ReadonlySet<string>>(new Set());
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
  const hidden = hiddenSignalIds(signalCatalogue, { children: childCount }, ticked, notApplicable);
  const reasons = domainsThatDoNotApply({ children: childCount }, notApplicable);
  const matches = new Set(matchSignals(signalCatalogue, query).map((s) => s.id));
  const visible = signalCatalogue.filter((s) => (matches.has(s.id) && (shown.has(s.domainId) || !hidden.has(s.id))) || ticked.has(s.id));
  const free = drafts.filter((d) => d.catalogueId === null);
  const toggleDomain = (domainId: string) => setShown((now) => (now.has(domainId) ? new Set([...now].filter((d) => d !== domainId)) : new Set([...now, domainId])));

  return (
    <form className="signals-form" onSubmit={(e) => e.preventDefault()}>
      <div className="search">
        <TextField label={t.search} type="search" value={query} autoComplete="off" onChange={(e) => setQuery(e.target.value)} />
      </div>
      {visible.length === 0 ? <p className="muted">{t.noMatch}</p> : null}
      {lifeDomains.map((domain) => {
        const entries = visible.filter((s) => s.domainId === domain.id);
        const reason = reasons.get(domain.id);
        const hiddenHere = signalCatalogue.filter((s) => s.domainId === domain.id && hidden.has(s.id) && matches.has(s.id)).length;
        const isShown = shown.has(domain.id);
        if (entries.length === 0 && (reason === undefined || hiddenHere === 0)) return null;
        const headingId = `signals-${domain.id}`;
        return (
          <section key={domain.id} className="form-section signal-group" aria-labelledby={headingId}>
            <h2 id={headingId} className="signal-group__title">
              {domain.title}
            </h2>
            {reason !== undefined && hiddenHere > 0 ? (
              <p className="signal-group__hidden">
                {isShown ? null : <span>{reason === 'no-children' ? t.childrenHidden(hiddenHere) : t.notApplicableHidden(hiddenHere)} </span>}
                <button type="button" className="button button--secondary button--small" aria-expanded={isShown} onClick={() => toggleDomain(domain.id)}>
                  {isShown ? t.hiddenHide : t.hiddenShow}
                  <span className="visually-hidden"> ({domain.title})</span>
                </button>
              </p>
            ) : null}
            {entries.length > 0 ? (
              <ul className="signal-list">
                {entries.map((s) => (
                  <SignalItem key={s.id} entry={s} draft={drafts.find((d) => d.catalogueId === s.id)} today={today} onToggle={toggle} onUpdate={update} />
                ))}
              </ul>
            ) : null}
          </section>
        );
      })}

      <section className="form-section" aria-labelledby="signals-free">
        <h2 id="signals-free" className="signal-group__title">
          {t.freeTitle}
        </h2>
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
      </section>
    </form>
  );
}

interface SignalItemProps {
  entry: SignalCatalogueEntry;
  draft: SignalDraft | undefined;
  today: string;
  onToggle: (catalogueId: string, on: boolean) => void;
  onUpdate: (id: string, patch: Partial<SignalDraft>) => void;
}

/** One catalogue signal: a checkbox with its mark, and when ticked its details on demand. */
function SignalItem({ entry: s, draft, today, onToggle, onUpdate }: SignalItemProps) {
  const mark = signalMark(s, settings);
  return (
    <li className={mark === 'spoed' ? 'signal signal--crisis' : mark === 'serious' ? 'signal signal--serious' : 'signal'}>
      <label className="check signal__label">
        <input type="checkbox" checked={draft !== undefined} onChange={(e) => onToggle(s.id, e.target.checked)} />
        <span>
          <span className="signal__title">{s.title}</span>
          {mark === 'spoed' ? <span className="crisis-tag">{t.crisis}</span> : null}
          {mark === 'serious' ? <span className="serious-tag">{t.serious}</span> : null}
          <span className="signal__description">{s.description}</span>
        </span>
      </label>
      {s.suggestedHelp.length > 0 ? (
        <p className="signal__help">
          {t.help} {s.suggestedHelp.map(helpName).join(', ')}
        </p>
      ) : null}
      {draft ? <SignalDetails draft={draft} title={s.title} today={today} spoed={mark === 'spoed'} onChange={(patch) => onUpdate(draft.id, patch)} /> : null}
    </li>
  );
}
