import { useEffect, useRef, useState } from 'react';
import { useAnnounce } from '../../ui/announcer';
import { nlIntake } from '../../i18n/nl-intake';
import { DateField } from '../../ui/date-field';
import { TextField } from '../../ui/text-field';
import { MAX_ACTIONS } from '../../../../shared/domain/intake.schema';
import { canAddAction, isCompleteAction, newAction, removeAt, restoreAt, type ActionDraft } from './domain-entry-model';

const t = nlIntake.domain;

/** Where focus goes after the list changed: a row's "Wie" field or the undo button. */
type FocusTarget = { kind: 'row'; id: string; added?: boolean } | { kind: 'undo' } | null;

/**
 * Agreed actions: who does what, by when. Rows may be incomplete while typing.
 * A new row opens at the end, next to the button, and takes focus; a removed row leaves an
 * "Ongedaan maken" in its place (until the next change) and focus moves to its neighbour.
 */
export function ActionsEditor({ actions, onChange }: { actions: ActionDraft[]; onChange: (a: ActionDraft[]) => void }) {
  const announce = useAnnounce();
  const [removed, setRemoved] = useState<{ action: ActionDraft; index: number; label: string } | null>(null);
  const [focus, setFocus] = useState<FocusTarget>(null);
  const whoFields = useRef(new Map<string, HTMLInputElement>());
  const undoButton = useRef<HTMLButtonElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (focus === null) return;
    const el = focus.kind === 'row' ? whoFields.current.get(focus.id) : undoButton.current;
    if (el) {
      el.focus({ preventScroll: true });
      // A new row: bring the add button below it into view too, then make sure the field itself shows.
      if (focus.kind === 'row' && focus.added) addButton.current?.scrollIntoView({ block: 'nearest' });
      el.scrollIntoView({ block: 'nearest' });
    }
    setFocus(null);
  }, [focus]);

  const change = (next: ActionDraft[]) => {
    setRemoved(null);
    onChange(next);
  };
  const update = (i: number, patch: Partial<ActionDraft>) => change(actions.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  const add = () => {
    const action = newAction(crypto.randomUUID());
    change([...actions, action]);
    setFocus({ kind: 'row', id: action.id, added: true });
  };
  const remove = (i: number) => {
    const action = actions[i];
    if (!action) return;
    const next = removeAt(actions, i);
    onChange(next);
    const label = t.action(i + 1);
    setRemoved({ action, index: i, label });
    announce(t.actionRemoved(label));
    // The row that took its place, else the one before it, else the undo offer where the list was.
    const neighbour = next[i] ?? next[i - 1];
    setFocus(neighbour ? { kind: 'row', id: neighbour.id } : { kind: 'undo' });
  };
  const undo = () => {
    if (!removed) return;
    change(restoreAt(actions, removed.index, removed.action));
    setFocus({ kind: 'row', id: removed.action.id });
    announce(t.actionRestored(removed.label));
  };

  const undoOffer = removed ? (
    <div className="undo-offer">
      <span>{t.actionRemoved(removed.label)}</span>
      <button ref={undoButton} type="button" className="button button--secondary button--small" onClick={undo}>
        {t.undo}
        <span className="visually-hidden"> ({t.undoFor(removed.label)})</span>
      </button>
    </div>
  ) : null;
  const undoAt = removed ? Math.min(removed.index, actions.length) : -1;

  return (
    <fieldset className="form-section actions-editor">
      <legend>{t.actionsTitle}</legend>
      {actions.length === 0 && !removed ? <p className="muted">{t.actionsNone}</p> : null}
      {actions.map((a, i) => (
        <div key={a.id}>
          {i === undoAt ? undoOffer : null}
          <fieldset className="member">
            <legend>{t.action(i + 1)}</legend>
            <div className="action-row">
              <TextField
                ref={(el) => {
                  if (el) whoFields.current.set(a.id, el);
                  else whoFields.current.delete(a.id);
                }}
                label={t.who}
                value={a.who}
                maxLength={120}
                autoComplete="off"
                onChange={(e) => update(i, { who: e.target.value })}
              />
              <TextField label={t.what} value={a.what} maxLength={500} autoComplete="off" onChange={(e) => update(i, { what: e.target.value })} />
              <DateField label={t.due} value={a.due} onChange={(due) => update(i, { due })} />
            </div>
            {isCompleteAction(a) ? null : <p className="field__hint">{t.actionIncomplete}</p>}
            <button type="button" className="button button--secondary button--small" onClick={() => remove(i)}>
              {t.removeAction(i + 1)}
            </button>
          </fieldset>
        </div>
      ))}
      {undoAt === actions.length ? undoOffer : null}
      {canAddAction(actions) ? (
        <button ref={addButton} type="button" className="button button--secondary" onClick={add}>
          {t.addAction}
        </button>
      ) : (
        <p className="field__hint">{t.actionsFull(MAX_ACTIONS)}</p>
      )}
    </fieldset>
  );
}
