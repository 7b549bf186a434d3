package kpi

import (
	"context"
	"math"

	"leadboard/data"
)

// HeadlineCodes are the department figures the Overview shows.
var HeadlineCodes = []string{"retention", "budget", "complaints_per10", "response_median", "reports_on_time",
	"satisfaction"}

// Figure is one headline KPI: the month's value, the month before, the target.
type Figure struct {
	KPI                     data.KPI
	Month                   data.Month
	Value, Previous, Target float64
}

// Change is the value's change against the month before (NaN: nothing to compare).
func (f Figure) Change() float64 { return f.Value - f.Previous }

// Attainment of the month's value against its target.
func (f Figure) Attainment() float64 { return Attainment(f.Value, f.Target, f.KPI.LowerIsBetter()) }

// Headline computes the department's headline KPIs for a month (the last full
// month, for the Overview) with the month before.
func Headline(ctx context.Context, s *data.Store, month data.Month) ([]Figure, error) {
	var out []Figure
	for _, code := range HeadlineCodes {
		k, err := s.KPIByCode(ctx, code)
		if err != nil {
			return nil, err
		}
		m, err := measure(ctx, s, k, data.LevelDepartment, nil, month-1, month)
		if err != nil {
			return nil, err
		}
		targets, err := loadTargets(ctx, s, k, data.LevelDepartment, month, month)
		if err != nil {
			return nil, err
		}
		now, before := MonthPeriod(month), MonthPeriod(month-1)
		out = append(out, Figure{KPI: k, Month: month, Value: m.value(0, now), Previous: m.value(0, before),
			Target: targets.over(0, now, k.Combine)})
	}
	return out, nil
}

// HasValue reports whether the figure was measured.
func (f Figure) HasValue() bool { return !math.IsNaN(f.Value) }
