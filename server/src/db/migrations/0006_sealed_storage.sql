-- Sealed (AES-GCM) values do not compress: store them out of line without trying, which saves PostgreSQL a
-- compression attempt on every dossier body it receives. Migrations only add; never edit a released file.
ALTER TABLE dossier_versions ALTER COLUMN body SET STORAGE EXTERNAL;
ALTER TABLE dossiers ALTER COLUMN summary SET STORAGE EXTERNAL;
ALTER TABLE dossiers ALTER COLUMN details SET STORAGE EXTERNAL;
