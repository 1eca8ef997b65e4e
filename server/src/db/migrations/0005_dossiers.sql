-- The warm handover: dossiers sent by a buurtteam to a recipient team, their versions, and consent
-- withdrawals. Bodies and free text are sealed with the hub key (AES-256-GCM) before they reach this
-- database: a dump alone holds no resident's words. Plain columns are ids, dates and codes the inbox sorts
-- and filters on. Migrations only add; never edit a released file.

CREATE TABLE dossiers (
  dossier_id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (case_id),
  -- The team that sent it (owns the case) and the team that receives it.
  owner_team_id uuid NOT NULL REFERENCES teams (team_id),
  recipient_id text NOT NULL REFERENCES recipient_teams (recipient_id),
  recipient_team_id uuid NOT NULL REFERENCES teams (team_id),
  status text NOT NULL CHECK (status IN ('received', 'accepted', 'returned', 'first-conversation-planned', 'decided', 'closed', 'withdrawn')),
  -- One more with every status change: a counsellor acts only on the revision they saw.
  revision integer NOT NULL CHECK (revision >= 1),
  latest_version integer NOT NULL CHECK (latest_version >= 1),
  consent_id uuid NOT NULL,
  consent_valid_until date NOT NULL,
  -- The Wgs terms as the hub computed them from the latest version.
  deadline_basis text NOT NULL CHECK (deadline_basis IN ('crisis', 'regular')),
  counted_from date NOT NULL,
  first_conversation_by date NOT NULL,
  decision_by date NOT NULL,
  -- Sealed {clientName, town} of the latest version, for the inbox line; NULL once withdrawn.
  summary bytea,
  contact_user_id uuid REFERENCES users (user_id),
  return_reason text CHECK (return_reason IN ('not-debt-help', 'incomplete', 'other-municipality', 'resident-declined', 'other')),
  planned_at timestamptz,
  decided_on date,
  -- Sealed counsellor free text: the return note, the place or phone of the first conversation, the decision note.
  details bytea,
  received_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  withdrawn_at timestamptz,
  seq bigserial NOT NULL UNIQUE
);
CREATE INDEX dossiers_recipient_idx ON dossiers (recipient_team_id, status);
CREATE INDEX dossiers_case_idx ON dossiers (case_id);

-- Every version as sent: a change after sending is a new row, never an overwrite. The body is NULL once the
-- resident withdrew consent; the row stays as the stub of what was received when.
CREATE TABLE dossier_versions (
  dossier_id uuid NOT NULL REFERENCES dossiers (dossier_id),
  version integer NOT NULL CHECK (version >= 1),
  received_at timestamptz NOT NULL,
  body_bytes integer NOT NULL CHECK (body_bytes >= 0),
  body bytea,
  PRIMARY KEY (dossier_id, version)
);

CREATE TABLE consent_withdrawals (
  consent_id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (case_id),
  withdrawn_on date NOT NULL,
  received_at timestamptz NOT NULL
);
CREATE INDEX consent_withdrawals_case_idx ON consent_withdrawals (case_id);
