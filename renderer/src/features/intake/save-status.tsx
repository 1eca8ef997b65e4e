import { nlIntake } from '../../i18n/nl-intake';
import type { SaveState } from './save-queue';
import { describeFailure } from './save-failure';

/** A quiet line that says whether the last change is stored on this device; loud only when it failed. */
export function SaveStatus({ state }: { state: SaveState }) {
  return (
    <div className="save-status">
      <p className={`save-status__text save-status__text--${state.kind}`} role="status" aria-live="polite" aria-atomic="true">
        {state.kind === 'saving' ? nlIntake.save.saving : state.kind === 'saved' ? nlIntake.save.saved : null}
      </p>
      {state.kind === 'failed' ? <SaveFailed state={state} /> : null}
    </div>
  );
}

function SaveFailed({ state }: { state: Extract<SaveState, { kind: 'failed' }> }) {
  const failure = describeFailure(state.errors);
  return (
    <div className="alert alert--error" role="alert">
      {failure.refusals.length > 0 ? (
        <>
          <p>{nlIntake.save.refused}</p>
          <ul>
            {failure.refusals.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
          <p>{nlIntake.save.refusedThen}</p>
        </>
      ) : null}
      {failure.retryable ? (
        <>
          <p>{nlIntake.save.failed}</p>
          <button type="button" className="button button--secondary button--small" onClick={state.retry}>
            {nlIntake.save.retry}
          </button>
        </>
      ) : null}
    </div>
  );
}
