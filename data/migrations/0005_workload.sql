-- Workload: a person's own capacity, why an assignment changed, and the lead's saved
-- redistribution plans (drafts: deleting a plan deletes its moves; applying one
-- writes ordinary assignment history, which is never deleted).

-- Points a person can carry whatever the grade says; NULL: the grade's capacity x FTE.
ALTER TABLE staff ADD COLUMN capacity_override REAL CHECK (capacity_override IS NULL OR capacity_override >= 0);

-- Why an assignment began (a plan's reason, for instance); '' when nobody said.
ALTER TABLE assignments ADD COLUMN reason TEXT NOT NULL DEFAULT '';

CREATE TABLE workload_plans (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL CHECK (name <> ''),
    name_key   TEXT NOT NULL UNIQUE,
    saved_at   TEXT NOT NULL,
    applied_on TEXT,
    reason     TEXT NOT NULL DEFAULT ''
);

-- A move gives a client's role to another person. from_staff is who held the role
-- when the move was planned: a plan whose clients have changed hands since is not
-- applied.
CREATE TABLE workload_plan_moves (
    plan_id    INTEGER NOT NULL REFERENCES workload_plans(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    client_id  INTEGER NOT NULL REFERENCES clients(id) ON DELETE RESTRICT,
    role       TEXT NOT NULL CHECK (role IN ('lead', 'backup')),
    from_staff INTEGER REFERENCES staff(id) ON DELETE RESTRICT,
    to_staff   INTEGER REFERENCES staff(id) ON DELETE RESTRICT,
    PRIMARY KEY (plan_id, seq)
) WITHOUT ROWID;

-- Clients and managers a plan must not move.
CREATE TABLE workload_plan_locks (
    plan_id   INTEGER NOT NULL REFERENCES workload_plans(id) ON DELETE CASCADE,
    kind      TEXT NOT NULL CHECK (kind IN ('client', 'manager')),
    entity_id INTEGER NOT NULL,
    PRIMARY KEY (plan_id, kind, entity_id)
) WITHOUT ROWID;
