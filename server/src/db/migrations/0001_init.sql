-- Keukentafel hub: the first schema. Migrations only add; never edit a released file.

CREATE TABLE teams (
  team_id uuid PRIMARY KEY,
  name text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  user_id uuid PRIMARY KEY,
  username text NOT NULL UNIQUE,
  display_name text NOT NULL,
  password_hash text NOT NULL,
  role text NOT NULL CHECK (role IN ('worker', 'counsellor', 'teamlead')),
  team_id uuid NOT NULL REFERENCES teams (team_id),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Only a SHA-256 hash of the bearer token is stored, so a leaked table gives no live sessions.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (user_id),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE cases (
  case_id uuid PRIMARY KEY,
  team_id uuid NOT NULL REFERENCES teams (team_id),
  created_by uuid NOT NULL REFERENCES users (user_id),
  postcode_area text NOT NULL,
  adults integer NOT NULL,
  children integer NOT NULL,
  opened_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL,
  seq bigserial NOT NULL UNIQUE
);
CREATE INDEX cases_team_seq_idx ON cases (team_id, seq);

CREATE TABLE idempotency (
  key uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (user_id),
  request_hash text NOT NULL,
  response jsonb NOT NULL,
  status_code integer NOT NULL,
  created_at timestamptz NOT NULL
);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL,
  user_id uuid,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text,
  outcome text NOT NULL
);

-- REVOKE is not portable to PGlite (one superuser), so a trigger keeps the log append-only.
CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_log_no_update_delete
  BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

CREATE TRIGGER audit_log_no_truncate
  BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
