import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { HouseholdInput } from '../../../../shared/domain/household.schema';
import { useAnnounce } from '../../app/announcer';
import { useSession } from '../../app/services-context';
import { nl } from '../../i18n/nl';
import { PageTitle } from '../../ui/page-title';
import { emptyHousehold, toFormValues, type HouseholdFormValues } from './household-form-model';
import { HouseholdForm } from './household-form';

type Loaded = { state: 'loading' } | { state: 'missing' } | { state: 'ready'; values: HouseholdFormValues; name: string | null };

/** #/huishoudens/nieuw and #/huishoudens/:id/bewerken */
export function HouseholdFormPage() {
  const { id } = useParams();
  const { households } = useSession();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const [loaded, setLoaded] = useState<Loaded>(() => (id ? { state: 'loading' } : { state: 'ready', values: emptyHousehold(), name: null }));

  useEffect(() => {
    if (!id) return;
    let live = true;
    void households.get(id).then((h) => {
      if (live) setLoaded(h ? { state: 'ready', values: toFormValues(h), name: h.name } : { state: 'missing' });
    });
    return () => {
      live = false;
    };
  }, [id, households]);

  const save = async (input: HouseholdInput) => {
    const saved = id ? await households.update(id, input) : await households.create(input);
    announce(nl.form.saved);
    await navigate(`/huishoudens/${saved.id}`);
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
        <HouseholdForm key={id ?? 'new'} initial={loaded.values} onSave={save} onCancel={() => void navigate(id ? `/huishoudens/${id}` : '/huishoudens')} />
      ) : null}
    </>
  );
}
