package health

import (
	"context"
	"math"

	"leadboard/data"
	"leadboard/data/workload"
)

// History: the score as of each month's last day, computed by the same machinery
// as Scores. What is dated is read as of that day: who was served, the lead and
// the backup (assignments), contracts, budgets, the log's windows. Two facts are
// known only for today: who is on leave (past months count everyone as working)
// and the managers' workload, which for past months is data/workload's history
// (the load on the month's last day from the assignments then, without leave).

// MonthScore is a client's health as of a month's last day (today for the
// current month). Score, Computed are NaN and Band "" when the client was not
// served then or had nothing to judge by.
type MonthScore struct {
	Month      data.Month
	Computed   float64
	Score      float64 // the override in force that day, if any, else Computed
	Band       string
	Overridden bool
}

// maxHistoryMonths bounds a history's range (ten years).
const maxHistoryMonths = 120

// History computes the monthly health of the clients (nil: every client) over the
// months from..to; months after today are left out. Each client gets one entry
// per month.
func History(ctx context.Context, s *data.Store, st Settings, clientIDs []int64, from, to data.Month) (
	map[int64][]MonthScore, error) {
	today := s.Today()
	to = min(to, data.MonthOf(today))
	switch {
	case to < from:
		return map[int64][]MonthScore{}, nil
	case int(to-from) >= maxHistoryMonths:
		return nil, &data.ValidationError{Fields: []data.FieldError{{Field: "to", Code: "range_too_long"}}}
	}
	coeffs, err := workload.LoadCoefficients(ctx, s)
	if err != nil {
		return nil, err
	}
	loads, err := workload.HistoryOf(ctx, s, coeffs, from, to)
	if err != nil {
		return nil, err
	}
	out := map[int64][]MonthScore{}
	row := func(id int64) []MonthScore {
		if out[id] == nil {
			out[id] = make([]MonthScore, to-from+1)
			for i := range out[id] {
				out[id][i] = MonthScore{Month: from + data.Month(i), Computed: math.NaN(), Score: math.NaN()}
			}
		}
		return out[id]
	}
	for _, id := range clientIDs {
		row(id)
	}
	for m := from; m <= to; m++ {
		asOf, load := m.Last(), utilizationIn(loads, int(m-from))
		if asOf.After(today) {
			asOf, load = today, nil // the month under way: as of today, with today's workload and leave
		}
		hs, err := scoresWith(ctx, s, st, asOf, clientIDs, load, coeffs)
		if err != nil {
			return nil, err
		}
		for _, h := range hs {
			row(h.ClientID)[m-from] = MonthScore{Month: m, Computed: h.Computed, Score: h.Score, Band: h.Band,
				Overridden: h.Override != nil}
		}
	}
	return out, nil
}
