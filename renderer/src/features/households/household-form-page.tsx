import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { HouseholdInput } from '../../../../shared/domain/household.schema';
import { useAnnounce } from '../../ui/announcer';
import { useSession } from '../../ui/services-context';
import { nl } from '../../i18n/nl';
import { PageTitle } from '../../ui/page-title';
import { emptyHousehold, toFormValues, type HouseholdFormValues } from './household-form-model';
import { HouseholdForm } from './household-form';
import { householdDraftId, keepHouseholdDraft, parseHouseholdDraft, type DraftState } from './household-form-draft';

type Loaded =
  | { state: 'loading' }
  | { state: 'missing' }
  | { state: 'ready'; values: HouseholdFormValues; restored: HouseholdFormValues | null; name: string | null };

/** #/huishoudens/nieuw and #/huishoudens/:id/bewerken; every change is kept as an encrypted draft until saved. */
export function HouseholdFormPage() {
  const { id } = useParams();
  const { households, drafts } = useSession();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const draftId = householdDraftId(id);
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [draftState, setDraftState] = useState<DraftState>('idle');
  const pendingDrafts = useRef(0);
  const lastDraftWrite = useRef<Promise<unknown>>(Promise.resolve());
  // While the household is being written, keystrokes must not write a draft that outlives the save.
  const saving = useRef(false);

  useEffect(() => {
    let live = true;
    setLoaded({ state: 'loading' });
    // A draft that cannot be read must not keep the form closed: start from the saved values.
    const draft = drafts.load(draftId).then(parseHouseholdDraft, () => null);
    void Promise.all([id ? households.get(id) : Promise.resolve(null), draft]).then(([h, restored]) => {
      if (!live) return;
      if (h === undefined) setLoaded({ state: 'missing' });
      else setLoaded({ state: 'ready', values: h ? toFormValues(h) : emptyHousehold(), restored, name: h?.name ?? null });
    });
    return () => {
      live = false;
    };
  }, [id, draftId, households, drafts]);

  const initial = loaded.state === 'ready' ? loaded.values : null;
  // A failed draft write costs only the safety net; the form itself keeps every value.
  const keepDraft = useCallback(
    (values: HouseholdFormValues) => {
      if (!initial || saving.current) return;
      pendingDrafts.current += 1;
      setDraftState('saving');
      const write = keepHouseholdDraft(drafts, draftId, initial, values);
      lastDraftWrite.current = write.catch(() => undefined);
      void write.then(
        (result) => {
          pendingDrafts.current -= 1;
          if (pendingDrafts.current === 0) setDraftState(result === 'kept' ? 'kept' : 'idle');
        },
        () => {
          pendingDrafts.current -= 1;
          setDraftState('failed');
        },
      );
    },
    [drafts, draftId, initial],
  );
  const startOver = useCallback(() => {
    void drafts.discard(draftId).catch(() => undefined);
    announce(nl.form.startedOver);
  }, [drafts, draftId, announce]);

  const save = async (input: HouseholdInput) => {
    // The last draft write lands first; the household write then deletes the draft in its own transaction.
    saving.current = true;
    await lastDraftWrite.current;
    let saved;
    try {
      saved = id ? await households.update(id, input, { draftId }) : await households.create(input, { draftId });
    } finally {
      saving.current = false;
    }
    announce(nl.form.saved);
    await navigate(`/huishoudens/${saved.id}`);
  };

  // "Annuleren" is the worker's own choice to drop the changes, so the draft goes too.
  const cancel = async () => {
    await drafts.discard(draftId).catch(() => undefined);
    await navigate(id ? `/huishoudens/${id}` : '/huishoudens');
  };

  const title = loaded.state === 'ready' && loaded.name ? nl.form.editTitle(loaded.name) : nl.form.newTitle;
  return (
    <>
      <p className="breadcrumb">
        <Link to={id ? `/huishoudens/${id}` : '/huishoudens'}>{nl.common.back}</Link>
      </p>
      <PageTitle title={title}>{title}</PageTitle>
      {loaded.state === 'loading' ? <p>{nl.common.loading}</p> : null}
      {loaded.state === 'missing' ? <p>{nl.households.notFound}</p> : null}
      {loaded.state === 'ready' ? (
        <HouseholdForm
          key={draftId}
          initial={loaded.values}
          restored={loaded.restored}
          onChange={keepDraft}
          onStartOver={startOver}
          draftState={draftState}
          onSave={save}
          onCancel={() => void cancel()}
        />
      ) : null}
    </>
  );
}
