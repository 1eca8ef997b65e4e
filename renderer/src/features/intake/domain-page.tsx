import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { lifeDomains } from '../../../../resources/index';
import { CHILDREN_DOMAIN_ID, domainEntryOf, type DomainEntry, type LifeDomain } from '../../../../shared/domain/intake.schema';
import { nextDomain } from '../../../../shared/domain/progress';
import { countMembers } from '../../../../shared/domain/household.schema';
import { nlIntake } from '../../i18n/nl-intake';
import { PageTitle } from '../../ui/page-title';
import { TextArea } from '../../ui/text-field';
import { ActionsEditor } from './actions-editor';
import { IntakeCrumbs, IntakeGate } from './intake-frame';
import { SaveStatus } from './save-status';
import { useRouteIntake } from './use-intake';

const t = nlIntake.domain;

/** #/huishoudens/:id/gesprek/domein/:domainId — one life domain: score, own words, actions. */
export function DomainPage() {
  const { domainId = '' } = useParams();
  const editor = useRouteIntake();
  const index = lifeDomains.findIndex((d) => d.id === domainId);
  const domain = lifeDomains[index];
  return (
    <IntakeGate data={editor.data}>
      {(ready) => {
        if (!domain) return <PageTitle title={nlIntake.title}>{t.unknown}</PageTitle>;
        const base = `/huishoudens/${ready.household.id}/gesprek/domein`;
        const prev = lifeDomains[index - 1];
        const next = lifeDomains[index + 1];
        const entry = domainEntryOf(ready.intake, domain.id);
        const open = nextDomain({ domains: { ...ready.intake.domains, [domain.id]: { ...entry, done: true } } }, lifeDomains);
        return (
          <>
            <IntakeCrumbs ready={ready} />
            <PageTitle title={`${domain.title} — ${ready.household.name}`}>{domain.title}</PageTitle>
            <p className="domain-question">{domain.question}</p>
            <p className="muted">{domain.description}</p>
            <SaveStatus state={editor.saveState} />
            <DomainForm
              key={domain.id}
              domain={domain}
              initial={entry}
              noChildren={domain.id === CHILDREN_DOMAIN_ID && countMembers(ready.household.members).children === 0}
              onChange={(e) => editor.saveDomain(domain.id, e)}
            />
            <nav className="domain-nav" aria-label={nlIntake.domainsTitle}>
              {prev ? <Link to={`${base}/${prev.id}`}>{t.previous(prev.title)}</Link> : <span />}
              {open && open.id !== next?.id ? <Link to={`${base}/${open.id}`}>{t.firstOpen(open.title)}</Link> : null}
              {next ? (
                <Link className="button" to={`${base}/${next.id}`}>
                  {t.next(next.title)}
                </Link>
              ) : null}
            </nav>
          </>
        );
      }}
    </IntakeGate>
  );
}

/** The editable entry; its own state is what the worker sees, every change goes straight to `onChange`. */
function DomainForm({ domain, initial, noChildren, onChange }: { domain: LifeDomain; initial: DomainEntry; noChildren: boolean; onChange: (e: DomainEntry) => void }) {
  const [entry, setEntry] = useState(initial);
  const change = (patch: Partial<DomainEntry>) => {
    const next = { ...entry, ...patch };
    setEntry(next);
    onChange(next);
  };
  const scoreName = `score-${domain.id}`;
  const notApplicable = entry.notApplicable === true;
  return (
    <form className="domain-form" onSubmit={(e) => e.preventDefault()}>
      <div className="check-field">
        <label className="check">
          <input
            type="checkbox"
            checked={notApplicable}
            onChange={(e) => change({ notApplicable: e.target.checked })}
            aria-describedby={`${scoreName}-na-hint`}
          />
          {t.notApplicable}
        </label>
        <p id={`${scoreName}-na-hint`} className="field__hint">
          {noChildren && !notApplicable ? `${t.noChildren} ` : null}
          {t.notApplicableHint}
        </p>
      </div>
      <fieldset className="score-group">
        <legend>{t.scoreLegend}</legend>
        {domain.levels.map((level, i) => (
          <label key={level} className="score-option">
            <input type="radio" name={scoreName} value={i + 1} checked={entry.score === i + 1} onChange={() => change({ score: i + 1 })} />
            <span className="score-option__number">{t.scoreOption(i + 1)}</span>
            <span className="score-option__text">{level}</span>
          </label>
        ))}
        <label className="score-option score-option--none">
          <input type="radio" name={scoreName} value="" checked={entry.score === null} onChange={() => change({ score: null })} />
          <span className="score-option__text">{t.clearScore}</span>
        </label>
      </fieldset>
      <TextArea label={t.ownView} hint={t.ownViewHint} value={entry.ownView} maxLength={5000} onChange={(e) => change({ ownView: e.target.value })} />
      <TextArea label={t.goesWell} value={entry.goesWell} maxLength={5000} onChange={(e) => change({ goesWell: e.target.value })} />
      <TextArea label={t.wishes} value={entry.wishes} maxLength={5000} onChange={(e) => change({ wishes: e.target.value })} />
      <ActionsEditor actions={entry.actions} onChange={(actions) => change({ actions })} />
      <div className="check-field">
        <label className="check">
          <input type="checkbox" checked={entry.done} onChange={(e) => change({ done: e.target.checked })} aria-describedby={`${scoreName}-done-hint`} />
          {t.done}
        </label>
        <p id={`${scoreName}-done-hint`} className="field__hint">
          {t.doneHint}
        </p>
      </div>
    </form>
  );
}
