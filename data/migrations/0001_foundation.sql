-- Foundation: grade ladder, staff, clients and their history.
-- Dates are ISO text (YYYY-MM-DD), date-times 'YYYY-MM-DD HH:MM', money in whole roubles.
-- search_key and name_key hold text folded by the store (data/search.go: lower case in
-- any alphabet, ё as е), so that searching needs no per-row function calls; whoever
-- writes these tables outside the store must fill them the same way.
-- History tables reference people and clients ON DELETE RESTRICT: history is never
-- cascade-deleted; people and clients are archived instead.

CREATE TABLE grade_levels (
    id       INTEGER PRIMARY KEY,
    code     TEXT NOT NULL UNIQUE,
    name_ru  TEXT NOT NULL,
    name_en  TEXT NOT NULL,
    rank     INTEGER NOT NULL UNIQUE,
    capacity REAL NOT NULL CHECK (capacity >= 0)
);

INSERT INTO grade_levels (code, name_ru, name_en, rank, capacity) VALUES
    ('junior', 'Младший аккаунт-менеджер',  'Junior account manager', 1, 8),
    ('middle', 'Аккаунт-менеджер',          'Account manager',        2, 12),
    ('senior', 'Старший аккаунт-менеджер',  'Senior account manager', 3, 14),
    ('lead',   'Руководитель группы',       'Team lead',              4, 8);

CREATE TABLE staff (
    id        INTEGER PRIMARY KEY,
    full_name TEXT NOT NULL CHECK (full_name <> ''),
    position  TEXT NOT NULL DEFAULT '',
    grade_id  INTEGER NOT NULL REFERENCES grade_levels(id) ON DELETE RESTRICT,
    team      TEXT NOT NULL DEFAULT '',
    hire_date TEXT NOT NULL,
    fte       REAL NOT NULL DEFAULT 1 CHECK (fte >= 0.1 AND fte <= 1.0),
    status    TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'on_leave', 'left')),
    left_date TEXT CHECK ((status = 'left') = (left_date IS NOT NULL)),
    email     TEXT NOT NULL DEFAULT '',
    phone     TEXT NOT NULL DEFAULT '',
    notes     TEXT NOT NULL DEFAULT '',
    search_key TEXT NOT NULL DEFAULT ''
);
CREATE INDEX staff_grade ON staff(grade_id);
CREATE INDEX staff_status ON staff(status);

CREATE TABLE grade_history (
    id            INTEGER PRIMARY KEY,
    staff_id      INTEGER NOT NULL REFERENCES staff(id) ON DELETE RESTRICT,
    changed_on    TEXT NOT NULL,
    from_grade_id INTEGER REFERENCES grade_levels(id) ON DELETE RESTRICT,
    to_grade_id   INTEGER NOT NULL REFERENCES grade_levels(id) ON DELETE RESTRICT,
    reason        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX grade_history_staff ON grade_history(staff_id, changed_on);

CREATE TABLE clients (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL CHECK (name <> ''),
    industry       TEXT NOT NULL DEFAULT '',
    tier           TEXT NOT NULL CHECK (tier IN ('A', 'B', 'C')),
    status         TEXT NOT NULL CHECK (status IN ('prospect', 'active', 'paused', 'churned')),
    churn_date     TEXT CHECK ((status = 'churned') = (churn_date IS NOT NULL)),
    churn_reason   TEXT NOT NULL DEFAULT '',
    monthly_budget INTEGER NOT NULL DEFAULT 0 CHECK (monthly_budget >= 0),
    complexity     INTEGER NOT NULL DEFAULT 3 CHECK (complexity BETWEEN 1 AND 5),
    start_date     TEXT NOT NULL,
    notes          TEXT NOT NULL DEFAULT '',
    doc_contract   TEXT NOT NULL DEFAULT '',
    doc_brief      TEXT NOT NULL DEFAULT '',
    doc_reporting  TEXT NOT NULL DEFAULT '',
    archived_on    TEXT,
    name_key       TEXT NOT NULL,
    search_key     TEXT NOT NULL DEFAULT ''
);
-- Two clients may not share a name, whatever the case.
CREATE UNIQUE INDEX clients_name ON clients(name_key);
CREATE INDEX clients_status ON clients(status, tier);

CREATE TABLE client_services (
    client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE RESTRICT,
    service   TEXT NOT NULL,
    PRIMARY KEY (client_id, service)
) WITHOUT ROWID;

CREATE TABLE contacts (
    id             INTEGER PRIMARY KEY,
    client_id      INTEGER NOT NULL REFERENCES clients(id) ON DELETE RESTRICT,
    name           TEXT NOT NULL CHECK (name <> ''),
    role           TEXT NOT NULL DEFAULT '',
    email          TEXT NOT NULL DEFAULT '',
    phone          TEXT NOT NULL DEFAULT '',
    decision_maker INTEGER NOT NULL DEFAULT 0 CHECK (decision_maker IN (0, 1))
);
CREATE INDEX contacts_client ON contacts(client_id);

CREATE TABLE contracts (
    id                  INTEGER PRIMARY KEY,
    client_id           INTEGER NOT NULL REFERENCES clients(id) ON DELETE RESTRICT,
    number              TEXT NOT NULL CHECK (number <> ''),
    start_date          TEXT NOT NULL,
    end_date            TEXT CHECK (end_date IS NULL OR end_date >= start_date),
    monthly_fee         INTEGER NOT NULL DEFAULT 0 CHECK (monthly_fee >= 0),
    status              TEXT NOT NULL CHECK (status IN ('draft', 'active', 'ended', 'terminated')),
    renewal_notice_days INTEGER NOT NULL DEFAULT 30 CHECK (renewal_notice_days >= 0),
    sla_hours           REAL NOT NULL DEFAULT 24 CHECK (sla_hours > 0),
    report_frequency    TEXT NOT NULL DEFAULT 'monthly'
                        CHECK (report_frequency IN ('none', 'weekly', 'biweekly', 'monthly', 'quarterly')),
    report_workday      INTEGER NOT NULL DEFAULT 5 CHECK (report_workday BETWEEN 1 AND 20),
    UNIQUE (client_id, number)
);
CREATE INDEX contracts_end ON contracts(status, end_date);
-- The client list joins each client's active contracts.
CREATE INDEX contracts_active_client ON contracts(client_id, end_date) WHERE status = 'active';

-- end_date is the last day of the assignment, inclusive; NULL while it lasts.
CREATE TABLE assignments (
    id         INTEGER PRIMARY KEY,
    client_id  INTEGER NOT NULL REFERENCES clients(id) ON DELETE RESTRICT,
    staff_id   INTEGER NOT NULL REFERENCES staff(id) ON DELETE RESTRICT,
    role       TEXT NOT NULL CHECK (role IN ('lead', 'backup')),
    start_date TEXT NOT NULL,
    end_date   TEXT CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX assignments_client ON assignments(client_id, role, start_date);
CREATE INDEX assignments_staff ON assignments(staff_id, start_date);
-- At most one open lead and one open backup per client.
CREATE UNIQUE INDEX assignments_open_role ON assignments(client_id, role) WHERE end_date IS NULL;
-- The staff list counts each person's current clients.
CREATE INDEX assignments_open_staff ON assignments(staff_id, role) WHERE end_date IS NULL;

CREATE TABLE interactions (
    id             INTEGER PRIMARY KEY,
    client_id      INTEGER NOT NULL REFERENCES clients(id) ON DELETE RESTRICT,
    staff_id       INTEGER REFERENCES staff(id) ON DELETE RESTRICT,
    occurred_at    TEXT NOT NULL,
    channel        TEXT NOT NULL CHECK (channel IN ('call', 'email', 'meeting', 'messenger')),
    kind           TEXT NOT NULL CHECK (kind IN ('request', 'complaint', 'escalation', 'report_sent',
                                                 'meeting', 'upsell', 'cross_sell', 'renewal', 'feedback')),
    response_hours REAL CHECK (response_hours IS NULL OR response_hours >= 0),
    resolved_at    TEXT,
    satisfaction   INTEGER CHECK (satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5),
    amount         INTEGER CHECK (amount IS NULL OR amount >= 0),
    report_due     TEXT,
    notes          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX interactions_client ON interactions(client_id, occurred_at);
CREATE INDEX interactions_staff ON interactions(staff_id, occurred_at);
CREATE INDEX interactions_kind ON interactions(kind, occurred_at);
-- Open complaints and escalations, for the Overview's overdue count.
CREATE INDEX interactions_open_complaints ON interactions(client_id, occurred_at)
    WHERE kind IN ('complaint', 'escalation') AND resolved_at IS NULL;

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
