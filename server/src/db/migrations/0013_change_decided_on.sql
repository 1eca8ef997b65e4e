-- The day of the decision (beschikking) travels with its 'decided' change, so the worker's device can say
-- "Besluit genomen op …" without reading the dossier. Only additive: older rows keep NULL.
ALTER TABLE changes ADD COLUMN decided_on date;
