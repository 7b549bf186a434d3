// Package kpi computes KPI trends, rankings and headline figures: derived KPIs from
// the client history and the interaction log, entered KPIs from their typed values,
// each with its targets and attainment. Every view is one set-based pass per KPI;
// nothing is queried per client or per month.
package kpi

import (
	"fmt"
	"slices"
	"time"

	"leadboard/data"
)

// Granularity is the length of a trend's periods.
type Granularity string

const (
	Monthly   Granularity = "month"
	Quarterly Granularity = "quarter"
)

// MaxEntities is how many clients or managers one trend compares.
const MaxEntities = 8

// maxMonths bounds a trend's range (ten years).
const maxMonths = 120

// Query asks for a trend.
type Query struct {
	KPIs        []string // codes; several must share a unit
	Level       string   // data.LevelClient, LevelManager or LevelDepartment
	Entities    []int64  // clients or managers; none for the department
	From, To    data.Month
	Granularity Granularity
}

// Period is a month or a quarter of a trend. A quarter cut by the trend's range
// (February and March of Q1) is still that quarter.
type Period struct {
	From, To  data.Month
	IsQuarter bool
}

// MonthPeriod is one month.
func MonthPeriod(m data.Month) Period { return Period{From: m, To: m} }

// QuarterPeriod is the calendar quarter a month falls in.
func QuarterPeriod(m data.Month) Period {
	first := data.MonthFor(m.Year(), time.Month(3*(m.Quarter()-1)+1))
	return Period{From: first, To: first + 2, IsQuarter: true}
}

// Key names the period in files: "2026-03" or "2026-Q1".
func (p Period) Key() string {
	if p.IsQuarter {
		return fmt.Sprintf("%d-Q%d", p.From.Year(), p.From.Quarter())
	}
	return p.From.String()
}

// length is how many months a whole period of its kind has.
func (p Period) length() data.Month {
	if p.IsQuarter {
		return 3
	}
	return 1
}

// periods splits from..to into months or calendar quarters; a quarter only partly
// inside the range is cut to it.
func periods(from, to data.Month, g Granularity) []Period {
	var out []Period
	for m := from; m <= to; {
		p := MonthPeriod(m)
		if g == Quarterly {
			p = QuarterPeriod(m)
			p.From, p.To = max(p.From, from), min(p.To, to)
		}
		out = append(out, p)
		m = p.To + 1
	}
	return out
}

func fieldErr(field, code string) error {
	return &data.ValidationError{Fields: []data.FieldError{{Field: field, Code: code}}}
}

// check validates the query against the KPIs it names.
func (q Query) check(kpis []data.KPI) error {
	switch {
	case len(kpis) == 0:
		return fieldErr("kpi", "required")
	case q.To < q.From:
		return fieldErr("to", "before_from")
	case int(q.To-q.From) >= maxMonths:
		return fieldErr("to", "range_too_long")
	case q.Granularity != Monthly && q.Granularity != Quarterly:
		return fieldErr("granularity", "invalid_choice")
	case !slices.Contains(data.KPILevels, q.Level):
		return fieldErr("level", "invalid_choice")
	}
	for _, k := range kpis {
		if k.Unit != kpis[0].Unit {
			return fieldErr("kpi", "mixed_units")
		}
		if !slices.Contains(k.Levels(), q.Level) {
			return fieldErr("level", "not_for_kpi")
		}
	}
	if q.Level == data.LevelDepartment {
		return nil
	}
	switch {
	case len(q.Entities) == 0:
		return fieldErr("entities", "required")
	case len(q.Entities) > MaxEntities:
		return fieldErr("entities", "too_many")
	}
	return nil
}
