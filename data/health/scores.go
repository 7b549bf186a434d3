package health

import (
	"context"
	"math"
	"time"

	"leadboard/data"
	"leadboard/data/workload"
)

// Measure is one measure's score for a client: 0-100, NaN when there is nothing
// to judge by.
type Measure struct {
	Code  string
	Score float64
}

// ClientHealth is a client's health on a day.
type ClientHealth struct {
	ClientID int64
	Client   string
	LeadID   int64 // 0: no lead that day
	Lead     string
	Measures []Measure // in the order of Measures
	Computed float64   // the weighted score, a whole number; NaN: no measure to judge by
	Score    float64   // the override's score while one is in force, else Computed
	Band     string    // of Score: BandRed, BandAmber, BandGreen; BandNone without a score
	Override *data.HealthOverride
	Reasons  []Reason // from the measures below ReasonsBelow, in the order of Measures
}

// Measure is the score of one measure (NaN when not judged).
func (h ClientHealth) Measure(code string) float64 {
	for _, m := range h.Measures {
		if m.Code == code {
			return m.Score
		}
	}
	return math.NaN()
}

// Scores computes the health of every client served on asOf (active or paused;
// client_periods say who was served on a past day), by client name. The facts
// come from a few grouped queries over all the clients at once.
func Scores(ctx context.Context, s *data.Store, st Settings, asOf time.Time) ([]ClientHealth, error) {
	f, err := gather(ctx, s, windowOf(asOf, s.Today()), nil, nil, nil)
	if err != nil {
		return nil, err
	}
	return f.score(st), nil
}

// ScoresOf is Scores for some clients only (those of ids served on asOf).
func ScoresOf(ctx context.Context, s *data.Store, st Settings, asOf time.Time, ids []int64) ([]ClientHealth, error) {
	if ids == nil {
		ids = []int64{}
	}
	f, err := gather(ctx, s, windowOf(asOf, s.Today()), ids, nil, nil)
	if err != nil {
		return nil, err
	}
	return f.score(st), nil
}

// scoresWith is ScoresOf with the managers' utilization already known.
func scoresWith(ctx context.Context, s *data.Store, st Settings, asOf time.Time, ids []int64,
	load map[int64]float64, coeffs workload.Coefficients) ([]ClientHealth, error) {
	f, err := gather(ctx, s, windowOf(asOf, s.Today()), ids, load, &coeffs)
	if err != nil {
		return nil, err
	}
	return f.score(st), nil
}

// score turns the facts into every client's health.
func (f *facts) score(st Settings) []ClientHealth {
	out := make([]ClientHealth, 0, len(f.clients))
	for _, c := range f.clients {
		h := ClientHealth{ClientID: c.id, Client: c.name, LeadID: c.lead, Lead: c.leadName}
		for _, code := range Measures {
			score, reasons := scorers[code](f, c)
			h.Measures = append(h.Measures, Measure{Code: code, Score: score})
			h.Reasons = append(h.Reasons, reasons...)
		}
		h.Computed = Weighted(h.Measures, st)
		h.Score = h.Computed
		if o, ok := f.override[c.id]; ok {
			h.Override = &o
			h.Score = float64(o.Score)
		}
		h.Band = st.Band(h.Score)
		out = append(out, h)
	}
	return out
}

// Weighted is the weighted mean of the measures that have a score, rounded to a
// whole number: a measure with nothing to judge by drops out and the others share
// its weight. NaN when no measure with a weight has a score.
func Weighted(ms []Measure, st Settings) float64 {
	sum, weights := 0.0, 0.0
	for _, m := range ms {
		w := st.Weights[m.Code]
		if math.IsNaN(m.Score) || w <= 0 {
			continue
		}
		sum += w * m.Score
		weights += w
	}
	if weights == 0 {
		return math.NaN()
	}
	return math.Round(sum / weights)
}
