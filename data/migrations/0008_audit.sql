-- The department audit (the guide's ten sections as a checklist, rated audit by
-- audit), its action items, the register of procedures with acknowledgements,
-- client health overrides and upsell / cross-sell opportunities. History is never
-- cascade-deleted.

CREATE TABLE audits (
    id      INTEGER PRIMARY KEY,
    held_on TEXT NOT NULL UNIQUE,
    title   TEXT NOT NULL DEFAULT ''
);

-- An item's rating in an audit (NULL: not rated yet), with its evidence and owner.
CREATE TABLE audit_items (
    audit_id  INTEGER NOT NULL REFERENCES audits(id) ON DELETE RESTRICT,
    item_code TEXT NOT NULL,
    rating    TEXT CHECK (rating IN ('not_in_place', 'partly', 'in_place')),
    comment   TEXT NOT NULL DEFAULT '',
    evidence  TEXT NOT NULL DEFAULT '', -- a link or a note
    owner_id  INTEGER REFERENCES staff(id) ON DELETE RESTRICT,
    PRIMARY KEY (audit_id, item_code)
) WITHOUT ROWID;

-- Follow-up actions, open until done.
CREATE TABLE actions (
    id        INTEGER PRIMARY KEY,
    audit_id  INTEGER REFERENCES audits(id) ON DELETE RESTRICT,
    item_code TEXT NOT NULL DEFAULT '',
    what      TEXT NOT NULL CHECK (what <> ''),
    owner_id  INTEGER REFERENCES staff(id) ON DELETE RESTRICT,
    due_on    TEXT NOT NULL,
    status    TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
    done_on   TEXT
);
CREATE INDEX actions_open ON actions(due_on) WHERE status = 'open';

-- The department's procedures and instructions.
CREATE TABLE procedures (
    id            INTEGER PRIMARY KEY,
    title         TEXT NOT NULL CHECK (title <> ''),
    title_key     TEXT NOT NULL UNIQUE,
    area          TEXT NOT NULL DEFAULT '',
    owner_id      INTEGER REFERENCES staff(id) ON DELETE RESTRICT,
    link          TEXT NOT NULL DEFAULT '',
    version       INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    last_reviewed TEXT NOT NULL,
    review_months INTEGER NOT NULL CHECK (review_months BETWEEN 1 AND 60),
    archived_on   TEXT
);

-- Who read which version of a procedure, and when.
CREATE TABLE procedure_acks (
    procedure_id    INTEGER NOT NULL REFERENCES procedures(id) ON DELETE RESTRICT,
    staff_id        INTEGER NOT NULL REFERENCES staff(id) ON DELETE RESTRICT,
    version         INTEGER NOT NULL,
    acknowledged_on TEXT NOT NULL,
    PRIMARY KEY (procedure_id, staff_id, version)
) WITHOUT ROWID;

-- The lead's own health score of a client, with a note, until it expires.
CREATE TABLE health_overrides (
    id         INTEGER PRIMARY KEY,
    client_id  INTEGER NOT NULL REFERENCES clients(id) ON DELETE RESTRICT,
    score      INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
    note       TEXT NOT NULL CHECK (note <> ''),
    set_on     TEXT NOT NULL,
    -- The day before set_on: ended on the day it was set, never in force.
    expires_on TEXT NOT NULL CHECK (expires_on >= date(set_on, '-1 day'))
);
CREATE INDEX health_overrides_client ON health_overrides(client_id, expires_on);

-- Upsell and cross-sell opportunities.
CREATE TABLE opportunities (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES clients(id) ON DELETE RESTRICT,
    service     TEXT NOT NULL CHECK (service <> ''),
    kind        TEXT NOT NULL CHECK (kind IN ('upsell', 'cross_sell')),
    amount      INTEGER NOT NULL CHECK (amount >= 0), -- roubles
    probability INTEGER NOT NULL CHECK (probability BETWEEN 0 AND 100),
    expected_on TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'won', 'lost')),
    created_on  TEXT NOT NULL
);
CREATE INDEX opportunities_client ON opportunities(client_id, status);
