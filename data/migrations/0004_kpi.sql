-- KPI: the catalogue, values typed or imported, targets, and the client history the
-- derived KPIs need (when a client was served, what its budget was).

-- A spell during which a client was served (active or paused). end_date is the churn
-- date: the client is no longer served from that day. A client who leaves and comes
-- back has two spells.
CREATE TABLE client_periods (
    id         INTEGER PRIMARY KEY,
    client_id  INTEGER NOT NULL REFERENCES clients(id) ON DELETE RESTRICT,
    start_date TEXT NOT NULL,
    end_date   TEXT CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX client_periods_client ON client_periods(client_id, start_date);
CREATE UNIQUE INDEX client_periods_open ON client_periods(client_id) WHERE end_date IS NULL;
INSERT INTO client_periods (client_id, start_date, end_date)
    SELECT id, start_date, churn_date FROM clients WHERE status <> 'prospect';

-- A client's monthly budget from a day on, until the next row.
CREATE TABLE client_budgets (
    client_id      INTEGER NOT NULL REFERENCES clients(id) ON DELETE RESTRICT,
    valid_from     TEXT NOT NULL,
    monthly_budget INTEGER NOT NULL CHECK (monthly_budget >= 0),
    PRIMARY KEY (client_id, valid_from)
) WITHOUT ROWID;
INSERT INTO client_budgets (client_id, valid_from, monthly_budget)
    SELECT id, start_date, monthly_budget FROM clients;

-- Covering indexes for the derived KPIs: each reads a window of months of one part
-- of the log without touching the table (a 24-month trend over 1.6 million entries
-- drops from about a second to a twentieth of it).
CREATE INDEX interactions_responses ON interactions(occurred_at, client_id, response_hours)
    WHERE response_hours IS NOT NULL;
CREATE INDEX interactions_complaints ON interactions(occurred_at, client_id, resolved_at)
    WHERE kind IN ('complaint', 'escalation');
CREATE INDEX interactions_reports ON interactions(report_due, client_id, occurred_at)
    WHERE kind = 'report_sent';
CREATE INDEX interactions_ratings ON interactions(occurred_at, client_id, satisfaction)
    WHERE satisfaction IS NOT NULL;

-- level is the lowest level a KPI is measured at; a client KPI also rolls up to the
-- manager who led the client and to the department, a manager KPI to the department.
-- combine says how months make a quarter: sum, average (ratios pool the quarter's
-- cases) or the quarter's last month.
-- Derived KPIs are computed by data/kpi from the database and cannot be edited or
-- typed; their rows exist so that targets can name them like any other KPI.
CREATE TABLE kpis (
    id            INTEGER PRIMARY KEY,
    code          TEXT NOT NULL UNIQUE CHECK (code <> ''),
    name_ru       TEXT NOT NULL CHECK (name_ru <> ''),
    name_en       TEXT NOT NULL CHECK (name_en <> ''),
    unit          TEXT NOT NULL CHECK (unit IN ('rub', 'percent', 'count', 'hours', 'score')),
    direction     TEXT NOT NULL CHECK (direction IN ('higher', 'lower')),
    combine       TEXT NOT NULL CHECK (combine IN ('sum', 'average', 'last')),
    level         TEXT NOT NULL CHECK (level IN ('client', 'manager', 'department')),
    source        TEXT NOT NULL CHECK (source IN ('entered', 'derived')),
    definition_ru TEXT NOT NULL DEFAULT '',
    definition_en TEXT NOT NULL DEFAULT '',
    archived_on   TEXT
);

-- A typed or imported value of an entered KPI for one month. entity_id is a client or
-- a staff member according to the KPI's level, 0 for the department.
CREATE TABLE kpi_values (
    kpi_id    INTEGER NOT NULL REFERENCES kpis(id) ON DELETE RESTRICT,
    month     TEXT NOT NULL CHECK (length(month) = 7),
    entity_id INTEGER NOT NULL,
    value     REAL NOT NULL,
    PRIMARY KEY (kpi_id, month, entity_id)
) WITHOUT ROWID;
CREATE INDEX kpi_values_entity ON kpi_values(kpi_id, entity_id, month);

-- A target for a KPI, for a client, a contract (it applies to the contract's client),
-- a manager or the department (entity 0), from a month on, to a month or open-ended.
-- Where two targets cover a month, the one that starts later wins.
CREATE TABLE kpi_targets (
    id         INTEGER PRIMARY KEY,
    kpi_id     INTEGER NOT NULL REFERENCES kpis(id) ON DELETE RESTRICT,
    scope      TEXT NOT NULL CHECK (scope IN ('department', 'manager', 'client', 'contract')),
    entity_id  INTEGER NOT NULL DEFAULT 0,
    from_month TEXT NOT NULL CHECK (length(from_month) = 7),
    to_month   TEXT CHECK (to_month IS NULL OR (length(to_month) = 7 AND to_month >= from_month)),
    target     REAL NOT NULL,
    UNIQUE (kpi_id, scope, entity_id, from_month)
);

INSERT INTO kpis (code, name_ru, name_en, unit, direction, combine, level, source, definition_ru, definition_en) VALUES
('retention', 'Удержание клиентов', 'Client retention', 'percent', 'higher', 'average', 'client', 'derived',
 'Доля клиентов, которых обслуживали накануне периода (в последний день прошлого месяца) и по-прежнему обслуживали в последний день периода. Квартал считается целиком, от начала до конца. Клиент относится к менеджеру, который вёл его в первом месяце периода.',
 'Share of the clients served on the eve of the period (the last day of the month before) who were still served on its last day. A quarter is counted as a whole, start to end. A client belongs to the manager who led it in the period''s first month.'),
('churned', 'Ушедшие клиенты', 'Clients lost', 'count', 'lower', 'sum', 'client', 'derived',
 'Клиенты, ушедшие в этом месяце (по дате ухода).',
 'Clients whose churn date falls in the month.'),
('budget', 'Бюджет под управлением', 'Budget under management', 'rub', 'higher', 'last', 'client', 'derived',
 'Сумма месячных бюджетов клиентов, которых обслуживали в последний день месяца, по бюджету на этот день.',
 'Sum of the monthly budgets, as of the month''s last day, of the clients served on that day.'),
('budget_mom', 'Рост бюджета к прошлому месяцу', 'Budget growth on the month before', 'percent', 'higher', 'last', 'client', 'derived',
 'Изменение бюджета под управлением к предыдущему месяцу, в процентах.',
 'Change of the budget under management against the previous month, in per cent.'),
('budget_yoy', 'Рост бюджета к прошлому году', 'Budget growth on a year before', 'percent', 'higher', 'last', 'client', 'derived',
 'Изменение бюджета под управлением к тому же месяцу год назад, в процентах.',
 'Change of the budget under management against the same month a year earlier, in per cent.'),
('renewals', 'Продления', 'Renewals', 'count', 'higher', 'sum', 'client', 'derived',
 'Записи журнала «продление» за месяц.', 'Log entries of kind "renewal" in the month.'),
('renewals_rub', 'Сумма продлений', 'Renewals, amount', 'rub', 'higher', 'sum', 'client', 'derived',
 'Сумма записей «продление» за месяц.', 'Sum of the amounts of the month''s renewals.'),
('upsell', 'Допродажи', 'Upsell', 'count', 'higher', 'sum', 'client', 'derived',
 'Записи журнала «допродажа» за месяц.', 'Log entries of kind "upsell" in the month.'),
('upsell_rub', 'Сумма допродаж', 'Upsell, amount', 'rub', 'higher', 'sum', 'client', 'derived',
 'Сумма записей «допродажа» за месяц.', 'Sum of the amounts of the month''s upsell entries.'),
('cross_sell', 'Кросс-продажи', 'Cross-sell', 'count', 'higher', 'sum', 'client', 'derived',
 'Записи журнала «кросс-продажа» за месяц.', 'Log entries of kind "cross-sell" in the month.'),
('cross_sell_rub', 'Сумма кросс-продаж', 'Cross-sell, amount', 'rub', 'higher', 'sum', 'client', 'derived',
 'Сумма записей «кросс-продажа» за месяц.', 'Sum of the amounts of the month''s cross-sell entries.'),
('complaints', 'Жалобы и эскалации', 'Complaints and escalations', 'count', 'lower', 'sum', 'client', 'derived',
 'Жалобы и эскалации, полученные за месяц.', 'Complaints and escalations received in the month.'),
('complaints_per10', 'Жалобы на 10 клиентов', 'Complaints per 10 clients', 'count', 'lower', 'average', 'client', 'derived',
 'Жалобы и эскалации за месяц на 10 клиентов, которых обслуживали в последний день месяца.',
 'Complaints and escalations in the month per 10 clients served on its last day.'),
('complaints_sla', 'Жалобы, решённые в срок', 'Complaints resolved within SLA', 'percent', 'higher', 'average', 'client', 'derived',
 'Доля жалоб и эскалаций месяца, решённых не позже срока ответа по договору (срок по умолчанию 24 ч). Открытая жалоба, срок по которой ещё не истёк, не учитывается.',
 'Share of the month''s complaints and escalations resolved within the contract''s response time (24 h when no contract). An open one whose time is not up yet is left out.'),
('response_median', 'Время первого ответа, медиана', 'First response, median', 'hours', 'lower', 'average', 'client', 'derived',
 'Медиана времени первого ответа по записям месяца, где оно измерено, в часах.',
 'Median first-response time of the month''s entries that measure it, in hours.'),
('response_p90', 'Время первого ответа, 90-й процентиль', 'First response, 90th percentile', 'hours', 'lower', 'average', 'client', 'derived',
 '90-й процентиль времени первого ответа по записям месяца, в часах: в 9 случаях из 10 ответ приходил не позже.',
 '90th percentile of the month''s first-response times, in hours: 9 answers in 10 came this fast or faster.'),
('response_sla', 'Ответы в срок', 'Responses within SLA', 'percent', 'higher', 'average', 'client', 'derived',
 'Доля ответов за месяц, данных в срок по договору, действовавшему в день обращения (по умолчанию 24 ч).',
 'Share of the month''s responses within the SLA of the contract in force that day (24 h when no contract).'),
('reports_on_time', 'Отчёты в срок', 'Reports on time', 'percent', 'higher', 'average', 'client', 'derived',
 'Доля отчётов со сроком сдачи в этом месяце, отправленных в срок или раньше. Неотправленный отчёт считается просроченным.',
 'Share of the reports due in the month that were sent on or before the due date. A report never sent counts as late.'),
('reports_missing', 'Несданные отчёты', 'Reports missing', 'count', 'lower', 'sum', 'client', 'derived',
 'Сколько отчётов со сроком сдачи в этом месяце не отправлено. Отчёт сдают после отчётного периода: за прошлый месяц или, при ежеквартальной отчётности, за прошлый квартал, если договор действовал весь этот период. По графику в месяц ожидается: раз в неделю — 4 отчёта, раз в две недели — 2, ежемесячно — 1, ежеквартально — 1 в первый месяц квартала.',
 'Reports not sent: the schedule''s count (weekly 4, biweekly 2, monthly 1, quarterly 1 in the month after the quarter: a report is due after its period) under a contract in force for the whole reported period (the month or quarter before), less the reports sent that were due in the month.'),
('satisfaction', 'Удовлетворённость клиентов', 'Client satisfaction', 'score', 'higher', 'average', 'client', 'derived',
 'Средняя оценка клиентов (1–5) по отзывам месяца.', 'Average client rating (1-5) of the month''s feedback.'),
('clients_per_manager', 'Клиентов на менеджера', 'Clients per manager', 'count', 'lower', 'average', 'manager', 'derived',
 'Клиенты, которых менеджер ведёт в последний день месяца; для отдела — среднее по менеджерам, у которых есть клиенты.',
 'Clients a manager leads on the month''s last day; for the department, the average over managers who lead any.');
