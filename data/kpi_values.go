package data

import (
	"context"
	"database/sql"
	"errors"
	"math"
)

// KPIValue is an entered KPI's value for one month and one client or manager
// (by the KPI's level), or the department (EntityID 0).
type KPIValue struct {
	KPIID    int64
	Month    Month
	EntityID int64
	Value    float64
}

// KPI target scopes: whom a target is for.
const (
	ScopeDepartment = "department"
	ScopeManager    = "manager"
	ScopeClient     = "client"
	ScopeContract   = "contract" // applies to the contract's client
)

// KPITarget is what a KPI should reach from a month on, to a month (0: open-ended).
type KPITarget struct {
	ID       int64
	KPIID    int64
	Scope    string
	EntityID int64 // client, contract or staff id; 0 for the department
	From, To Month
	Target   float64
	Name     string // whom it is for, as lists show it (filled by KPITargets)
}

// entityTable is where a level's or scope's ids live ("" for the department).
func entityTable(levelOrScope string) string {
	switch levelOrScope {
	case LevelClient:
		return "clients"
	case LevelManager:
		return "staff"
	case ScopeContract:
		return "contracts"
	}
	return ""
}

func (t *Tx) kpi(id int64, ch *checker) (KPI, error) {
	k, err := scanKPI(t.tx.QueryRowContext(t.ctx, `SELECT `+kpiColumns+` FROM kpis WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		ch.add("kpi", "invalid_choice")
		return k, nil
	}
	return k, err
}

// checkEntity reports an id that is not a client, staff member or contract as the
// level or scope asks, and any id for the department.
func (t *Tx) checkEntity(levelOrScope string, id int64, ch *checker) error {
	table := entityTable(levelOrScope)
	if table == "" {
		if id != 0 {
			ch.add("entity", "invalid_choice")
		}
		return nil
	}
	if id == 0 {
		ch.add("entity", "required")
		return nil
	}
	return exists(t.ctx, t.tx, table, id, "entity", ch)
}

// checkAmount: a finite number, not negative where the unit cannot be.
func checkAmount(field string, v float64, unit string, ch *checker) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		ch.add(field, "not_number")
		return
	}
	if unit == UnitRoubles || unit == UnitCount || unit == UnitHours || unit == UnitScore {
		ch.notNegative(field, v)
	}
}

// SetKPIValue records a value, replacing the month's earlier one.
func (t *Tx) SetKPIValue(v KPIValue) (Outcome, error) {
	var ch checker
	k, err := t.kpi(v.KPIID, &ch)
	if err != nil {
		return 0, err
	}
	if k.ID != 0 {
		if k.Derived() {
			ch.add("kpi", "derived_kpi")
		}
		if err := t.checkEntity(k.Level, v.EntityID, &ch); err != nil {
			return 0, err
		}
		checkAmount("value", v.Value, k.Unit, &ch)
	}
	switch {
	case v.Month == 0:
		ch.add("month", "required")
	case v.Month > MonthOf(t.Today()):
		ch.add("month", "in_future")
	}
	if err := ch.err(); err != nil {
		return 0, err
	}
	var old float64
	err = t.tx.QueryRowContext(t.ctx, `SELECT value FROM kpi_values WHERE kpi_id = ? AND month = ? AND entity_id = ?`,
		v.KPIID, v.Month, v.EntityID).Scan(&old)
	switch {
	case err == nil && old == v.Value:
		return Unchanged, nil
	case err != nil && !errors.Is(err, sql.ErrNoRows):
		return 0, err
	}
	outcome := Updated
	if err != nil {
		outcome = Added
	}
	_, err = t.tx.ExecContext(t.ctx, `INSERT INTO kpi_values (kpi_id, month, entity_id, value) VALUES (?, ?, ?, ?)
		ON CONFLICT DO UPDATE SET value = excluded.value`, v.KPIID, v.Month, v.EntityID, v.Value)
	return outcome, err
}

// ClearKPIValue removes a month's value (an emptied cell of the grid).
func (t *Tx) ClearKPIValue(kpiID int64, month Month, entityID int64) error {
	_, err := t.tx.ExecContext(t.ctx, `DELETE FROM kpi_values WHERE kpi_id = ? AND month = ? AND entity_id = ?`,
		kpiID, month, entityID)
	return err
}

// TargetScopes are whom a target of a KPI measured at a level can be for.
func TargetScopes(level string) []string {
	switch level {
	case LevelClient:
		return []string{ScopeDepartment, ScopeManager, ScopeClient, ScopeContract}
	case LevelManager:
		return []string{ScopeDepartment, ScopeManager}
	}
	return []string{ScopeDepartment}
}

// SetKPITarget records a target, replacing the one with the same KPI, scope,
// entity and first month.
func (t *Tx) SetKPITarget(tg KPITarget) (Outcome, error) {
	var ch checker
	k, err := t.kpi(tg.KPIID, &ch)
	if err != nil {
		return 0, err
	}
	if k.ID != 0 {
		ch.oneOf("scope", tg.Scope, TargetScopes(k.Level))
		if !ch.has("scope") {
			if err := t.checkEntity(tg.Scope, tg.EntityID, &ch); err != nil {
				return 0, err
			}
		}
		checkAmount("target", tg.Target, k.Unit, &ch)
	}
	if tg.From == 0 {
		ch.add("from", "required")
	}
	if tg.To != 0 && tg.To < tg.From {
		ch.add("to", "before_date", "Date", tg.From.First())
	}
	if err := ch.err(); err != nil {
		return 0, err
	}
	var old KPITarget
	err = t.tx.QueryRowContext(t.ctx, `SELECT id, coalesce(to_month, ''), target FROM kpi_targets
		WHERE kpi_id = ? AND scope = ? AND entity_id = ? AND from_month = ?`, tg.KPIID, tg.Scope, tg.EntityID, tg.From).
		Scan(&old.ID, scanMonth(&old.To), &old.Target)
	switch {
	case err == nil && tg.To == tg.From && old.To != tg.To:
		// A month's target (the grid, a file) where a longer one starts: replacing it
		// would change months the user did not mean to touch.
		ch.add("from", "target_starts")
		return 0, ch.err()
	case err == nil && old.To == tg.To && old.Target == tg.Target:
		return Unchanged, nil
	case err != nil && !errors.Is(err, sql.ErrNoRows):
		return 0, err
	}
	outcome := Updated
	if err != nil {
		outcome = Added
	}
	_, err = t.tx.ExecContext(t.ctx, `INSERT INTO kpi_targets (kpi_id, scope, entity_id, from_month, to_month, target)
		VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET to_month = excluded.to_month, target = excluded.target`,
		tg.KPIID, tg.Scope, tg.EntityID, tg.From, monthValue(tg.To), tg.Target)
	return outcome, err
}

// ClearKPITarget removes a target.
func (t *Tx) ClearKPITarget(id int64) error {
	_, err := t.tx.ExecContext(t.ctx, `DELETE FROM kpi_targets WHERE id = ?`, id)
	return err
}

// KPITargets lists a KPI's targets with whom each is for, department first, then
// by scope, name and month.
func (s *Store) KPITargets(ctx context.Context, kpiID int64) ([]KPITarget, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT t.id, t.kpi_id, t.scope, t.entity_id, t.from_month,
			coalesce(t.to_month, ''), t.target,
			CASE t.scope WHEN 'client' THEN c.name WHEN 'manager' THEN p.full_name
				WHEN 'contract' THEN kc.name || ', ' || k.number ELSE '' END AS who
		FROM kpi_targets t
		LEFT JOIN clients c ON t.scope = 'client' AND c.id = t.entity_id
		LEFT JOIN staff p ON t.scope = 'manager' AND p.id = t.entity_id
		LEFT JOIN contracts k ON t.scope = 'contract' AND k.id = t.entity_id
		LEFT JOIN clients kc ON kc.id = k.client_id
		WHERE t.kpi_id = ? ORDER BY t.scope <> 'department', t.scope, who, t.from_month`, kpiID)
	if err != nil {
		return nil, s.classify(err)
	}
	defer rows.Close()
	var out []KPITarget
	for rows.Next() {
		var tg KPITarget
		if err := rows.Scan(&tg.ID, &tg.KPIID, &tg.Scope, &tg.EntityID, &tg.From, scanMonth(&tg.To), &tg.Target,
			&tg.Name); err != nil {
			return nil, s.classify(err)
		}
		out = append(out, tg)
	}
	return out, s.classify(rows.Err())
}

// SaveKPITarget records a target in its own transaction (see Tx.SetKPITarget).
func (s *Store) SaveKPITarget(ctx context.Context, tg KPITarget) error {
	return s.Update(ctx, func(t *Tx) error {
		_, err := t.SetKPITarget(tg)
		return err
	})
}

// DeleteKPITarget removes a target.
func (s *Store) DeleteKPITarget(ctx context.Context, id int64) error {
	return s.Update(ctx, func(t *Tx) error { return t.ClearKPITarget(id) })
}

// monthValue stores a month, or NULL for 0 (open-ended).
func monthValue(m Month) any {
	if m == 0 {
		return nil
	}
	return m.String()
}

// scanMonth reads a month where "" means none (0).
func scanMonth(m *Month) sql.Scanner { return monthScanner{m} }

type monthScanner struct{ m *Month }

func (s monthScanner) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*s.m = 0
		return nil
	case string:
		if v == "" {
			*s.m = 0
			return nil
		}
	case []byte:
		if len(v) == 0 {
			*s.m = 0
			return nil
		}
	}
	return s.m.Scan(src)
}

// KPIRecord is a row of the KPI file: a month's value and/or one-month target of a
// KPI for a client, a manager or the department (both names empty).
type KPIRecord struct {
	KPI            KPI
	Month          Month
	Client, Person string
	Value, Target  *float64
}

// EachKPIRecord streams entered values with their month's target, then one-month
// targets without a value, by KPI and month: the rows `import --kind kpi` reads
// back. Targets over several months are kept in the app and not in this file.
func (s *Store) EachKPIRecord(ctx context.Context, fn func(KPIRecord) error) error {
	catalogue, err := s.KPIs(ctx)
	if err != nil {
		return err
	}
	kpis := map[int64]KPI{}
	for _, k := range catalogue {
		kpis[k.ID] = k
	}
	rows, err := s.read.QueryContext(ctx, `
		WITH records AS (
			SELECT v.kpi_id, v.month, k.level AS scope, v.entity_id, v.value, t.target
			FROM kpi_values v JOIN kpis k ON k.id = v.kpi_id
			LEFT JOIN kpi_targets t ON t.kpi_id = v.kpi_id AND t.scope = k.level AND t.entity_id = v.entity_id
				AND t.from_month = v.month AND t.to_month = v.month
			UNION ALL
			SELECT t.kpi_id, t.from_month, t.scope, t.entity_id, NULL, t.target
			FROM kpi_targets t JOIN kpis k ON k.id = t.kpi_id
			WHERE t.to_month = t.from_month AND t.scope <> 'contract' AND NOT (t.scope = k.level AND EXISTS
				(SELECT 1 FROM kpi_values v WHERE v.kpi_id = t.kpi_id AND v.month = t.from_month
					AND v.entity_id = t.entity_id))
		)
		SELECT r.kpi_id, r.month, coalesce(c.name, ''), coalesce(p.full_name, ''), r.value, r.target
		FROM records r
		LEFT JOIN clients c ON r.scope = 'client' AND c.id = r.entity_id
		LEFT JOIN staff p ON r.scope = 'manager' AND p.id = r.entity_id
		ORDER BY r.kpi_id, r.month, r.scope, r.entity_id`)
	if err != nil {
		return s.classify(err)
	}
	defer rows.Close()
	for rows.Next() {
		var r KPIRecord
		var value, target sql.NullFloat64
		var id int64
		if err := rows.Scan(&id, &r.Month, &r.Client, &r.Person, &value, &target); err != nil {
			return s.classify(err)
		}
		r.KPI = kpis[id]
		if value.Valid {
			r.Value = &value.Float64
		}
		if target.Valid {
			r.Target = &target.Float64
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	return s.classify(rows.Err())
}
