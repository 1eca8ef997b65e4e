-- A worker's work phone and e-mail: the dossier names the worker as the person to call (DDAS Contactpersoon),
-- and a counsellor needs a number, not only a name. NULL where the municipality did not give one.
-- Migrations only add; never edit a released file.
ALTER TABLE users ADD COLUMN phone text CHECK (length(phone) BETWEEN 1 AND 30);
ALTER TABLE users ADD COLUMN email text CHECK (length(email) BETWEEN 3 AND 254);
