import { useEffect, useState } from 'react';
import { Navigate, useParams } from 'react-router';
import { useSession } from '../../ui/services-context';
import { nl } from '../../i18n/nl';
import { nlIntake } from '../../i18n/nl-intake';
import { PageTitle } from '../../ui/page-title';

/** #/huishoudens/:id/gesprek/verder — back to where the visit was, or the overview the first time. */
export function IntakeResume() {
  const { id = '' } = useParams();
  const { intakes } = useSession();
  const [target, setTarget] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const overview = `/huishoudens/${id}/gesprek`;
    // Only a route inside this household's intake is a valid place to resume.
    intakes.cursor(id).then(
      (c) => live && setTarget(c?.startsWith(`${overview}`) && c !== `${overview}/verder` ? c : overview),
      () => live && setTarget(overview),
    );
    return () => {
      live = false;
    };
  }, [id, intakes]);
  if (target === null) return <PageTitle title={nlIntake.title}>{nl.common.loading}</PageTitle>;
  return <Navigate to={target} replace />;
}
