-- One idempotency ledger for every keyed write route; the general change feed; the opening date only.
-- Migrations only add; never edit a released file.

-- Which write a key belongs to ('case.create', later the handover routes). The same key on another route is
-- "the same key with another body": 422.
ALTER TABLE idempotency ADD COLUMN scope text NOT NULL DEFAULT 'case.create';

-- The change feed: every status change of any record, in one hub-wide order. Written in the same transaction
-- as the change itself; team_id is the team that owns the record, the filter of GET /api/v1/changes.
CREATE TABLE changes (
  seq bigserial PRIMARY KEY,
  team_id uuid NOT NULL REFERENCES teams (team_id),
  entity text NOT NULL CHECK (entity IN ('case', 'dossier')),
  case_id uuid NOT NULL REFERENCES cases (case_id),
  status text NOT NULL CHECK (status IN ('received', 'accepted', 'returned', 'first-conversation-planned', 'decided', 'closed', 'withdrawn')),
  changed_at timestamptz NOT NULL,
  reason text CHECK (reason IN ('not-debt-help', 'incomplete', 'other-municipality', 'resident-declined', 'other')),
  planned_at timestamptz,
  version integer CHECK (version >= 1)
);
CREATE INDEX changes_team_seq_idx ON changes (team_id, seq);

-- Every case received so far is a 'received' change, in the order the hub received them.
INSERT INTO changes (team_id, entity, case_id, status, changed_at)
  SELECT team_id, 'case', case_id, 'received', received_at FROM cases ORDER BY seq;

-- Data minimisation: a case keeps the day it was opened (in Dutch time), not the moment.
ALTER TABLE cases ADD COLUMN opened_on date;
UPDATE cases SET opened_on = (opened_at AT TIME ZONE 'Europe/Amsterdam')::date;
ALTER TABLE cases ALTER COLUMN opened_on SET NOT NULL;
ALTER TABLE cases ALTER COLUMN opened_at DROP NOT NULL;
UPDATE cases SET opened_at = NULL;
