-- Ending sessions, devices and shared rate limits (issue 11, points 2, 3, 7, 8 and 9).
-- Migrations only add; never edit a released file.

-- A disabled user cannot sign in and their tokens stop working; their sessions are deleted when they are disabled.
ALTER TABLE users ADD COLUMN disabled_at timestamptz;

-- A device registers at enrolment. The hub keeps its recovery key, which wraps the device's data key; the key is
-- released only in the answer to a password sign-in of the device's own user. Revoking a device deletes the key
-- for good; the row stays so that the device's token is answered 'device_revoked' and the device wipes itself.
CREATE TABLE devices (
  device_id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (user_id),
  team_id uuid NOT NULL REFERENCES teams (team_id),
  recovery_key text CHECK (recovery_key ~ '^[A-Za-z0-9_-]{43}$'),
  registered_at timestamptz NOT NULL,
  revoked_at timestamptz,
  CHECK ((revoked_at IS NULL) = (recovery_key IS NOT NULL))
);
CREATE INDEX devices_team_idx ON devices (team_id, device_id);

-- The device a session was signed in from, when the sign-in named one.
ALTER TABLE sessions ADD COLUMN device_id uuid REFERENCES devices (device_id);
CREATE INDEX sessions_device_idx ON sessions (device_id) WHERE device_id IS NOT NULL;

-- Fixed-window rate-limit counters, shared by every hub process on one database. The key is a SHA-256 of the limit's
-- name and what it counts (an address, an address and a username), so no address or username is stored.
CREATE TABLE rate_limits (
  key text PRIMARY KEY,
  hits integer NOT NULL,
  window_ends timestamptz NOT NULL
);
CREATE INDEX rate_limits_window_idx ON rate_limits (window_ends);
