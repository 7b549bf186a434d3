-- Performance reviews: criteria templates (versioned: a cycle keeps the version it
-- started with), review cycles, each person's review with the lead's and the
-- person's own ratings, and feedback from other departments. Reviews, ratings and
-- feedback are history: never cascade-deleted.

-- Departments that give feedback (a list the user edits).
CREATE TABLE departments (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL CHECK (name <> ''),
    name_key    TEXT NOT NULL UNIQUE,
    archived_on TEXT
);
INSERT INTO departments (name, name_key) VALUES
    ('Закупка рекламы', 'закупка рекламы'), ('Креатив', 'креатив'), ('Аналитика', 'аналитика'), ('Финансы', 'финансы');

CREATE TABLE feedback (
    id            INTEGER PRIMARY KEY,
    staff_id      INTEGER NOT NULL REFERENCES staff(id) ON DELETE RESTRICT,
    department_id INTEGER NOT NULL REFERENCES departments(id) ON DELETE RESTRICT,
    given_on      TEXT NOT NULL,
    author        TEXT NOT NULL DEFAULT '',
    handoff       INTEGER CHECK (handoff IS NULL OR handoff BETWEEN 1 AND 5),
    briefs        INTEGER CHECK (briefs IS NULL OR briefs BETWEEN 1 AND 5),
    deadlines     INTEGER CHECK (deadlines IS NULL OR deadlines BETWEEN 1 AND 5),
    communication INTEGER CHECK (communication IS NULL OR communication BETWEEN 1 AND 5),
    comment       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX feedback_staff ON feedback(staff_id, given_on);

-- A template version for a grade; editing a template writes a new version.
CREATE TABLE review_templates (
    id         INTEGER PRIMARY KEY,
    grade_id   INTEGER NOT NULL REFERENCES grade_levels(id) ON DELETE RESTRICT,
    version    INTEGER NOT NULL CHECK (version >= 1),
    created_on TEXT NOT NULL,
    UNIQUE (grade_id, version)
);

CREATE TABLE review_criteria (
    id          INTEGER PRIMARY KEY,
    template_id INTEGER NOT NULL REFERENCES review_templates(id) ON DELETE RESTRICT,
    position    INTEGER NOT NULL,
    code        TEXT NOT NULL,
    name_ru     TEXT NOT NULL CHECK (name_ru <> ''),
    name_en     TEXT NOT NULL CHECK (name_en <> ''),
    weight      INTEGER NOT NULL CHECK (weight BETWEEN 1 AND 100),
    anchors_ru  TEXT NOT NULL DEFAULT '', -- five lines: what ratings 1..5 look like
    anchors_en  TEXT NOT NULL DEFAULT '',
    evidence    TEXT NOT NULL DEFAULT '', -- comma-separated evidence codes
    UNIQUE (template_id, code),
    UNIQUE (template_id, position)
);

CREATE TABLE review_cycles (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL CHECK (name <> ''),
    name_key    TEXT NOT NULL UNIQUE,
    period_from TEXT NOT NULL,
    period_to   TEXT NOT NULL CHECK (period_to >= period_from),
    due_on      TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('planned', 'open', 'closed'))
);

-- One review per participant of a cycle, on the template version of the person's
-- grade when the cycle took them in.
CREATE TABLE reviews (
    id           INTEGER PRIMARY KEY,
    cycle_id     INTEGER NOT NULL REFERENCES review_cycles(id) ON DELETE RESTRICT,
    staff_id     INTEGER NOT NULL REFERENCES staff(id) ON DELETE RESTRICT,
    template_id  INTEGER NOT NULL REFERENCES review_templates(id) ON DELETE RESTRICT,
    status       TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final')),
    self_done    INTEGER NOT NULL DEFAULT 0 CHECK (self_done IN (0, 1)),
    strengths    TEXT NOT NULL DEFAULT '',
    growth       TEXT NOT NULL DEFAULT '',
    goals        TEXT NOT NULL DEFAULT '',
    potential    TEXT NOT NULL DEFAULT '' CHECK (potential IN ('', 'low', 'medium', 'high')),
    score        REAL,                 -- set when final
    finalized_on TEXT,
    UNIQUE (cycle_id, staff_id)
);
CREATE INDEX reviews_staff ON reviews(staff_id);

-- A rating of a criterion by the lead or by the person; NULL: not applicable.
CREATE TABLE review_ratings (
    review_id    INTEGER NOT NULL REFERENCES reviews(id) ON DELETE RESTRICT,
    criterion_id INTEGER NOT NULL REFERENCES review_criteria(id) ON DELETE RESTRICT,
    by_self      INTEGER NOT NULL CHECK (by_self IN (0, 1)),
    rating       INTEGER CHECK (rating IS NULL OR rating BETWEEN 1 AND 5),
    comment      TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (review_id, criterion_id, by_self)
) WITHOUT ROWID;

-- A final review opened again: when and why.
CREATE TABLE review_reopenings (
    id          INTEGER PRIMARY KEY,
    review_id   INTEGER NOT NULL REFERENCES reviews(id) ON DELETE RESTRICT,
    reopened_on TEXT NOT NULL,
    reason      TEXT NOT NULL CHECK (reason <> '')
);
