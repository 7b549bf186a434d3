package kpi

import (
	"context"
	"database/sql"
	"errors"
	"math"

	"leadboard/data"
)

// Entity is a client, a manager, or the department (ID 0).
type Entity struct {
	ID   int64
	Name string // empty for the department: views name it in their language
}

// Point is a KPI's value and target for one period (NaN: none).
type Point struct {
	Value, Target float64
}

// Series is one KPI for one entity, a point per period.
type Series struct {
	KPI    data.KPI
	Entity Entity
	Points []Point
}

// Attainment of a point, in per cent (see Attainment).
func (s Series) Attainment(i int) float64 {
	return Attainment(s.Points[i].Value, s.Points[i].Target, s.KPI.LowerIsBetter())
}

// HasTarget reports whether any period has a target.
func (s Series) HasTarget() bool {
	for _, p := range s.Points {
		if !math.IsNaN(p.Target) {
			return true
		}
	}
	return false
}

// Trend is the answer to a Query: a series per KPI and entity, over the periods.
type Trend struct {
	Query   Query
	Periods []Period
	Series  []Series
}

// HasData reports whether any point has a value.
func (t Trend) HasData() bool {
	for _, s := range t.Series {
		for _, p := range s.Points {
			if !math.IsNaN(p.Value) {
				return true
			}
		}
	}
	return false
}

// TrendOf computes a trend: per KPI one pass over the data the level needs.
func TrendOf(ctx context.Context, s *data.Store, q Query) (Trend, error) {
	t := Trend{Query: q}
	var kpis []data.KPI
	for _, code := range q.KPIs {
		k, err := s.KPIByCode(ctx, code)
		if errors.Is(err, data.ErrNotFound) {
			return t, fieldErr("kpi", "invalid_choice")
		}
		if err != nil {
			return t, err
		}
		kpis = append(kpis, k)
	}
	if err := q.check(kpis); err != nil {
		return t, err
	}
	entities, err := entityNames(ctx, s, q.Level, q.Entities)
	if err != nil {
		return t, err
	}
	t.Periods = periods(q.From, q.To, q.Granularity)
	ids := q.Entities
	if q.Level == data.LevelDepartment {
		ids = nil
	}
	for _, k := range kpis {
		m, err := measure(ctx, s, k, q.Level, ids, q.From, q.To)
		if err != nil {
			return t, err
		}
		targets, err := loadTargets(ctx, s, k, q.Level, q.From, q.To)
		if err != nil {
			return t, err
		}
		for _, ent := range entities {
			series := Series{KPI: k, Entity: ent}
			for _, p := range t.Periods {
				series.Points = append(series.Points, Point{m.value(ent.ID, p), targets.over(ent.ID, p, k.Combine)})
			}
			t.Series = append(t.Series, series)
		}
	}
	return t, nil
}

// entityNames names the asked clients or managers, in the order asked; an unknown
// id is an error. The department is the one entity 0.
func entityNames(ctx context.Context, s *data.Store, level string, ids []int64) ([]Entity, error) {
	if level == data.LevelDepartment {
		return []Entity{{}}, nil
	}
	names, err := namesOf(ctx, s, level, ids)
	if err != nil {
		return nil, err
	}
	out := make([]Entity, 0, len(ids))
	for _, id := range ids {
		name, ok := names[id]
		if !ok {
			return nil, fieldErr("entities", "invalid_choice")
		}
		out = append(out, Entity{id, name})
	}
	return out, nil
}

// namesOf looks up the names of clients or staff in one query.
func namesOf(ctx context.Context, s *data.Store, level string, ids []int64) (map[int64]string, error) {
	query := `SELECT id, name FROM clients WHERE 1 = 1`
	if level == data.LevelManager {
		query = `SELECT id, full_name FROM staff WHERE 1 = 1`
	}
	names := map[int64]string{}
	err := s.EachRow(ctx, query+inList("id", ids), nil, func(r *sql.Rows) error {
		var id int64
		var name string
		if err := r.Scan(&id, &name); err != nil {
			return err
		}
		names[id] = name
		return nil
	})
	return names, err
}
