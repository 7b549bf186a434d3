package kpi

import (
	"cmp"
	"context"
	"errors"
	"math"
	"slices"

	"leadboard/data"
)

// RankRow is one manager or client in a ranking.
type RankRow struct {
	Entity
	Value, Target, Attainment float64
}

// Ranking compares every manager or client on one KPI for one period.
type Ranking struct {
	KPI    data.KPI
	Level  string
	Period Period
	Rows   []RankRow // best attainment first; those without a target last, by value
}

// RankingOf ranks every manager or client measured in the period. One pass for the
// KPI at the level, one for the targets, one for the names.
func RankingOf(ctx context.Context, s *data.Store, code, level string, p Period) (Ranking, error) {
	r := Ranking{Level: level, Period: p}
	k, err := s.KPIByCode(ctx, code)
	if errors.Is(err, data.ErrNotFound) {
		return r, fieldErr("kpi", "invalid_choice")
	}
	if err != nil {
		return r, err
	}
	r.KPI = k
	switch {
	case level != data.LevelManager && level != data.LevelClient:
		return r, fieldErr("level", "invalid_choice")
	case !slices.Contains(k.Levels(), level):
		return r, fieldErr("level", "not_for_kpi")
	case p.To < p.From:
		return r, fieldErr("to", "before_from")
	}
	m, err := measure(ctx, s, k, level, nil, p.From, p.To)
	if err != nil {
		return r, err
	}
	targets, err := loadTargets(ctx, s, k, level, p.From, p.To)
	if err != nil {
		return r, err
	}
	names, err := namesOf(ctx, s, level, nil)
	if err != nil {
		return r, err
	}
	for id := range m.cells.by {
		v := m.value(id, p)
		if math.IsNaN(v) {
			continue
		}
		t := targets.over(id, p, k.Combine)
		r.Rows = append(r.Rows, RankRow{Entity{id, names[id]}, v, t, Attainment(v, t, k.LowerIsBetter())})
	}
	slices.SortFunc(r.Rows, func(a, b RankRow) int { return compareRows(a, b, k.LowerIsBetter()) })
	return r, nil
}

// compareRows puts higher attainment first, rows without one after them ordered by
// value (best first), and names break ties so the order is stable.
func compareRows(a, b RankRow, lowerIsBetter bool) int {
	an, bn := math.IsNaN(a.Attainment), math.IsNaN(b.Attainment)
	switch {
	case an != bn:
		if an {
			return 1
		}
		return -1
	case !an && a.Attainment != b.Attainment:
		return cmp.Compare(b.Attainment, a.Attainment)
	case a.Value != b.Value:
		if lowerIsBetter {
			return cmp.Compare(a.Value, b.Value)
		}
		return cmp.Compare(b.Value, a.Value)
	}
	return cmp.Compare(a.Name, b.Name)
}

// HasTargets reports whether any row has an attainment to chart.
func (r Ranking) HasTargets() bool {
	return len(r.Rows) > 0 && !math.IsNaN(r.Rows[0].Attainment) // rows with one come first
}
