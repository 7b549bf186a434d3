-- A new client's lead and backup start on a guessed date (the client's start, or the
-- person's hiring if later). Recorded history may later correct a guessed start;
-- a known one stays as it is.
ALTER TABLE assignments ADD COLUMN start_guessed INTEGER NOT NULL DEFAULT 0 CHECK (start_guessed IN (0, 1));
