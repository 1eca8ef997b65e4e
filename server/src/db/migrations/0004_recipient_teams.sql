-- Which hub team receives the dossiers for a recipient of resources/recipients.json. The municipality's
-- schuldhulp team is a team of its own, apart from the buurtteams that send to it. The hub fills this
-- table from recipients.json when it starts. Migrations only add; never edit a released file.

CREATE TABLE recipient_teams (
  recipient_id text PRIMARY KEY CHECK (recipient_id ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(recipient_id) <= 80),
  team_id uuid NOT NULL REFERENCES teams (team_id)
);
CREATE INDEX recipient_teams_team_idx ON recipient_teams (team_id);
