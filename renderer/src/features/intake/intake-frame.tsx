import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { nl } from '../../i18n/nl';
import { nlIntake } from '../../i18n/nl-intake';
import { Alert } from '../../ui/alert';
import { PageTitle } from '../../ui/page-title';
import type { IntakeData } from './use-intake';

type Ready = Extract<IntakeData, { kind: 'ready' }>;

/** Loading, not-found and failure states around an intake screen; renders `children` once loaded. */
export function IntakeGate({ data, children }: { data: IntakeData; children: (ready: Ready) => ReactNode }) {
  if (data.kind === 'loading') return <PageTitle title={nlIntake.title}>{nl.common.loading}</PageTitle>;
  if (data.kind === 'missing' || data.kind === 'failed')
    return (
      <>
        <PageTitle title={nlIntake.title}>{nlIntake.title}</PageTitle>
        <Alert title={nl.common.errorTitle}>{data.kind === 'missing' ? nlIntake.notFound : nl.common.unexpected}</Alert>
        <Link to="/huishoudens">{nl.households.toList}</Link>
      </>
    );
  return <>{children(data)}</>;
}

/** Breadcrumb back to the household and, below the overview, back to the overview. */
export function IntakeCrumbs({ ready, overview = true }: { ready: Ready; overview?: boolean }) {
  const base = `/huishoudens/${ready.household.id}`;
  return (
    <nav className="breadcrumb intake-crumbs" aria-label={nlIntake.crumbs}>
      <Link to={base}>{nlIntake.toHousehold(ready.household.name)}</Link>
      {overview ? <Link to={`${base}/gesprek`}>{nlIntake.toOverview}</Link> : null}
    </nav>
  );
}
