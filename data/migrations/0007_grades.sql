-- Grade assessments: the competency matrix (versioned as a whole: an assessment
-- keeps the version it used), assessments competency by competency with their
-- outcome, development plans, the training catalogue and attendance. History is
-- never cascade-deleted.

CREATE TABLE competency_matrices (
    id         INTEGER PRIMARY KEY,
    version    INTEGER NOT NULL UNIQUE CHECK (version >= 1),
    created_on TEXT NOT NULL
);

CREATE TABLE competencies (
    id        INTEGER PRIMARY KEY,
    matrix_id INTEGER NOT NULL REFERENCES competency_matrices(id) ON DELETE RESTRICT,
    position  INTEGER NOT NULL,
    code      TEXT NOT NULL CHECK (code <> ''),
    area      TEXT NOT NULL CHECK (area <> ''),
    name_ru   TEXT NOT NULL CHECK (name_ru <> ''),
    name_en   TEXT NOT NULL CHECK (name_en <> ''),
    UNIQUE (matrix_id, code),
    UNIQUE (matrix_id, position)
);

-- What a grade requires of a competency (1-4) and the behaviour expected.
CREATE TABLE competency_levels (
    competency_id  INTEGER NOT NULL REFERENCES competencies(id) ON DELETE RESTRICT,
    grade_id       INTEGER NOT NULL REFERENCES grade_levels(id) ON DELETE RESTRICT,
    required       INTEGER NOT NULL CHECK (required BETWEEN 1 AND 4),
    expectation_ru TEXT NOT NULL CHECK (expectation_ru <> ''),
    expectation_en TEXT NOT NULL CHECK (expectation_en <> ''),
    PRIMARY KEY (competency_id, grade_id)
) WITHOUT ROWID;

-- An assessment of a person at a grade on a matrix version. step is the
-- competency to resume at; the outcome is set when it is finished.
CREATE TABLE assessments (
    id              INTEGER PRIMARY KEY,
    staff_id        INTEGER NOT NULL REFERENCES staff(id) ON DELETE RESTRICT,
    matrix_id       INTEGER NOT NULL REFERENCES competency_matrices(id) ON DELETE RESTRICT,
    grade_id        INTEGER NOT NULL REFERENCES grade_levels(id) ON DELETE RESTRICT,
    started_on      TEXT NOT NULL,
    step            INTEGER NOT NULL DEFAULT 0 CHECK (step >= 0),
    finished_on     TEXT,
    recommendation  TEXT CHECK (recommendation IN ('promote', 'develop', 'concern')),
    decision        TEXT CHECK (decision IN ('promote', 'develop', 'concern')),
    override_reason TEXT NOT NULL DEFAULT '',
    promoted_to     INTEGER REFERENCES grade_levels(id) ON DELETE RESTRICT,
    promoted_on     TEXT,
    CHECK ((finished_on IS NULL) = (decision IS NULL))
);
CREATE INDEX assessments_staff ON assessments(staff_id, started_on);
-- One assessment under way per person: starting again resumes it.
CREATE UNIQUE INDEX assessments_underway ON assessments(staff_id) WHERE finished_on IS NULL;

CREATE TABLE assessment_levels (
    assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE RESTRICT,
    competency_id INTEGER NOT NULL REFERENCES competencies(id) ON DELETE RESTRICT,
    observed      INTEGER NOT NULL CHECK (observed BETWEEN 1 AND 4),
    note          TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (assessment_id, competency_id)
) WITHOUT ROWID;

-- A review can mark a person as ready to be considered for promotion.
ALTER TABLE reviews ADD COLUMN promotion_ready INTEGER NOT NULL DEFAULT 0 CHECK (promotion_ready IN (0, 1));

-- Development plan items; a competency by its code (codes outlive matrix versions).
CREATE TABLE plan_items (
    id              INTEGER PRIMARY KEY,
    staff_id        INTEGER NOT NULL REFERENCES staff(id) ON DELETE RESTRICT,
    competency_code TEXT NOT NULL DEFAULT '',
    goal            TEXT NOT NULL CHECK (goal <> ''),
    action          TEXT NOT NULL CHECK (action IN ('training', 'mentoring', 'project', 'reading')),
    due_on          TEXT NOT NULL,
    status          TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in_progress', 'done', 'cancelled')),
    source          TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'assessment', 'review')),
    source_id       INTEGER,
    created_on      TEXT NOT NULL
);
CREATE INDEX plan_items_staff ON plan_items(staff_id, due_on);
CREATE INDEX plan_items_open ON plan_items(due_on) WHERE status IN ('planned', 'in_progress');

CREATE TABLE trainings (
    id          INTEGER PRIMARY KEY,
    title       TEXT NOT NULL CHECK (title <> ''),
    title_key   TEXT NOT NULL UNIQUE,
    provider    TEXT NOT NULL DEFAULT '',
    hours       REAL NOT NULL CHECK (hours > 0),
    archived_on TEXT
);

CREATE TABLE training_competencies (
    training_id     INTEGER NOT NULL REFERENCES trainings(id) ON DELETE RESTRICT,
    competency_code TEXT NOT NULL,
    PRIMARY KEY (training_id, competency_code)
) WITHOUT ROWID;

CREATE TABLE training_attendance (
    id          INTEGER PRIMARY KEY,
    training_id INTEGER NOT NULL REFERENCES trainings(id) ON DELETE RESTRICT,
    staff_id    INTEGER NOT NULL REFERENCES staff(id) ON DELETE RESTRICT,
    attended_on TEXT NOT NULL,
    completed   INTEGER NOT NULL DEFAULT 1 CHECK (completed IN (0, 1)),
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX training_attendance_staff ON training_attendance(staff_id, attended_on);
