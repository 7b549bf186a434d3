-- A log entry is known by its client, time and kind (an import matches on it), so
-- no two entries may share all three. The unique index also serves everything the
-- old (client, time) index did. Twins from older files were moved apart before
-- this script runs (see migrationSteps in migrate.go).
DROP INDEX interactions_client;
CREATE UNIQUE INDEX interactions_natural ON interactions(client_id, occurred_at, kind);
