-- Indexes for the team-lead reports over 100,000 handovers (server/bench/reports.bench.ts). Migrations only add;
-- never edit a released file.

-- Open handovers per team (the workload): few of all, so a partial index keeps them at hand.
CREATE INDEX dossiers_open_idx ON dossiers (owner_team_id, recipient_team_id)
  WHERE status IN ('received', 'accepted', 'first-conversation-planned', 'decided');

-- The Wgs terms by the month their term ended: the columns the count needs ride along, so PostgreSQL can count
-- from the index alone where the table's pages are all-visible.
CREATE INDEX dossiers_first_term_idx ON dossiers (first_conversation_by)
  INCLUDE (deadline_basis, status, planned_at, owner_team_id, recipient_team_id);
CREATE INDEX dossiers_decision_term_idx ON dossiers (decision_by)
  INCLUDE (deadline_basis, status, planned_at, decided_on, owner_team_id, recipient_team_id);
