package kpi

import (
	"context"
	"database/sql"
	"errors"
	"math"
	"slices"
	"sync"

	"leadboard/data"
)

// Evidence for performance reviews: each manager's figures over a review period,
// with the team's median beside them. Every figure is one set-based pass for all
// managers at once (the KPI engine at the manager level), never one per person.

// EvidenceCodes are the figures a review shows; all but two are derived KPIs.
var EvidenceCodes = []string{"kpi_attainment", "response_median", "response_sla", "complaints", "reports_on_time",
	"reports_missing", "retention", "renewals_rub", "upsell_rub", "cross_sell_rub", "satisfaction", "feedback"}

// EvidenceUnits are the units the figures are written in.
var EvidenceUnits = map[string]string{"kpi_attainment": data.UnitPercent, "response_median": data.UnitHours,
	"response_sla": data.UnitPercent, "complaints": data.UnitCount, "reports_on_time": data.UnitPercent,
	"reports_missing": data.UnitCount, "retention": data.UnitPercent, "renewals_rub": data.UnitRoubles,
	"upsell_rub": data.UnitRoubles, "cross_sell_rub": data.UnitRoubles, "satisfaction": data.UnitScore,
	"feedback": data.UnitScore}

// EvidenceFigure is one evidence figure of a person: their value and the team's median
// (NaN: not measured).
type EvidenceFigure struct {
	Value, TeamMedian float64
}

// Evidence is every manager's figures over the months from..to, by code then staff id.
type Evidence struct {
	From, To data.Month
	Figures  map[string]map[int64]float64
}

// Of is a person's figure with the team's median.
func (e Evidence) Of(code string, staffID int64) EvidenceFigure {
	values := e.Figures[code]
	f := EvidenceFigure{Value: math.NaN(), TeamMedian: medianOf(values)}
	if v, ok := values[staffID]; ok {
		f.Value = v
	}
	return f
}

// EvidenceOf computes the evidence of every manager over the months. The figures
// are independent passes over the log: they run side by side on the store's
// reader connections.
func EvidenceOf(ctx context.Context, s *data.Store, from, to data.Month) (Evidence, error) {
	ev := Evidence{From: from, To: to, Figures: map[string]map[int64]float64{}}
	values := make([]map[int64]float64, len(EvidenceCodes))
	errs := make([]error, len(EvidenceCodes))
	var wg sync.WaitGroup
	for i, code := range EvidenceCodes {
		wg.Go(func() { values[i], errs[i] = evidenceFigure(ctx, s, code, from, to) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return ev, err
	}
	for i, code := range EvidenceCodes {
		ev.Figures[code] = values[i]
	}
	return ev, nil
}

// evidenceFigure is one figure for every manager.
func evidenceFigure(ctx context.Context, s *data.Store, code string, from, to data.Month) (map[int64]float64, error) {
	switch code {
	case "kpi_attainment":
		return clientAttainment(ctx, s, from, to)
	case "feedback":
		return feedbackAverages(ctx, s, from, to)
	}
	return managerValues(ctx, s, code, Period{From: from, To: to})
}

// managerValues is a derived KPI's value for every manager over a period.
func managerValues(ctx context.Context, s *data.Store, code string, p Period) (map[int64]float64, error) {
	k, err := s.KPIByCode(ctx, code)
	if err != nil {
		return nil, err
	}
	m, err := measure(ctx, s, k, data.LevelManager, nil, p.From, p.To)
	if err != nil {
		return nil, err
	}
	out := map[int64]float64{}
	for id := range m.cells.by {
		if v := m.value(id, p); !math.IsNaN(v) {
			out[id] = v
		}
	}
	return out, nil
}

// clientAttainment is, for each manager, the mean attainment of the targets their
// clients had on entered KPIs over the period: every (client, KPI) with a target
// counts once, for the manager who led the client in the period's last month.
func clientAttainment(ctx context.Context, s *data.Store, from, to data.Month) (map[int64]float64, error) {
	leads, err := loadLeads(ctx, s, from, to, "")
	if err != nil {
		return nil, err
	}
	var mean meanBy
	err = eachClientAttainment(ctx, s, from, to, nil, func(client int64, a float64) {
		if lead := leads.lead(client, to); lead != 0 {
			mean.add(lead, a)
		}
	})
	return mean.means(), err
}

// feedbackAverages is the mean of every rating other departments gave each
// person in the period.
func feedbackAverages(ctx context.Context, s *data.Store, from, to data.Month) (map[int64]float64, error) {
	out := map[int64]float64{}
	err := s.EachRow(ctx, `SELECT staff_id,
			(sum(coalesce(handoff, 0) + coalesce(briefs, 0) + coalesce(deadlines, 0) + coalesce(communication, 0)) * 1.0)
			/ nullif(sum((handoff IS NOT NULL) + (briefs IS NOT NULL) + (deadlines IS NOT NULL)
				+ (communication IS NOT NULL)), 0)
		FROM feedback WHERE given_on BETWEEN ? AND ? GROUP BY staff_id`,
		[]any{from.First().Format(data.DateLayout), to.Last().Format(data.DateLayout)}, func(r *sql.Rows) error {
			var id int64
			var avg sql.NullFloat64
			if err := r.Scan(&id, &avg); err != nil {
				return err
			}
			if avg.Valid {
				out[id] = avg.Float64
			}
			return nil
		})
	return out, err
}

// medianOf is the median of the values (NaN for none).
func medianOf(values map[int64]float64) float64 {
	v := make([]float64, 0, len(values))
	for _, x := range values {
		v = append(v, x)
	}
	slices.Sort(v)
	return median(parts{raw: v})
}
