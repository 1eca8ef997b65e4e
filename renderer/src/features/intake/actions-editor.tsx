import { nlIntake } from '../../i18n/nl-intake';
import { TextField } from '../../ui/text-field';
import { MAX_ACTIONS } from '../../../../shared/domain/intake.schema';
import { canAddAction, isCompleteAction, newAction, type ActionDraft } from './domain-entry-model';

const t = nlIntake.domain;

/** Agreed actions: who does what, by when. Rows may be incomplete while typing. */
export function ActionsEditor({ actions, onChange }: { actions: ActionDraft[]; onChange: (a: ActionDraft[]) => void }) {
  const update = (i: number, patch: Partial<ActionDraft>) => onChange(actions.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  return (
    <fieldset className="form-section actions-editor">
      <legend>{t.actionsTitle}</legend>
      {actions.length === 0 ? <p className="muted">{t.actionsNone}</p> : null}
      {actions.map((a, i) => (
        <fieldset key={a.id} className="member">
          <legend>{t.action(i + 1)}</legend>
          <div className="action-row">
            <TextField label={t.who} value={a.who} maxLength={120} autoComplete="off" onChange={(e) => update(i, { who: e.target.value })} />
            <TextField label={t.what} value={a.what} maxLength={500} autoComplete="off" onChange={(e) => update(i, { what: e.target.value })} />
            <TextField label={t.due} type="date" value={a.due} className="input--short" onChange={(e) => update(i, { due: e.target.value })} />
          </div>
          {isCompleteAction(a) ? null : <p className="field__hint">{t.actionIncomplete}</p>}
          <button type="button" className="button button--secondary button--small" onClick={() => onChange(actions.filter((_, j) => j !== i))}>
            {t.removeAction(i + 1)}
          </button>
        </fieldset>
      ))}
      {canAddAction(actions) ? (
        <button type="button" className="button button--secondary" onClick={() => onChange([...actions, newAction(crypto.randomUUID())])}>
          {t.addAction}
        </button>
      ) : (
        <p className="field__hint">{t.actionsFull(MAX_ACTIONS)}</p>
      )}
    </fieldset>
  );
}
