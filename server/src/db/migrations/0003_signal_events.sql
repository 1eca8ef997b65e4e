-- Signal events: one row per ticked (or unticked) signal, without anything that names a household, a case,
-- a worker or a moment. Only the ISO week; no timestamps at all, since a time of receipt could be matched to a
-- case's received_at. The base of the team-lead reports. Migrations only add; never edit a released file.

CREATE TABLE signal_events (
  -- Random per event, made on the device; never a household's or case's id.
  event_id uuid PRIMARY KEY,
  type text NOT NULL CHECK (type IN ('recorded', 'retracted')),
  team_id uuid NOT NULL REFERENCES teams (team_id),
  week text NOT NULL CHECK (week ~ '^[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-3])$'),
  signal_id text CHECK (signal_id ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(signal_id) <= 60),
  domain_id text CHECK (domain_id ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(domain_id) <= 60),
  crisis boolean,
  postcode_area text CHECK (postcode_area ~ '^[1-9][0-9]{3}$'),
  household_type text CHECK (household_type IN ('single', 'single-with-children', 'couple', 'couple-with-children', 'other')),
  -- A retraction names the recorded event it takes back; it is a row of its own, nothing is ever changed.
  retracts uuid,
  -- SHA-256 of the event as sent: the same id with another body is refused (422), the same body answered 200.
  request_hash text NOT NULL,
  CHECK (
    (type = 'recorded' AND signal_id IS NOT NULL AND domain_id IS NOT NULL AND crisis IS NOT NULL
      AND postcode_area IS NOT NULL AND household_type IS NOT NULL AND retracts IS NULL)
    OR (type = 'retracted' AND retracts IS NOT NULL AND signal_id IS NULL AND domain_id IS NULL AND crisis IS NULL
      AND postcode_area IS NULL AND household_type IS NULL)
  )
);

-- The reports count a team's recorded events over a range of weeks, grouped by signal, domain, postcode area,
-- week or household type. This partial covering index lets them read only the index (an append-only table keeps
-- its visibility map set), whatever the grouping.
CREATE INDEX signal_events_report_idx ON signal_events (team_id, week)
  INCLUDE (signal_id, domain_id, crisis, postcode_area, household_type) WHERE type = 'recorded';
-- A recorded event counts unless a retraction of the same team names it: the reports' anti-join looks up here.
CREATE INDEX signal_events_retracts_idx ON signal_events (retracts, team_id) WHERE type = 'retracted';

-- Append-only, as audit_log: no update, delete or truncate.
CREATE FUNCTION append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER signal_events_no_update_delete
  BEFORE UPDATE OR DELETE ON signal_events
  FOR EACH ROW EXECUTE FUNCTION append_only();

CREATE TRIGGER signal_events_no_truncate
  BEFORE TRUNCATE ON signal_events
  FOR EACH STATEMENT EXECUTE FUNCTION append_only();
