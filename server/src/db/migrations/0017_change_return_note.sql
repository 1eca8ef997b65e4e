-- The counsellor's explanation with a return ("Toelichting voor de buurtteamwerker") travels with its 'returned'
-- change to the worker's device. Free text about a resident: sealed with the hub key like the dossier's texts,
-- stored out of line (sealed bytes do not compress), and deleted on withdrawal and by retention. Only additive.
ALTER TABLE changes ADD COLUMN note bytea;
ALTER TABLE changes ALTER COLUMN note SET STORAGE EXTERNAL;
