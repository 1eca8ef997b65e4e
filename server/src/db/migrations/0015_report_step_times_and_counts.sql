-- What the team-lead reports read: when each handover reached each step, and the signal events counted ahead.
-- Nothing here names a resident: dossier ids stay inside the hub, the reports answer only aggregates.
-- Migrations only add; never edit a released file.

-- One row per handover: the first time it reached each step (handover-service writes it in the same transaction
-- as the status change). 'sent' is dossiers.received_at; the date of the first conversation is dossiers.planned_at,
-- of the decision dossiers.decided_on, of a withdrawal dossiers.withdrawn_at.
CREATE TABLE handover_step_times (
  dossier_id uuid PRIMARY KEY REFERENCES dossiers (dossier_id),
  -- First read by a counsellor of the receiving team.
  opened_at timestamptz,
  accepted_at timestamptz,
  returned_at timestamptz,
  -- The reason of that first return (dossiers.return_reason is cleared when the worker sends a new version).
  return_reason text CHECK (return_reason IN ('not-debt-help', 'incomplete', 'other-municipality', 'resident-declined', 'other')),
  -- When the first conversation was first planned (the act; the conversation's own date is dossiers.planned_at).
  planned_at timestamptz,
  decided_at timestamptz,
  closed_at timestamptz
);

-- Handovers from before this migration: only the time of their current status is known.
INSERT INTO handover_step_times (dossier_id, accepted_at, returned_at, return_reason, planned_at, decided_at, closed_at)
SELECT dossier_id,
  CASE WHEN status = 'accepted' THEN updated_at END,
  CASE WHEN status = 'returned' THEN updated_at END,
  CASE WHEN status = 'returned' THEN return_reason END,
  CASE WHEN status = 'first-conversation-planned' THEN updated_at END,
  CASE WHEN status = 'decided' THEN updated_at END,
  CASE WHEN status = 'closed' THEN updated_at END
FROM dossiers;

-- The reports look up the handovers that arrived in a period, and a team's open ones for the overdue list.
CREATE INDEX dossiers_received_idx ON dossiers (received_at);
CREATE INDEX dossiers_owner_idx ON dossiers (owner_team_id, status);

-- Signal events counted per week ahead of time: a recorded event adds 1, the first retraction of the same team
-- takes it off again (a retraction that names another team's event is stored but changes nothing). Kept up to
-- date by the signal-event service in the transaction that stores the events. Two narrow tables, one per way the
-- dashboard splits the counts: by signal and household type, and by neighbourhood (postcode area).
CREATE TABLE signal_counts_by_signal (
  team_id uuid NOT NULL REFERENCES teams (team_id),
  week text NOT NULL,
  signal_id text NOT NULL,
  domain_id text NOT NULL,
  crisis boolean NOT NULL,
  household_type text NOT NULL,
  n integer NOT NULL,
  PRIMARY KEY (team_id, week, signal_id, domain_id, crisis, household_type)
);
CREATE INDEX signal_counts_by_signal_week_idx ON signal_counts_by_signal (week);

CREATE TABLE signal_counts_by_area (
  team_id uuid NOT NULL REFERENCES teams (team_id),
  week text NOT NULL,
  domain_id text NOT NULL,
  crisis boolean NOT NULL,
  postcode_area text NOT NULL,
  n integer NOT NULL,
  PRIMARY KEY (team_id, week, domain_id, crisis, postcode_area)
);
CREATE INDEX signal_counts_by_area_week_idx ON signal_counts_by_area (week);

-- The events stored before this migration.
INSERT INTO signal_counts_by_signal (team_id, week, signal_id, domain_id, crisis, household_type, n)
SELECT r.team_id, r.week, r.signal_id, r.domain_id, r.crisis, r.household_type, count(*)
FROM signal_events r
WHERE r.type = 'recorded'
  AND NOT EXISTS (SELECT 1 FROM signal_events x WHERE x.type = 'retracted' AND x.retracts = r.event_id AND x.team_id = r.team_id)
GROUP BY 1, 2, 3, 4, 5, 6;

INSERT INTO signal_counts_by_area (team_id, week, domain_id, crisis, postcode_area, n)
SELECT r.team_id, r.week, r.domain_id, r.crisis, r.postcode_area, count(*)
FROM signal_events r
WHERE r.type = 'recorded'
  AND NOT EXISTS (SELECT 1 FROM signal_events x WHERE x.type = 'retracted' AND x.retracts = r.event_id AND x.team_id = r.team_id)
GROUP BY 1, 2, 3, 4, 5;
