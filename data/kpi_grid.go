package data

import (
	"context"
	"database/sql"
	"fmt"
)

// The month x KPI grid: a year of one client's, manager's or the department's
// entered values and one-month targets, typed like a spreadsheet.

// KPIGridCell is a month's value and target of a KPI (nil: none).
type KPIGridCell struct {
	Value, Target *float64
}

// KPIGrid is a year of the entered KPIs measured at a level, for one entity.
type KPIGrid struct {
	Year  int
	KPIs  []KPI // entered, not archived, measured at the level
	Cells map[int64]*[12]KPIGridCell
}

// Cell is a KPI's month (January is 1).
func (g KPIGrid) Cell(kpiID int64, month int) KPIGridCell {
	if row := g.Cells[kpiID]; row != nil {
		return row[month-1]
	}
	return KPIGridCell{}
}

// KPIGrid loads the grid in two queries: the values and the one-month targets.
func (s *Store) KPIGrid(ctx context.Context, level string, entity int64, year int) (KPIGrid, error) {
	g := KPIGrid{Year: year, Cells: map[int64]*[12]KPIGridCell{}}
	kpis, err := s.KPIs(ctx)
	if err != nil {
		return g, err
	}
	for _, k := range kpis {
		if !k.Derived() && k.ArchivedOn.IsZero() && k.Level == level {
			g.KPIs = append(g.KPIs, k)
		}
	}
	from, to := MonthFor(year, 1), MonthFor(year, 12)
	put := func(r *sql.Rows, target bool) error {
		var id int64
		var m Month
		var v float64
		if err := r.Scan(&id, &m, &v); err != nil {
			return err
		}
		row := g.Cells[id]
		if row == nil {
			row = &[12]KPIGridCell{}
			g.Cells[id] = row
		}
		if target {
			row[m.Number()-1].Target = &v
		} else {
			row[m.Number()-1].Value = &v
		}
		return nil
	}
	if len(g.KPIs) == 0 {
		return g, nil
	}
	ids := make([]int64, len(g.KPIs))
	for i, k := range g.KPIs {
		ids[i] = k.ID
	}
	var w where
	whereIn(&w, "kpi_id", ids)
	err = s.EachRow(ctx, `SELECT kpi_id, month, value FROM kpi_values `+w.sql()+`
		AND entity_id = ? AND month BETWEEN ? AND ?`, append(w.args, entity, from, to),
		func(r *sql.Rows) error { return put(r, false) })
	if err != nil {
		return g, err
	}
	err = s.EachRow(ctx, `SELECT kpi_id, from_month, target FROM kpi_targets
		WHERE scope = ? AND entity_id = ? AND from_month = to_month AND from_month BETWEEN ? AND ?`,
		[]any{level, entity, from, to}, func(r *sql.Rows) error { return put(r, true) })
	return g, err
}

// KPIGridEdit is one typed cell: a value or a target, or its clearing (nil).
type KPIGridEdit struct {
	KPIID  int64
	Month  Month
	Target bool // the target row of the cell, not the value
	Amount *float64
}

// GridField names a grid cell in a ValidationError: "value:<kpi id>:<YYYY-MM>"
// or "target:...", so the window can say which cell is wrong.
func GridField(e KPIGridEdit) string {
	what := "value"
	if e.Target {
		what = "target"
	}
	return fmt.Sprintf("%s:%d:%s", what, e.KPIID, e.Month)
}

// SaveKPIGrid writes the typed cells of one entity's grid in one transaction: all
// of them or, when any cell is refused, none. Every refused cell is reported.
func (s *Store) SaveKPIGrid(ctx context.Context, level string, entity int64, edits []KPIGridEdit) error {
	return s.Update(ctx, func(t *Tx) error {
		var errs []FieldError
		for _, e := range edits {
			err := t.writeGridCell(level, entity, e)
			if v, ok := AsValidation(err); ok {
				for _, f := range v.Fields {
					f.Field = GridField(e)
					errs = append(errs, f)
				}
				continue
			}
			if err != nil {
				return err
			}
		}
		if len(errs) > 0 {
			return &ValidationError{Fields: errs}
		}
		return nil
	})
}

func (t *Tx) writeGridCell(level string, entity int64, e KPIGridEdit) error {
	switch {
	case e.Target && e.Amount == nil:
		_, err := t.tx.ExecContext(t.ctx, `DELETE FROM kpi_targets WHERE kpi_id = ? AND scope = ? AND entity_id = ?
			AND from_month = ? AND to_month = ?`, e.KPIID, level, entity, e.Month, e.Month)
		return err
	case e.Target:
		_, err := t.SetKPITarget(KPITarget{KPIID: e.KPIID, Scope: level, EntityID: entity, From: e.Month, To: e.Month,
			Target: *e.Amount})
		return err
	case e.Amount == nil:
		return t.ClearKPIValue(e.KPIID, e.Month, entity)
	}
	_, err := t.SetKPIValue(KPIValue{KPIID: e.KPIID, Month: e.Month, EntityID: entity, Value: *e.Amount})
	return err
}
