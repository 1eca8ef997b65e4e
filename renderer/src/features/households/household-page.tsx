import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Household } from '../../../../shared/domain/household.schema';
import { useChanges } from '../../ui/use-changes';
import { useSession } from '../../ui/services-context';
import { nl } from '../../i18n/nl';
import { formatWhen } from '../../ui/format';
import { PageTitle } from '../../ui/page-title';
import { HandoverStatusPanel, ResidentSummaryPanel } from '../handover';
import { HouseholdIntakePanel } from '../intake';
import { SyncBadge } from './sync-badge';

/** #/huishoudens/:id — the household's details and where its data is. */
export function HouseholdPage() {
  const { id = '' } = useParams();
  const { households } = useSession();
  const version = useChanges(households);
  const [household, setHousehold] = useState<Household | null | undefined>(undefined);

  useEffect(() => {
    let live = true;
    void households.get(id).then((h) => {
      if (live) setHousehold(h ?? null);
    });
    return () => {
      live = false;
    };
  }, [id, households, version]);

  // The sync state lives in the summary index, which the repository keeps up to date.
  const sync = households.list().find((h) => h.id === id)?.sync ?? 'saved-locally';

  if (household === undefined) return <PageTitle title={nl.households.title}>{nl.common.loading}</PageTitle>;
  if (household === null)
    return (
      <>
        <PageTitle title={nl.households.title}>{nl.households.notFound}</PageTitle>
        <Link to="/huishoudens">{nl.households.toList}</Link>
      </>
    );

  const c = household.contact;
  const value = (v: string) => v || nl.household.noValue;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/huishoudens">{nl.households.toList}</Link>
      </p>
      <div className="page-head">
        <PageTitle title={household.name}>{household.name}</PageTitle>
        <Link to={`/huishoudens/${household.id}/bewerken`} className="button button--secondary">
          {nl.household.edit}
        </Link>
      </div>
      <p className="household-card__meta">
        <span>{household.postcode}</span>
        <span>{nl.households.changed(formatWhen(household.updatedAt))}</span>
      </p>

      {/* The conversation (and a crisis banner, when urgent) comes first: it is why the worker opened the household. */}
      <HouseholdIntakePanel householdId={household.id} version={household.updatedAt} />

      <HandoverStatusPanel householdId={household.id} />

      <ResidentSummaryPanel household={household} />

      <section className="panel" aria-labelledby="sync-title">
        <h2 id="sync-title">{nl.household.syncTitle}</h2>
        <p>
          <SyncBadge state={sync} />
        </p>
        <p>{nl.syncExplain[sync]}</p>
      </section>

      <section className="panel" aria-labelledby="members-title">
        <h2 id="members-title">{nl.household.members}</h2>
        <ul className="plain-list">
          {household.members.map((m) => (
            <li key={m.id}>
              <strong>{`${m.firstName} ${m.lastName}`.trim()}</strong> — {m.role === 'adult' ? nl.form.adult : nl.form.child}
              {m.age !== null ? `, ${nl.household.age(m.age)}` : ''}
            </li>
          ))}
        </ul>
      </section>

      <section className="panel" aria-labelledby="contact-title">
        <h2 id="contact-title">{nl.household.contact}</h2>
        <dl className="details">
          <dt>{nl.household.address}</dt>
          <dd data-testid="household-address">
            {household.street === '' ? (
              <span className="muted">{nl.household.noAddress}</span>
            ) : (
              <>
                {`${household.street} ${household.houseNumber}`}
                <br />
              </>
            )}
            {[household.postcode, household.town].filter(Boolean).join('  ')}
          </dd>
          <dt>{nl.form.channel}</dt>
          <dd>{nl.form.channels[c.channel]}</dd>
          <dt>{nl.form.phone}</dt>
          <dd>{value(c.phone)}</dd>
          <dt>{nl.form.email}</dt>
          <dd>{value(c.email)}</dd>
          <dt>{nl.form.bestTime}</dt>
          <dd>{value(c.bestTime)}</dd>
          <dt>{nl.form.note}</dt>
          <dd>{value(c.note)}</dd>
          <dt>{nl.household.worker}</dt>
          <dd>{household.workerName}</dd>
        </dl>
      </section>
    </>
  );
}
